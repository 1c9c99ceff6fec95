using System.Text.RegularExpressions;
using PlanRules.Review;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Review;

/// <summary>
/// Every static-analysis code (PR3xxx) has a fixture named after it (<c>Fixtures/lint/PR3xxx/</c>) that proves it is
/// found exactly on the marked lines, with the documented severity, a rule id where it is about a rule, and a suggestion.
/// </summary>
public sealed partial class LintCodeTests
{
    [Fact]
    public void PR3001_ConditionThatCanNeverHold_IsReported()
    {
        var hits = AssertFixture("PR3001", about: "rule");
        Assert.Contains(hits, d => d.RuleId == "lint.pr3001.nrs-range" && d.Message.StartsWith("the condition can never hold", StringComparison.Ordinal)
            && d.Message.Contains("cannot both be true", StringComparison.Ordinal));
        Assert.Contains(hits, d => d.RuleId == "lint.pr3001.dead-alternative" && d.Message.StartsWith("one alternative of the condition can never hold", StringComparison.Ordinal)
            && d.Message.Contains("ranges from 0 to 10", StringComparison.Ordinal));
        Assert.DoesNotContain(hits, d => d.RuleId == "lint.pr3001.fine");
    }

    [Fact]
    public void PR3002_RuleThatDuplicatesAnother_IsReported()
    {
        var hits = AssertFixture("PR3002", about: "rule");
        var copy = Assert.Single(hits, d => d.RuleId == "lint.pr3002.copy");
        Assert.Contains("duplicates 'lint.pr3002.first'", copy.Message, StringComparison.Ordinal);
        Assert.Contains("strength consider / recommended", copy.Message, StringComparison.Ordinal);
        Assert.Contains(hits, d => d.RuleId == "lint.pr3002.warning-b");
    }

    [Fact]
    public void PR3003_CandidateAlwaysExcludedByAnAbsoluteContraindication_IsReported()
    {
        var hits = AssertFixture("PR3003", about: "rule");
        Assert.Contains(hits, d => d.RuleId == "lint.pr3003.with-infection" && d.Message.Contains("'lint.pr3003.infection'", StringComparison.Ordinal));
        Assert.Contains(hits, d => d.RuleId == "lint.pr3003.severe-cervical" && d.Message.Contains("'lint.pr3003.severe-pain-cervical'", StringComparison.Ordinal));
    }

