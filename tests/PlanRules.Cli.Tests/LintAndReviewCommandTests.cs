using System.Text.Json;

namespace PlanRules.Cli.Tests;

/// <summary><c>planrules lint</c> and <c>planrules review</c> on the shipped rule set and on a broken copy.</summary>
public sealed class LintAndReviewCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "planrules-lint-" + Guid.NewGuid().ToString("N"));

    public LintAndReviewCommandTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Lint_ShippedRules_HasNoErrors_AndEndsWithTheCounts()
    {
        var result = CliResult.Run("lint", RepoPaths.Rules);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^0 errors, \d+ warnings, \d+ notes$", result.OutLines[^1]);
    }

    [Fact]
    public void Lint_Strict_FailsOnWarnings()
    {
        var result = CliResult.Run("lint", RepoPaths.Rules, "--strict");
        var warnings = int.Parse(result.OutLines[^1].Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(warnings > 0 ? 1 : 0, result.ExitCode);
    }

    [Fact]
    public void Lint_BrokenRuleFile_ReportsItCompilerStyle_AndExits1()
    {
        var rules = CopyRules();
        File.WriteAllText(Path.Combine(rules, "broken.json"),
            """{ "rules": [ { "id": "x", "title": "x", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider", "when": { "fact": "finding.pain.regoin", "is": "lumbar" } } ] }""");
        var result = CliResult.Run("lint", rules);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.json(1,", result.Out, StringComparison.Ordinal);
        Assert.Contains("error PR2001", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_Sarif_IsSarif210()
    {
        var file = Path.Combine(_temp, "lint.sarif");
        var result = CliResult.Run("lint", RepoPaths.Rules, "--format", "sarif", "-o", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.True(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength() > 0);
    }

    [Fact]
    public void Review_WritesOneSelfContainedPage()
    {
        var file = Path.Combine(_temp, "review.html");
        var result = CliResult.Run("review", RepoPaths.Rules, "-o", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(file);
        Assert.Contains("planrules-pain", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public void Review_BeforeAfter_NamesTheChangedParameter()
    {
        var after = CopyRules();
        var parameters = Path.Combine(after, "parameters.json");
        var text = File.ReadAllText(parameters);
        var edited = System.Text.RegularExpressions.Regex.Replace(text, "(\"facet.min_nrs\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*)4", "${1}5");
        Assert.NotEqual(text, edited);
        File.WriteAllText(parameters, edited);
        var result = CliResult.Run("review", "--before", RepoPaths.Rules, "--after", after, "--format", "markdown");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("facet.min_nrs", result.Out, StringComparison.Ordinal);
    }

    private string CopyRules()
    {
        var target = Path.Combine(_temp, "rules");
        foreach (var file in Directory.GetFiles(RepoPaths.Rules, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(RepoPaths.Rules, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
