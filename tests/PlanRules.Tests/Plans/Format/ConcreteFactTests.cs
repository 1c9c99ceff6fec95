using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using PlanRules.Rules;
using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Tests.Properties;

namespace PlanRules.Tests.Plans.Format;

/// <summary>
/// No <c>*</c> anywhere in a plan: <c>about</c>, <c>because.matched</c> and missing information name the case's
/// concrete facts; a pattern that meets an unknown list names the list, with the pattern as <c>detail</c>.
/// </summary>
public sealed class ConcreteFactTests
{
    private const string DiabetesRules = """
        { "id": "w.dm", "title": "diabetes", "kind": "warning", "severity": "warning", "code": "diabetes.glucose", "message": "Check glucose.",
          "appliesTo": { "tags": ["steroid"] }, "when": { "exists": "condition.diabetes.*" } },
        { "id": "p.rfa", "title": "RFA with diabetes", "kind": "candidate", "intervention": "rfa.lumbar.medial_branch", "strength": "consider",
          "when": { "all": [{ "fact": "finding.pain.region", "is": "lumbar" }, { "exists": "condition.diabetes.*" }] } }
        """;

    [Fact]
    public void PatternMatched_NamesTheCasesFacts_InAboutAndBecause()
    {
        var plan = FormatRuleSets.Plan(DiabetesRules, c => c["history"]!["conditions"] = new JArray("diabetes.type2", "fibromyalgia"));
        var warning = Assert.Single(plan.Warnings, w => w.Rule == "w.dm");
        Assert.Equal(["condition.diabetes.type2"], warning.About);
        var rfa = Assert.Single(plan.Candidates, c => c.Intervention == "rfa.lumbar.medial_branch");
        var because = Assert.Single(rfa.Because);
        Assert.Equal(FactValue.Boolean(true), because.Matched["condition.diabetes.type2"]);
        Assert.DoesNotContain("*", plan.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("*", plan.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void PatternMatchingTwoEntries_NamesBoth()
    {
        var plan = FormatRuleSets.Plan(DiabetesRules, c => c["history"]!["conditions"] = new JArray("diabetes.type1", "diabetes.type2"));
        Assert.Equal(["condition.diabetes.type1", "condition.diabetes.type2"], Assert.Single(plan.Warnings, w => w.Rule == "w.dm").About);
        var matched = plan.Candidates.Single(c => c.Intervention == "rfa.lumbar.medial_branch").Because.Single().Matched;
        Assert.True(matched.ContainsKey("condition.diabetes.type1") && matched.ContainsKey("condition.diabetes.type2"));
    }

    [Fact]
    public void PatternOnAnUnknownList_AsksForTheList_WithThePatternAsDetail()
    {
        var plan = FormatRuleSets.Plan(DiabetesRules, c => ((JObject)c["history"]!).Remove("conditions"));
        var missing = Assert.Single(plan.MissingInformation);
        Assert.Equal(("history.conditions", "condition.diabetes.", "safety"), (missing.Fact, missing.Detail, missing.Purpose));
        Assert.Equal(["p.rfa", "w.dm"], missing.Rules);

        var item = (JObject)JObject.Parse(plan.ToJson())["missingInformation"]![0]!;
        Assert.Equal(["fact", "purpose", "detail", "neededFor", "why", "rules"], item.Properties().Select(p => p.Name).ToArray());
        Assert.Contains("? history.conditions (entries under condition.diabetes.): needed to decide: ", plan.ToText(), StringComparison.Ordinal);
        Assert.DoesNotContain("*", plan.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_IsNotWritten_ForAnOrdinaryFact()
    {
        var plan = FormatRuleSets.Plan("""
            { "id": "c.inr", "title": "INR", "kind": "contraindication", "severity": "absolute", "appliesTo": "any", "message": "INR.",
              "when": { "fact": "lab.inr", "above": 1.5 } }
            """, c => ((JObject)c["labs"]!).Remove("inr"));
        Assert.Null(Assert.Single(plan.MissingInformation).Detail);
        Assert.Null(((JObject)JObject.Parse(plan.ToJson())["missingInformation"]![0]!).Property("detail"));
    }

    [Fact]
    public void PatternOnAKnownList_WithAnUnknownAttribute_NamesTheUndecidedEntry()
    {
        var plan = FormatRuleSets.Plan("""
            { "id": "c.rep", "title": "repeat", "kind": "contraindication", "severity": "absolute", "appliesTo": { "interventions": ["esi.lumbar.*"] },
              "message": "Poor relief before.", "when": { "exists": "procedure.esi.lumbar.*", "where": { "reliefPercent": { "below": 50 } } } }
            """, c => c["history"]!["procedures"] = new JArray(
                new JObject { ["code"] = "esi.lumbar.interlaminar", ["weeksAgo"] = 30, ["reliefPercent"] = 80 },
                new JObject { ["code"] = "esi.lumbar.transforaminal", ["weeksAgo"] = 20 }));
        var missing = Assert.Single(plan.MissingInformation);
        Assert.Equal(("procedure.esi.lumbar.transforaminal", null), (missing.Fact, missing.Detail));
    }

    [Fact]
    public void NegatedPattern_WithNoEntry_NamesTheList()
    {
        var plan = FormatRuleSets.Plan("""
            { "id": "w.nodm", "title": "no diabetes", "kind": "warning", "severity": "info", "code": "x.nodm", "message": "No diabetes.",
              "appliesTo": "any", "when": { "not": { "exists": "condition.diabetes.*" } } }
            """);
        Assert.Equal(["history.conditions"], Assert.Single(plan.Warnings).About);
    }

    private static readonly Lazy<RuleSet> Shipped = new(() =>
    {
        var result = RuleSet.LoadDirectory(RepoPaths.Rules);
        return result.RuleSet ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    });

    private static readonly Lazy<PatientCase[]> Corpus = new(() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "PlanRules.Tests", "Corpus"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => PatientCase.FromJson(File.ReadAllText(path), Shipped.Value.Vocabulary).Case)
            .OfType<PatientCase>()
            .ToArray());

    [Fact]
    public void NoPlanOfTheCorpus_ContainsAStar()
    {
        Assert.NotEmpty(Corpus.Value);
        var recommender = new PlanRecommender(Shipped.Value);
        foreach (var c in Corpus.Value)
        {
            var plan = recommender.Recommend(c);
            Assert.Empty(Starred(plan.ToJson()).Select(l => c.CaseId + ": " + l));
            Assert.Empty(Starred(plan.ToText()).Select(l => c.CaseId + ": " + l));
        }
    }

    private static IEnumerable<string> Starred(string text) => text.Split('\n').Where(l => l.Contains('*', StringComparison.Ordinal)).Select(l => l.Trim());

    [Property(MaxTest = 200)]
    public Property NoPlan_ContainsAStar() =>
        Prop.ForAll(CaseGenerators.Case.ToArbitrary(), c =>
        {
            var plan = new PlanRecommender(Shipped.Value).Recommend(c);
            return !plan.ToJson().Contains('*', StringComparison.Ordinal) && !plan.ToText().Contains('*', StringComparison.Ordinal);
        });

    [Property(MaxTest = 100)]
    public Property NoPlanOfACorpusCase_WithAHistoryListDropped_ContainsAStar() =>
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), Gen.Elements("conditions", "medications", "allergies", "devices", "procedures").ToArbitrary(), (index, list) =>
        {
            var c = Corpus.Value[index % Corpus.Value.Length];
            var history = list switch
            {
                "conditions" => c.History with { Conditions = null },
                "medications" => c.History with { Medications = null },
                "allergies" => c.History with { Allergies = null },
                "devices" => c.History with { Devices = null },
                _ => c.History with { Procedures = null },
            };
            var plan = new PlanRecommender(Shipped.Value).Recommend(c with { History = history });
            return !plan.ToJson().Contains('*', StringComparison.Ordinal);
        });
}
