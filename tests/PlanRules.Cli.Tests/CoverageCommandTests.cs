using Newtonsoft.Json.Linq;

namespace PlanRules.Cli.Tests;

/// <summary><c>planrules coverage</c>: never-fired rules first; facts no rule reads.</summary>
public sealed class CoverageCommandTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly string _rules;

    public CoverageCommandTests()
    {
        _rules = _corpus.WriteRuleSet("rules");
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a", weeks: 10));
        _corpus.WriteCase("cases/b.json", TestCorpus.Case("b", weeks: 2));
    }

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Coverage_ListsNeverFiredRulesFirst_ThenByCases_AndFactsNoRuleReads()
    {
        var result = CliResult.Run("coverage", _corpus.PathOf("cases"), "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var rows = result.OutLines.Where(l => l.StartsWith("| t.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(5, rows.Length);
        string[] order = ["t.scs.never", "t.inr", "t.redflag", "t.esi", "t.mbb"];
        Assert.Equal(order, rows.Select(r => r.Split('|', StringSplitOptions.TrimEntries)[1].Split(' ')[0]));
        Assert.Contains("(never fired)", rows[0], StringComparison.Ordinal);
        Assert.Matches(@"\|\s+1\s+\|\s+0\s+\|$", rows[3]); // t.esi: one case of two
        Assert.Matches(@"\|\s+2\s+\|\s+0\s+\|$", rows[4]); // t.mbb: both
        var facts = result.OutLines.SkipWhile(l => !l.StartsWith("Facts no rule reads", StringComparison.Ordinal)).ToArray();
        Assert.Contains("  finding.function.odi", facts);
        Assert.DoesNotContain("  finding.pain.pattern", facts);
        Assert.DoesNotContain("  lab.inr", facts);
        Assert.Contains("2 case(s) planned, 0 could not be read or planned; 3 of 5 rule(s) never fired.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_AsJson()
    {
        var result = CliResult.Run("coverage", _corpus.PathOf("cases"), "--rules", _rules, "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var report = JObject.Parse(result.Out);
        Assert.Equal(2, (int)report["casesPlanned"]!);
        var first = report["rules"]![0]!;
        Assert.Equal("t.scs.never", (string?)first["rule"]);
        Assert.Equal(0, (int)first["casesFired"]!);
        Assert.Contains(report["unreadFacts"]!, f => (string?)f == "finding.function.odi");
    }

    [Fact]
    public void Coverage_CaseThatCannotBeRead_IsReported_AndExitsThree()
    {
        File.WriteAllText(_corpus.PathOf("cases/broken.json"), "{ \"schema\": ");

        var result = CliResult.Run("coverage", _corpus.PathOf("cases"), "--rules", _rules, "--format", "markdown");

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Contains("broken.json", result.Err, StringComparison.Ordinal);
        Assert.Contains("PR4001", result.Err, StringComparison.Ordinal);
        Assert.Contains("2 case(s) planned, 1 could not be read or planned", result.Out, StringComparison.Ordinal);
    }
}
