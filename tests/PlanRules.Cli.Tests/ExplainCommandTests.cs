using Newtonsoft.Json.Linq;

namespace PlanRules.Cli.Tests;

/// <summary><c>planrules explain</c>: status, summary, condition trees marked held / failed / unknown.</summary>
public sealed class ExplainCommandTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly string _rules;

    public ExplainCommandTests() => _rules = _corpus.WriteRuleSet("rules");

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Explain_Candidate_ShowsStatusSummary_AndConditionsHeldFailedUnknown()
    {
        var json = TestCorpus.Case("explained");
        json.Remove("labs"); // INR unknown
        var file = _corpus.WriteCase("case.json", json);

        var result = CliResult.Run("explain", file, "--intervention", "esi.lumbar.transforaminal", "--rules", _rules, "--all");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var lines = result.OutLines;
        Assert.Contains(lines, l => l.EndsWith("[esi.lumbar.transforaminal]: candidate", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("is a candidate (recommended, rank 1) because rule 't.esi' held", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  [held] t.esi (candidate, test/rules.json:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    [held] all of:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("      [held] ", StringComparison.Ordinal) && l.Contains("finding.pain.pattern", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  [unknown] t.inr (contraindication", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    [unknown] ", StringComparison.Ordinal) && l.Contains("lab.inr", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  [failed] t.redflag (referral", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_AbsentIntervention_SaysWhichConditionFailed()
    {
        var file = _corpus.WriteCase("case.json", TestCorpus.Case("short", weeks: 2));

        var result = CliResult.Run("explain", file, "--intervention", "esi.lumbar.transforaminal", "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("[esi.lumbar.transforaminal]: absent", result.Out, StringComparison.Ordinal);
        Assert.Contains("  [failed] t.esi (candidate", result.Out, StringComparison.Ordinal);
        Assert.Contains("      [failed] ", result.Out, StringComparison.Ordinal);
        Assert.Contains("finding.pain.duration_weeks", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_UnknownIntervention_IsAUsageError_WithASuggestion()
    {
        var file = _corpus.WriteCase("case.json", TestCorpus.Case("x"));

        var result = CliResult.Run("explain", file, "--intervention", "scs.trail", "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("unknown intervention 'scs.trail'", result.Err, StringComparison.Ordinal);
        Assert.Contains("scs.trial", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_CaseWithIdentifier_IsRefused_ValueNeverPrinted()
    {
        var json = TestCorpus.Case("x");
        ((JObject)json["patient"]!)["mrn"] = "MRN-00482913";
        var file = _corpus.WriteCase("case.json", json);

        var result = CliResult.Run("explain", file, "--intervention", "mbb.lumbar", "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Contains("PR4009", result.Err, StringComparison.Ordinal);
        Assert.Contains("mrn", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("00482913", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WithoutIntervention_IsAUsageError()
    {
        var file = _corpus.WriteCase("case.json", TestCorpus.Case("x"));

        var result = CliResult.Run("explain", file, "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
    }
}
