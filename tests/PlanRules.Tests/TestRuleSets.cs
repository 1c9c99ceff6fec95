using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Rules;

namespace PlanRules.Tests;

/// <summary>Builds rule sets for tests: the shipped vocabulary, parameters and catalog plus rule files given as text.</summary>
internal static class TestRuleSets
{
    private static readonly string[] DataFiles = ["ruleset.json", "vocabulary.json", "parameters.json", "catalog.json"];

    public static IReadOnlyList<RuleSourceFile> ShippedDataFiles() =>
        DataFiles.Select(f => new RuleSourceFile(f, File.ReadAllText(Path.Combine(RepoPaths.Rules, f)))).ToArray();

    /// <summary>Loads the shipped data files with the given rule files (path, content).</summary>
    public static RuleSetLoadResult Load(params (string Path, string Content)[] ruleFiles) =>
        RuleSet.Load([.. ShippedDataFiles(), .. ruleFiles.Select(f => new RuleSourceFile(f.Path, f.Content))]);

    /// <summary>Loads rules given as the text of a <c>rules</c> array; fails the test on any error.</summary>
    public static RuleSet Rules(string rulesArray)
    {
        var result = Load(("test/rules.json", "{ \"rules\": " + rulesArray + " }"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.RuleSet!;
    }

    public static TreatmentPlan Plan(RuleSet rules, string caseJson)
    {
        var read = PatientCase.FromJson(caseJson, rules.Vocabulary);
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
        return new PlanRecommender(rules).Recommend(read.Case!);
    }

    /// <summary>A complete lumbar radicular case; <paramref name="edit"/> may change it as a JSON object.</summary>
    public static string LumbarCase(Action<Newtonsoft.Json.Linq.JObject>? edit = null)
    {
        var obj = Newtonsoft.Json.Linq.JObject.Parse("""
        {
          "schema": "planrules.case/1",
          "caseId": "test-lumbar-01",
          "patient": { "ageYears": 58, "sex": "female", "pregnant": false },
          "findings": {
            "pain.region": "lumbar", "pain.pattern": "radicular", "pain.laterality": "left",
            "pain.duration_weeks": 10, "pain.nrs": 7, "function.odi": 44,
            "imaging.concordant": true, "exam.neuro_deficit": "stable", "conservative_care.weeks": 6,
            "redflag.cauda_equina": false
          },
          "history": { "conditions": [], "medications": [], "allergies": [], "devices": [], "procedures": [] },
          "labs": { "inr": 1.0, "platelets": 210 },
          "goals": []
        }
        """);
        edit?.Invoke(obj);
        return obj.ToString();
    }
}