    [Fact]
    public void PR3004_GapOrOverlapBetweenThresholds_IsReported()
    {
        var hits = AssertFixture("PR3004", about: "rule");
        var gap = Assert.Single(hits, d => d.RuleId == "lint.pr3004.short");
        Assert.StartsWith("gap:", gap.Message, StringComparison.Ordinal);
        Assert.Contains("above 10 weeks and below 12 weeks (e.g. 11 weeks)", gap.Message, StringComparison.Ordinal);
        var overlap = Assert.Single(hits, d => d.RuleId == "lint.pr3004.knee-high");
        Assert.StartsWith("overlap:", overlap.Message, StringComparison.Ordinal);
        Assert.Contains("= 6", overlap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PR3005_ParameterNothingUses_IsReported()
    {
        var hit = Assert.Single(AssertFixture("PR3005", about: "file"));
        Assert.Contains("'lint.unused'", hit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PR3006_VocabularyEntryNothingReads_IsReported()
    {
        var hits = AssertFixture("PR3006", about: "file");
        Assert.Contains(hits, d => d.Message.Contains("'finding.sleep.hours'", StringComparison.Ordinal));
        Assert.Contains(hits, d => d.Message.Contains("'allergy.latex'", StringComparison.Ordinal));
        Assert.Contains(hits, d => d.Message.Contains("'weeksAgo' of procedure", StringComparison.Ordinal));
        Assert.DoesNotContain(hits, d => d.Message.Contains("diabetes", StringComparison.Ordinal) || d.Message.Contains("odi", StringComparison.Ordinal));
    }

    [Fact]
    public void PR3007_InterventionNoRuleProposes_IsReported()
    {
        var hit = Assert.Single(AssertFixture("PR3007", about: "file"));
        Assert.Contains("'test.ablation'", hit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PR3008_RuleWithoutRationaleEvidenceOrStatus_IsReported()
    {
        var hits = AssertFixture("PR3008", about: "rule");
        Assert.Equal("rule has no rationale, no evidence, no status", Assert.Single(hits, d => d.RuleId == "lint.pr3008.bare").Message);
        Assert.Equal("rule has no evidence", Assert.Single(hits, d => d.RuleId == "lint.pr3008.no-evidence").Message);
    }

    [Fact]
    public void PR3011_ApprovedWithoutSignOff_IsAnError()
    {
        var hits = AssertFixture("PR3011", about: "rule");
        Assert.All(hits, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal("rule is approved but names no \"reviewedBy\" and gives no \"reviewedOn\" date",
            Assert.Single(hits, d => d.RuleId == "lint.pr3011.approved-anonymously").Message);
        Assert.Equal("rule is approved but gives no \"reviewedOn\" date", Assert.Single(hits, d => d.RuleId == "lint.pr3011.no-date").Message);
        Assert.Contains("a role or placeholder, not a named clinical lead", Assert.Single(hits, d => d.RuleId == "lint.pr3011.by-a-role").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(hits, d => d.RuleId is "lint.pr3011.signed" or "lint.pr3011.draft");
        var result = LintFixtures.Lint("PR3011");
        Assert.False(result.Passes()); // an error fails lint, even without --strict
        Assert.Contains(result.Diagnostics, d => d.Code == "PR3011" && d.ToString().Contains(": error PR3011: ", StringComparison.Ordinal));
    }

    [Fact]
    public void PR3009_RuleStillInDraft_IsReportedAsANote()
    {
        var hits = AssertFixture("PR3009", about: "rule");
        Assert.All(hits, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.All(hits, d => Assert.StartsWith($"lint/rules.json({d.Line},{d.Column}): info PR3009: ", d.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void PR3010_NumberWhereAParameterBelongs_IsReported()
    {
        var hits = AssertFixture("PR3010", about: "rule");
        Assert.Equal(3, hits.Count);
        Assert.All(hits, d => Assert.Equal("lint.pr3010.literals", d.RuleId));
        Assert.Contains(hits, d => d.Message.Contains("the number 12 in 'the pain has lasted at least 12 weeks'", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryLintCode_IsDocumented_AndHasAFixture()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md"));
        foreach (var code in DiagnosticCatalog.All.Where(c => c.Code.StartsWith("PR3", StringComparison.Ordinal)))
        {
            Assert.Matches(new Regex(@"\|\s*(<a id=""[a-z0-9]+""></a>)?" + code.Code + @"\s*\|"), readme);
            Assert.True(Directory.Exists(Path.Combine(LintFixtures.Directory, code.Code)), $"no fixture for {code.Code}");
            Assert.Contains(typeof(LintCodeTests).GetMethods(), m => m.Name.StartsWith(code.Code + "_", StringComparison.Ordinal));
        }
        var documented = CodePattern().Matches(readme).Select(m => m.Value).Distinct().ToHashSet();
        Assert.All(documented, c => Assert.NotNull(DiagnosticCatalog.Find(c)));
    }

    [Fact]
    public void LintCodes_AreUniqueAndComplete()
    {
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(c => c.Code).Distinct().Count());
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(c => c.Name).Distinct().Count());
        Assert.All(DiagnosticCatalog.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Title) || string.IsNullOrWhiteSpace(c.Help)));
    }

    /// <summary>
    /// Lints a fixture and checks that the code is found on every marked line and nowhere else in the fixture's own
    /// files, with its default severity, compiler-style text and a suggestion.
    /// </summary>
    private static List<Diagnostic> AssertFixture(string code, string about)
    {
        var result = LintFixtures.Lint(code);
        Assert.True(result.RuleSet is not null, "the fixture must load:\n" + result.ToText());
        var severity = DiagnosticCatalog.Find(code)!.DefaultSeverity;
        var marked = LintFixtures.Marked(code, code);
        Assert.NotEmpty(marked);
        var ownFiles = marked.Select(m => m.File).Concat(["lint/rules.json"]).ToHashSet();
        var hits = result.Diagnostics.Where(d => d.Code == code && d.File is not null && ownFiles.Contains(d.File)).ToList();
        foreach (var (file, line) in marked)
            Assert.True(hits.Any(d => d.File == file && d.Line == line), $"expected {code} at {file}:{line}, got:\n{result.ToText()}");
        foreach (var d in hits)
        {
            Assert.True(marked.Contains((d.File!, d.Line)), $"unexpected {code} at {d.File}:{d.Line}: {d}");
            Assert.Equal(severity, d.Severity);
            Assert.True(d.Column > 0);
            Assert.False(string.IsNullOrWhiteSpace(d.Suggestion));
            if (about == "rule") Assert.NotNull(d.RuleId);
            var word = severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" };
            Assert.StartsWith($"{d.File}({d.Line},{d.Column}): {word} {code}: ", d.ToString(), StringComparison.Ordinal);
        }
        return hits;
    }

    [GeneratedRegex(@"PR3\d{3}")]
    private static partial Regex CodePattern();
}
