using PlanRules.Review;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Review;

/// <summary>The linter's contract: loader diagnostics pass through, text output, exit codes, directories.</summary>
public sealed class LinterTests
{
    [Fact]
    public void Lint_RuleSetWithLoaderErrors_ReportsThem_AndSkipsStaticAnalysis()
    {
        var files = LintFixtures.Files("PR3001").Append(new RuleSourceFile("lint/broken.json",
            """{ "rules": [ { "id": "x", "title": "x", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider", "when": { "fact": "finding.pain.duratoin_weeks", "atLeast": 1 } } ] }"""));
        var result = RuleSetLinter.Lint(files);
        Assert.Null(result.RuleSet);
        Assert.Contains(result.Diagnostics, d => d.Code == "PR2001");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("PR3", StringComparison.Ordinal));
        Assert.False(result.Passes());
        Assert.False(result.Passes(warningsFail: true));
    }

    [Fact]
    public void Passes_FailsOnWarningsOnlyWhenWarningsFail_AndNeverForNotes()
    {
        var warnings = new LintResult(null, [new Diagnostic("PR3005", DiagnosticSeverity.Warning, "w", "parameters.json", 3, 5)]);
        Assert.True(warnings.Passes());
        Assert.False(warnings.Passes(warningsFail: true));
        var notes = new LintResult(null, [new Diagnostic("PR3009", DiagnosticSeverity.Info, "n", "a.json", 3, 5)]);
        Assert.True(notes.Passes(warningsFail: true));
    }

    [Fact]
    public void ToText_IsCompilerStyle_WithASummaryLine()
    {
        var result = LintFixtures.Lint("PR3001");
        var lines = result.ToText().TrimEnd('\n').Split('\n');
        Assert.Matches(@"^\d+ errors?, \d+ warnings?, \d+ notes?$", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("lint/rules.json(", StringComparison.Ordinal) && l.Contains("): warning PR3001: rule 'lint.pr3001.nrs-range': ", StringComparison.Ordinal));
        Assert.DoesNotContain(result.ToText(includeInfo: false).Split('\n'), l => l.Contains(": info ", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_Directory_EqualsLint_Files_AndIgnoresTheSchema()
    {
        var dir = Directory.CreateTempSubdirectory("planrules-lint-");
        try
        {
            foreach (var f in LintFixtures.Files("PR3004"))
            {
                var path = Path.Combine(dir.FullName, f.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, f.Content);
            }
            File.Copy(Path.Combine(RepoPaths.Rules, "planrules.schema.json"), Path.Combine(dir.FullName, "planrules.schema.json"));
            var fromDirectory = RuleSetLinter.Lint(dir.FullName);
            var fromFiles = LintFixtures.Lint("PR3004");
            Assert.Equal(fromFiles.Diagnostics.Select(d => d.ToString()), fromDirectory.Diagnostics.Select(d => d.ToString()));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lint_MissingDirectory_ReportsPR1006()
    {
        var result = RuleSetLinter.Lint(Path.Combine(Path.GetTempPath(), "planrules-no-such-dir-" + Guid.NewGuid()));
        Assert.Equal("PR1006", Assert.Single(result.Diagnostics).Code);
        Assert.False(result.Passes());
    }

    [Fact]
    public void Analyze_IsDeterministic()
    {
        var files = LintFixtures.Files("PR3004");
        var set = RuleSet.Load(files).RuleSet!;
        var first = RuleSetLinter.Analyze(set, files).Select(d => d.ToString()).ToArray();
        var second = RuleSetLinter.Analyze(set, files).Select(d => d.ToString()).ToArray();
        Assert.Equal(first, second);
    }
}
