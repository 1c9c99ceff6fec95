using Newtonsoft.Json.Linq;

namespace PlanRules.Cli.Tests;

/// <summary>
/// <c>planrules explain</c> shows what matters by default (held rules, rules undecided for a missing fact, and the rules that
/// would have proposed an absent intervention), counts the rest, and takes <c>--only</c>, <c>--all</c>, <c>--format json</c>
/// and <c>-o</c>.
/// </summary>
public sealed class ExplainFilterTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly string _rules;
    private readonly string _case;

    public ExplainFilterTests()
    {
        _rules = _corpus.WriteRuleSet("rules");
        var json = TestCorpus.Case("explained");
        json.Remove("labs"); // INR unknown: t.inr undecided; t.redflag fails (no cauda equina); t.esi holds
        _case = _corpus.WriteCase("case.json", json);
    }

    public void Dispose() => _corpus.Dispose();

    private CliResult Explain(params string[] more) =>
        CliResult.Run(["explain", _case, "--intervention", "esi.lumbar.transforaminal", "--rules", _rules, .. more]);

    [Fact]
    public void Default_ShowsHeldAndUnknown_CountsTheFailedRulesThatDoNotApply()
    {
        var result = Explain();

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains(result.OutLines, l => l.StartsWith("  [held] t.esi (candidate", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("  [unknown] t.inr (contraindication", StringComparison.Ordinal));
        Assert.DoesNotContain("t.redflag", result.Out, StringComparison.Ordinal);
        Assert.Contains(result.OutLines, l => l.StartsWith("Not shown: 1 related rule(s) (1 failed; 1 referral)", StringComparison.Ordinal)
                                              && l.Contains("--all or --only failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_ForAnAbsentIntervention_StillShowsTheFailedRuleThatWouldHaveProposedIt()
    {
        var file = _corpus.WriteCase("short.json", TestCorpus.Case("short", weeks: 2));

        var result = CliResult.Run("explain", file, "--intervention", "esi.lumbar.transforaminal", "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("  [failed] t.esi (candidate", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("t.redflag", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("t.inr", result.Out, StringComparison.Ordinal); // INR 1.0: failed, does not apply
    }

    [Fact]
    public void All_ShowsEveryRelatedRule_AndNothingIsHidden()
    {
        var result = Explain("--all");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("  [failed] t.redflag (referral", result.Out, StringComparison.Ordinal);
        Assert.Contains("  [held] t.esi", result.Out, StringComparison.Ordinal);
        Assert.Contains("  [unknown] t.inr", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Not shown", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("held,unknown", "t.esi,t.inr", "t.redflag")]
    [InlineData("unknown", "t.inr", "t.esi,t.redflag")]
    [InlineData("failed", "t.redflag", "t.esi,t.inr")]
    [InlineData("fired", "t.esi", "t.inr,t.redflag")]
    [InlineData("HELD, failed", "t.esi,t.redflag", "t.inr")]
    public void Only_ListsTheRulesWithThoseOutcomes(string only, string shown, string hidden)
    {
        var result = Explain("--only", only);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        foreach (var rule in shown.Split(',')) Assert.Contains($"] {rule} (", result.Out, StringComparison.Ordinal);
        foreach (var rule in hidden.Split(',')) Assert.DoesNotContain($"] {rule} (", result.Out, StringComparison.Ordinal);
        Assert.Contains("Not shown:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_CanBeRepeated()
    {
        var result = Explain("--only", "held", "--only", "failed");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("] t.esi (", result.Out, StringComparison.Ordinal);
        Assert.Contains("] t.redflag (", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("] t.inr (", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--only", "held,maybe")]
    [InlineData("--only", "held", "--all")]
    [InlineData("--format", "html")]
    public void BadFilters_AreUsageErrors(params string[] options)
    {
        var result = Explain(options);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("error", result.Err, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Json_IsAnExplanationDocument_WithTheSameFilter()
    {
        var result = Explain("--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var json = JObject.Parse(result.Out);
        Assert.Equal("planrules.explanation/1", (string?)json["schema"]);
        Assert.Equal("candidate", (string?)json["status"]);
        var rules = ((JArray)json["rules"]!).Select(r => (string)r["rule"]!).ToArray();
        Assert.Equal(["t.esi", "t.inr"], rules.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(1, (int)json["notShown"]!["failed"]!);
        var esi = json["rules"]!.First(r => (string?)r["rule"] == "t.esi");
        Assert.Equal("held", (string?)esi["condition"]!["truth"]);
        Assert.Equal(2, ((JArray)esi["condition"]!["parts"]!).Count);
    }

    [Fact]
    public void Output_WritesTheExplanationToAFile_PlainText()
    {
        var file = _corpus.PathOf("out/explain.txt");

        var result = Explain("-o", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Out);
        var text = File.ReadAllText(file);
        Assert.Contains("[esi.lumbar.transforaminal]: candidate", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.Empty(Directory.GetFiles(_corpus.PathOf("out"), ".*tmp*"));
    }

    [Fact]
    public void Stdin_IsExplainedLikeAFile()
    {
        var fromFile = Explain();
        var fromStdin = CliResult.RunWithInput(File.ReadAllText(_case), "explain", "-", "--intervention", "esi.lumbar.transforaminal", "--rules", _rules);

        Assert.True(fromStdin.ExitCode == ExitCodes.Success, fromStdin.ToString());
        Assert.Equal(fromFile.Out.Replace("(case.json)", "(stdin)", StringComparison.Ordinal), fromStdin.Out);
    }

    [Fact]
    public void Stdin_WithAnIdentifier_IsRefused_ValueNeverPrinted()
    {
        var json = TestCorpus.Case("x");
        ((JObject)json["patient"]!)["mrn"] = "MRN-00482913";

        var result = CliResult.RunWithInput(json.ToString(), "explain", "-", "--intervention", "mbb.lumbar", "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Contains("PR4009", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("00482913", result.All, StringComparison.Ordinal);
    }
}
