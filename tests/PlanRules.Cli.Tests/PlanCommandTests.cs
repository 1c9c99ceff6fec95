using Newtonsoft.Json.Linq;

namespace PlanRules.Cli.Tests;

/// <summary><c>planrules plan</c>: plan JSON for one case, NDJSON for several, errors per case.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly string _rules;

    public PlanCommandTests() => _rules = _corpus.WriteRuleSet("rules");

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Plan_OneCaseFile_WritesIndentedPlanJson_AndExitsZero()
    {
        var file = _corpus.WriteCase("cases/one.json", TestCorpus.Case("case-one"));

        var result = CliResult.Run("plan", file, "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var plan = JObject.Parse(result.Out);
        Assert.Equal("planrules.plan/1", (string?)plan["schema"]);
        Assert.Equal("case-one", (string?)plan["caseId"]);
        Assert.Contains(plan["candidates"]!, c => (string?)c["intervention"] == "esi.lumbar.transforaminal");
        Assert.Contains("\n  \"caseId\"", result.Out, StringComparison.Ordinal); // indented, as TreatmentPlan.ToJson writes it
        Assert.Equal("", result.Err);
    }

    [Fact]
    public void Plan_Folder_WritesOneCompactPlanJsonPerLine_InFileNameOrder()
    {
        // Written out of order; the folder is read in ordinal file-name order.
        foreach (var name in new[] { "c", "a", "b", "B" })
            _corpus.WriteCase($"cases/{name}.json", TestCorpus.Case("id-" + name.ToLowerInvariant() + (name == "B" ? "-upper" : ""), weeks: name == "b" ? 2 : 10));

        var result = CliResult.Run("plan", _corpus.PathOf("cases"), "--rules", _rules, "--parallel", "3");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.EndsWith("\n", result.Out, StringComparison.Ordinal);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        var plans = lines.Select(JObject.Parse).ToArray();
        Assert.Equal(["id-b-upper", "id-a", "id-b", "id-c"], plans.Select(p => (string?)p["caseId"]));
        Assert.All(lines, l => Assert.DoesNotContain("  ", l, StringComparison.Ordinal));

        // Each line is the single-case plan JSON without its indentation.
        var single = CliResult.Run("plan", _corpus.PathOf("cases/b.json"), "--rules", _rules);
        Assert.True(JToken.DeepEquals(JObject.Parse(single.Out), plans[2]), single.Out + "\n" + lines[2]);
        Assert.DoesNotContain(plans[2]["candidates"]!, c => (string?)c["intervention"] == "esi.lumbar.transforaminal");
    }

    [Fact]
    public void Plan_SeveralFiles_AreAlsoNdjson_InFileNameOrder()
    {
        var z = _corpus.WriteCase("z.json", TestCorpus.Case("zulu"));
        var a = _corpus.WriteCase("a.json", TestCorpus.Case("alpha"));

        var result = CliResult.Run("plan", z, a, "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["alpha", "zulu"], result.OutLines.Select(l => (string?)JObject.Parse(l)["caseId"]));
    }

    [Fact]
    public void Plan_CaseWithIdentifier_IsRefused_OthersStillPlanned_ValueNeverPrinted()
    {
        const string secretName = "Johanna Quickfeather";
        const string secretPhone = "+44 20 7946 0958";
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("first"));
        var refused = TestCorpus.Case("second");
        ((JObject)refused["patient"]!)["name"] = secretName;
        refused["phone"] = secretPhone;
        _corpus.WriteCase("cases/b.json", refused);
        _corpus.WriteCase("cases/c.json", TestCorpus.Case("third"));

        var result = CliResult.Run("plan", _corpus.PathOf("cases"), "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Equal(["first", "third"], result.OutLines.Select(l => (string?)JObject.Parse(l)["caseId"]));
        Assert.Contains("b.json", result.Err, StringComparison.Ordinal);
        Assert.Contains("PR4009", result.Err, StringComparison.Ordinal);
        Assert.Contains("$.patient.name", result.Err, StringComparison.Ordinal); // the field is named
        Assert.DoesNotContain("Johanna", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Quickfeather", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("7946", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_InvalidCase_ReportsDiagnosticsWithJsonPath_AndExitsThree()
    {
        var bad = TestCorpus.Case("bad");
        ((JObject)bad["findings"]!)["pain.duratoin_weeks"] = 3;
        var file = _corpus.WriteCase("bad.json", bad);

        var result = CliResult.Run("plan", file, "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains("bad.json(", result.Err, StringComparison.Ordinal);
        Assert.Contains("PR4004", result.Err, StringComparison.Ordinal);
        Assert.Contains("$.findings", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MissingPath_IsAUsageError()
    {
        var result = CliResult.Run("plan", _corpus.PathOf("nowhere.json"), "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("nowhere.json", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RuleSetWithErrors_PrintsEveryDiagnostic_AndExitsTwo()
    {
        var rules = _corpus.WriteRuleSet("broken", """
            { "rules": [
              { "id": "x.one", "title": "one", "kind": "candidate", "intervention": "esi.lumbar.transforaminal", "strength": "recommended",
                "when": { "fact": "finding.pain.duratoin_weeks", "atLeast": 4 }, "rationale": "r", "evidence": ["e"], "status": "draft" },
              { "id": "x.two", "title": "two", "kind": "candidate", "intervention": "esi.lumbar.transforaminall", "strength": "recommended",
                "when": { "fact": "finding.pain.region", "is": "lumbar" }, "rationale": "r", "evidence": ["e"], "status": "draft" }
            ] }
            """);
        var file = _corpus.WriteCase("one.json", TestCorpus.Case("one"));

        var result = CliResult.Run("plan", file, "--rules", rules);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Matches(@"test/rules\.json\(\d+,\d+\): error PR2001: .*duratoin_weeks", result.Err);
        Assert.Matches(@"test/rules\.json\(\d+,\d+\): error PR2002: .*transforaminall", result.Err);
    }

    [Fact]
    public void Plan_WithoutRules_UsesTheShippedRuleSet()
    {
        var file = _corpus.WriteCase("one.json", TestCorpus.Case("one"));
        RuleSet? shipped;
        try
        {
            shipped = RuleSet.LoadDefault();
        }
        catch (InvalidOperationException)
        {
            shipped = null; // the shipped rules are being written; then the command must say so and exit 2
        }

        var result = CliResult.Run("plan", file);

        if (shipped is null)
        {
            Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
            return;
        }
        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.CaseErrors, result.ToString());
        if (result.ExitCode == ExitCodes.Success)
            Assert.Equal(shipped.Identity.Sha256, (string?)JObject.Parse(result.Out)["ruleSet"]!["sha256"]);
    }
}
