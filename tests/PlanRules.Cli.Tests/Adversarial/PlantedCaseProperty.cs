using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using PlanRules.Cases;
using PlanRules.Fhir;
using PlanRules.Fhir.CdsHooks;
using PlanRules.Handouts;
using PlanRules.Plans;
using PlanRules.Replay;
using Xunit;

namespace PlanRules.Cli.Tests.Adversarial;

/// <summary>
/// The adversarial property of "trust at the edges": an identifier-like string planted into any string value or key of
/// a case never reaches an output byte — diagnostics, plan JSON and text, explain, handouts, FHIR, CDS Hooks cards and
/// every replay report format — compared after NFKC and case folding (and after undoing HTML and JSON escapes).
/// </summary>
public partial class PlantedCaseProperty
{
    private static readonly RuleSet Rules = RuleSet.LoadDefault();

    /// <summary>A synthetic case touching every section, with an expect block.</summary>
    internal const string BaseCase = """
        {
          "schema": "planrules.case/1",
          "caseId": "adversarial-base-0001",
          "patient": { "ageYears": 58, "sex": "female", "pregnant": false },
          "findings": {
            "pain.region": "lumbar", "pain.pattern": "radicular", "pain.laterality": "left",
            "pain.duration_weeks": 10, "pain.nrs": 7, "function.odi": 44, "imaging.concordant": true,
            "exam.neuro_deficit": "stable", "conservative_care.weeks": 6, "redflag.cauda_equina": false
          },
          "history": {
            "conditions": ["diabetes.type2"],
            "medications": [ { "code": "apixaban", "lastDoseHoursAgo": 12 }, { "code": "aspirin", "indication": "secondary_prevention" } ],
            "allergies": ["iodinated_contrast"],
            "devices": [],
            "procedures": [ { "code": "esi.lumbar.transforaminal", "weeksAgo": 20, "reliefPercent": 60, "reliefWeeks": 12 } ]
          },
          "labs": { "inr": 1.0, "platelets": 210 },
          "goals": ["walk_further"],
          "expect": {
            "candidates": { "include": ["esi.lumbar.transforaminal"], "exclude": ["scs.trial"] },
            "warnings": { "include": [ { "about": "medication.apixaban", "appliesTo": "esi.lumbar.transforaminal", "severity": "critical" } ] },
            "missingInformation": { "exclude": ["lab.inr"] },
            "referrals": { "exclude": ["urgent_evaluation"] },
            "noCandidates": false
          }
        }
        """;

    /// <summary>Every place a string can be planted: a string value, or a key (renamed).</summary>
    private static readonly IReadOnlyList<(string Path, bool IsKey)> CasePositions = AllPositions(JObject.Parse(BaseCase));

    internal static IReadOnlyList<(string Path, bool IsKey)> AllPositions(JObject root)
    {
        var result = new List<(string, bool)>();
        foreach (var token in root.DescendantsAndSelf())
        {
            if (token is JProperty p) result.Add((p.Value.Path, true));
            else if (token is JValue { Type: JTokenType.String } v) result.Add((v.Path, false));
        }
        return result;
    }

    [Fact]
    public void TheBaseCase_IsValidAndPlans_SoEveryOutputIsExercised()
    {
        var read = PatientCase.FromJson(BaseCase, Rules.Vocabulary);
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
        var outputs = Outputs(BaseCase);
        Assert.Contains(outputs, o => o.Contains("esi.lumbar.transforaminal", StringComparison.Ordinal));
        Assert.True(CasePositions.Count > 40, CasePositions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Property(MaxTest = 300)]
    public Property APlantedIdentifier_IsNeverEchoed_Anywhere() =>
        Prop.ForAll(
            Gen.Elements(CasePositions.ToArray()).ToArbitrary(),
            Plants.Any().ToArbitrary(),
            (at, planted) =>
            {
                var json = PlantAt(BaseCase, at, planted);
                foreach (var output in Outputs(json))
                    Assert.False(Leaks(output, planted), $"'{at.Path}' ({(at.IsKey ? "key" : "value")}) leaked into:\n{output}");
            });

    internal static string PlantAt(string json, (string Path, bool IsKey) at, string planted)
    {
        var root = JObject.Parse(json);
        var token = at.Path.Length == 0 ? root : root.SelectToken("$" + (at.Path.StartsWith('[') ? "" : ".") + at.Path)
            ?? root.SelectTokens("$..*").First(t => t.Path == at.Path);
        if (at.IsKey)
        {
            var property = (JProperty)token.Parent!;
            property.Replace(new JProperty(planted, property.Value));
        }
        else
        {
            ((JValue)token).Value = planted;
        }
        return root.ToString();
    }

    /// <summary>Whether an output holds the planted text, read raw, with HTML entities decoded, or with JSON escapes undone.</summary>
    internal static bool Leaks(string output, string planted) =>
        Plants.Leaks(output, planted) || Plants.Leaks(WebUtility.HtmlDecode(output), planted) || Plants.Leaks(JsonUnescape(output), planted);

    private static string JsonUnescape(string s) =>
        UnicodeEscape().Replace(s, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex UnicodeEscape();

    /// <summary>Everything the library can make of a case document.</summary>
    internal static List<string> Outputs(string json)
    {
        var outputs = new List<string>();
        var read = PatientCase.FromJson(json, Rules.Vocabulary);
        outputs.AddRange(read.Diagnostics.Select(d => d.ToString() + "\n" + d.JsonPath + "\n" + d.Suggestion));
        if (read.Case is { } c)
        {
            var plan = new PlanRecommender(Rules).Recommend(c);
            outputs.Add(plan.ToJson());
            outputs.Add(plan.ToText());
            outputs.Add(PatientHandout.ToHtml(plan, c, Rules));
            outputs.Add(PatientHandout.ToMarkdown(plan, c, Rules));
            outputs.Add(FhirPlanExporter.ToJson(plan, Rules, new FhirExportOptions { Recorded = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero) }));
            outputs.Add(CdsHooksResponseBuilder.Build(plan, Rules).ToJson());
            var explainer = new PlanExplainer(Rules);
            foreach (var candidate in plan.Candidates.Concat<object>(plan.Excluded).Take(3))
            {
                var code = candidate is Candidate k ? k.Intervention : ((Exclusion)candidate).Intervention;
                outputs.Add(Newtonsoft.Json.JsonConvert.SerializeObject(explainer.Explain(c, code)));
            }
        }
        foreach (var format in Enum.GetValues<ReplayReportFormat>())
        {
            var text = new StringWriter();
            var runner = new ReplayRunner(Rules);
            using (var writer = ReplayReportWriter.Create(format, text))
            {
                var summary = runner.RunAsync([CaseSource.FromText("case-file.json", json)], writer.Add, 1).GetAwaiter().GetResult();
                writer.Complete(summary);
            }
            outputs.Add(text.ToString());
        }
        return outputs;
    }
}
