using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace PlanRules.Cli.Tests;

/// <summary>
/// Every command that writes output takes <c>--format</c> and <c>-o/--output</c> (written atomically; <c>-</c> is standard
/// output); the old names <c>--out</c> and <c>replay --report</c> still work, hidden, with a one-line notice.
/// </summary>
public sealed class OutputConventionTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly string _rules;

    public OutputConventionTests()
    {
        _rules = _corpus.WriteRuleSet("rules");
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        _corpus.WriteCase("cases/b.json", TestCorpus.Case("b", expect: JObject.Parse("""{ "noCandidates": true }""")));
    }

    public void Dispose() => _corpus.Dispose();

    public static TheoryData<string> WritingCommands => new() { "plan", "replay", "diff", "coverage", "explain", "lint", "review" };

    [Theory]
    [MemberData(nameof(WritingCommands))]
    public void Help_OffersFormatAndOutput_AndHidesTheOldNames(string command)
    {
        var help = CliResult.Run(command, "--help");

        Assert.Contains("--format", help.Out, StringComparison.Ordinal);
        Assert.Contains("-o, --output <FILE>", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--out ", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--report", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Output_WritesThePlanToTheFile_NothingOnStdout()
    {
        var file = _corpus.PathOf("out/plan.json");

        var result = CliResult.Run("plan", _corpus.PathOf("cases/a.json"), "--rules", _rules, "--output", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Equal("a", (string?)JObject.Parse(File.ReadAllText(file))["caseId"]);
    }

    [Fact]
    public void Plan_Output_Ndjson_ForAFolder()
    {
        var file = _corpus.PathOf("out/plans.ndjson");

        var result = CliResult.Run("plan", _corpus.PathOf("cases"), "--rules", _rules, "-o", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var lines = File.ReadAllLines(file);
        Assert.Equal(["a", "b"], lines.Select(l => (string)JObject.Parse(l)["caseId"]!).ToArray());
    }

    [Fact]
    public void Plan_OutputDash_IsStandardOutput()
    {
        var result = CliResult.Run("plan", _corpus.PathOf("cases/a.json"), "--rules", _rules, "-o", "-");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("a", (string?)JObject.Parse(result.Out)["caseId"]);
    }

    [Fact]
    public void Plan_RefusedCase_LeavesThePreviousOutputFileUntouched_AndNoTemporaryFile()
    {
        var file = _corpus.PathOf("out/plan.json");
        Directory.CreateDirectory(_corpus.PathOf("out"));
        File.WriteAllText(file, "previous");
        var bad = TestCorpus.Case("x");
        ((JObject)bad["patient"]!)["mrn"] = "MRN-00482913";
        var badFile = _corpus.WriteCase("bad.json", bad);

        var result = CliResult.Run("plan", badFile, "--rules", _rules, "-o", file);

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Equal("previous", File.ReadAllText(file));
        Assert.Single(Directory.GetFiles(_corpus.PathOf("out")));
        Assert.DoesNotContain("00482913", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_ToAFolder_IsAUsageError()
    {
        Directory.CreateDirectory(_corpus.PathOf("folder"));

        var result = CliResult.Run("plan", _corpus.PathOf("cases/a.json"), "--rules", _rules, "-o", _corpus.PathOf("folder"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("cannot write", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_Output_WritesTheChosenFormat()
    {
        var json = _corpus.PathOf("out/coverage.json");
        var table = _corpus.PathOf("out/coverage.txt");

        var a = CliResult.Run("coverage", _corpus.PathOf("cases"), "--rules", _rules, "--format", "json", "-o", json);
        var b = CliResult.Run("coverage", _corpus.PathOf("cases"), "--rules", _rules, "-o", table);

        Assert.True(a.ExitCode == ExitCodes.Success, a.ToString());
        Assert.True(b.ExitCode == ExitCodes.Success, b.ToString());
        Assert.Equal("", a.Out);
        Assert.Equal("planrules.coverage-report/1", (string?)JObject.Parse(File.ReadAllText(json))["schema"]);
        Assert.Contains("| t.scs.never (never fired)", File.ReadAllText(table), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_FormatWithoutOutput_PutsTheReportOnStdout_AndTheConsoleLinesOnStderr()
    {
        var result = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", _rules, "--format", "junit");

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        var xml = XDocument.Parse(result.Out);
        Assert.Equal("testsuites", xml.Root!.Name.LocalName);
        Assert.Contains("1 passed, 1 failed", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_TextToAFile_IsTheConsoleOutput()
    {
        var file = _corpus.PathOf("out/replay.txt");

        var result = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", _rules, "-o", file);

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Equal("", result.Out);
        var lines = File.ReadAllLines(file);
        Assert.Equal("1 passed, 1 failed", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("FAIL b.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Replay_DeprecatedReportAndOut_StillWork_WithOneNoticeEach()
    {
        var file = _corpus.PathOf("out/junit.xml");

        var result = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", _rules, "--report", "junit", "--out", file);

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Equal("testsuites", XDocument.Load(file).Root!.Name.LocalName);
        var notices = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["warning: --report is deprecated; use --format", "warning: --out is deprecated; use -o/--output"], notices);
        Assert.Equal("1 passed, 1 failed", result.OutLines[^1]);
    }

    [Fact]
    public void Diff_Output_WritesTheReport_WithASummaryOnStdout()
    {
        var after = _corpus.WriteRuleSet("after", editParameters: p => p["parameters"]!["esi.min_pain_weeks"]!["value"] = 12);
        var file = _corpus.PathOf("out/diff.md");

        var result = CliResult.Run("diff", "--before", _rules, "--after", after, _corpus.PathOf("cases"), "--output", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.True(File.Exists(file));
        Assert.Contains("Report written to", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void LintAndReview_Output()
    {
        var sarif = _corpus.PathOf("out/lint.sarif");
        var review = _corpus.PathOf("out/review.md");

        var lint = CliResult.Run("lint", _rules, "--format", "sarif", "--output", sarif);
        var doc = CliResult.Run("review", _rules, "--format", "markdown", "-o", review);

        Assert.Equal("2.1.0", (string?)JObject.Parse(File.ReadAllText(sarif))["version"]);
        Assert.Equal("", lint.Out);
        Assert.True(doc.ExitCode == ExitCodes.Success, doc.ToString());
        Assert.True(new FileInfo(review).Length > 0);
    }

    [Fact]
    public void OutputAndOut_Together_AreAUsageError()
    {
        var result = CliResult.Run("lint", _rules, "-o", _corpus.PathOf("a.txt"), "--out", _corpus.PathOf("b.txt"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("-o/--output only", result.Err, StringComparison.Ordinal);
    }
}
