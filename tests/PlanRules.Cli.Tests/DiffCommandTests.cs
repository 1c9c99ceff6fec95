using Newtonsoft.Json.Linq;

namespace PlanRules.Cli.Tests;

/// <summary><c>planrules diff</c>: two rule sets that differ by one parameter.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly string _before;
    private readonly string _after;

    public DiffCommandTests()
    {
        _before = _corpus.WriteRuleSet("before");
        // One parameter changes: ESI now needs 12 weeks of pain instead of 4.
        _after = _corpus.WriteRuleSet("after", editParameters: p => p["parameters"]!["esi.min_pain_weeks"]!["value"] = 12);
        _corpus.WriteCase("cases/changed.json", TestCorpus.Case("ten-weeks", weeks: 10));
        _corpus.WriteCase("cases/same.json", TestCorpus.Case("twenty-weeks", weeks: 20));
    }

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Diff_OneParameterChanged_ShowsTheChangedCase_WithTheRuleResponsible_AsMarkdown()
    {
        var result = CliResult.Run("diff", "--before", _before, "--after", _after, _corpus.PathOf("cases"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var md = result.Out;
        Assert.StartsWith("# Plan differences", md, StringComparison.Ordinal);
        Assert.Contains("**2 case(s): 1 changed, 1 unchanged, 0 could not be read or planned**", md, StringComparison.Ordinal);
        Assert.Contains("| candidate removed | 1 | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("### `changed.json` (caseId `ten-weeks`)", md, StringComparison.Ordinal);
        Assert.Contains("| candidate removed | `esi.lumbar.transforaminal` | recommended, rank 1 | not proposed | t.esi |", md, StringComparison.Ordinal);
        Assert.Contains("| rank changed | `mbb.lumbar` | 2 | 1 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("same.json", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_AsJson_ToAFile_CountsEveryKindOfChange_AndPrintsASummary()
    {
        var file = _corpus.PathOf("out/diff.json");

        var result = CliResult.Run("diff", "--before", _before, "--after", _after, _corpus.PathOf("cases"), "--format", "json", "-o", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("2 cases: 1 changed, 1 unchanged, 0 error(s)", result.Out, StringComparison.Ordinal);
        Assert.Contains("candidate removed", result.Out, StringComparison.Ordinal);
        var report = JObject.Parse(File.ReadAllText(file));
        Assert.Equal("planrules.diff-report/1", (string?)report["schema"]);
        Assert.NotEqual((string?)report["before"]!["sha256"], (string?)report["after"]!["sha256"]);
        Assert.Equal(1, (int)report["summary"]!["changed"]!);
        Assert.Equal(1, (int)report["summary"]!["unchanged"]!);
        Assert.Equal(1, (int)report["changes"]!["candidateRemoved"]!["changes"]!);
        Assert.Equal(1, (int)report["changes"]!["rankChanged"]!["cases"]!);
        var changed = Assert.Single((JArray)report["cases"]!);
        Assert.Equal("changed.json", (string?)changed["name"]);
        var removed = changed["changes"]!.Single(c => (string?)c["kind"] == "candidateRemoved");
        Assert.Equal("esi.lumbar.transforaminal", (string?)removed["item"]);
        Assert.Equal("candidates", (string?)removed["section"]);
        Assert.Equal(["t.esi"], removed["rules"]!.Select(r => (string?)r));
    }

    [Fact]
    public void Diff_FailOnChange_ExitsOne_WhenAPlanChanged()
    {
        var changed = CliResult.Run("diff", "--before", _before, "--after", _after, _corpus.PathOf("cases"), "--fail-on-change");
        var same = CliResult.Run("diff", "--before", _before, "--after", _before, _corpus.PathOf("cases"), "--fail-on-change");

        Assert.True(changed.ExitCode == ExitCodes.Failed, changed.ToString());
        Assert.True(same.ExitCode == ExitCodes.Success, same.ToString());
        Assert.Contains("0 changed, 2 unchanged", same.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_CaseWithIdentifier_IsAnError_OthersCompared_ValueNeverPrinted()
    {
        var refused = TestCorpus.Case("x");
        refused["dateOfBirth"] = "1961-04-12";
        _corpus.WriteCase("cases/refused.json", refused);

        var result = CliResult.Run("diff", "--before", _before, "--after", _after, _corpus.PathOf("cases"), "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        var report = JObject.Parse(result.Out);
        Assert.Equal(1, (int)report["summary"]!["errors"]!);
        Assert.Equal(1, (int)report["summary"]!["changed"]!);
        Assert.Contains("PR4009", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("1961", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_WithoutBeforeOrAfter_IsAUsageError()
    {
        var result = CliResult.Run("diff", "--after", _after, _corpus.PathOf("cases"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("--before", result.Err, StringComparison.Ordinal);
    }
}
