using Newtonsoft.Json.Linq;
using PlanRules.Plans;

namespace PlanRules.Tests.Engine;

/// <summary>Every comparison operator and quantifier, decided by the NRules network: true, false and unknown.</summary>
public sealed class OperatorTests
{
    private static string Candidate(string when) => $$"""
        [ { "id": "t.rule", "title": "test", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider", "when": {{when}} } ]
        """;

    private static string Outcome(string when, Action<JObject>? edit = null)
    {
        var rules = TestRuleSets.Rules(Candidate(when));
        var plan = TestRuleSets.Plan(rules, TestRuleSets.LumbarCase(edit));
        if (plan.Candidates.Any(c => c.Intervention == "mbb.lumbar")) return "true";
        return plan.MissingInformation.Any(m => m.NeededFor.Contains("mbb.lumbar")) ? "unknown" : "false";
    }

    [Theory]
    [InlineData("""{ "fact": "finding.pain.region", "is": "lumbar" }""", "true")]
    [InlineData("""{ "fact": "finding.pain.region", "is": "cervical" }""", "false")]
    [InlineData("""{ "fact": "finding.pain.region", "isNot": "cervical" }""", "true")]
    [InlineData("""{ "fact": "finding.pain.region", "isNot": "lumbar" }""", "false")]
    [InlineData("""{ "fact": "finding.pain.region", "in": ["cervical", "lumbar"] }""", "true")]
    [InlineData("""{ "fact": "finding.pain.region", "in": ["cervical", "knee"] }""", "false")]
    [InlineData("""{ "fact": "finding.pain.nrs", "is": 7 }""", "true")]
    [InlineData("""{ "fact": "finding.pain.nrs", "atLeast": 7 }""", "true")]
    [InlineData("""{ "fact": "finding.pain.nrs", "atLeast": 8 }""", "false")]
    [InlineData("""{ "fact": "finding.pain.nrs", "atMost": 7 }""", "true")]
    [InlineData("""{ "fact": "finding.pain.nrs", "atMost": 6 }""", "false")]
    [InlineData("""{ "fact": "finding.pain.nrs", "above": 6 }""", "true")]
    [InlineData("""{ "fact": "finding.pain.nrs", "above": 7 }""", "false")]
    [InlineData("""{ "fact": "finding.pain.nrs", "below": 8 }""", "true")]
    [InlineData("""{ "fact": "finding.pain.nrs", "below": 7 }""", "false")]
    [InlineData("""{ "fact": "finding.pain.nrs", "between": [7, 9] }""", "true")]
    [InlineData("""{ "fact": "finding.pain.nrs", "between": [8, 9] }""", "false")]
    [InlineData("""{ "fact": "finding.pain.duration_weeks", "atLeast": "$facet.min_pain_weeks" }""", "false")]
    [InlineData("""{ "fact": "finding.imaging.concordant", "is": true }""", "true")]
    [InlineData("""{ "fact": "finding.imaging.concordant", "is": false }""", "false")]
    [InlineData("""{ "fact": "finding.imaging.concordant", "isNot": false }""", "true")]
    [InlineData("""{ "fact": "finding.redflag.cauda_equina", "known": true }""", "true")]
    [InlineData("""{ "fact": "finding.redflag.cauda_equina", "known": false }""", "false")]
    [InlineData("""{ "fact": "finding.psych.evaluation_cleared", "known": false }""", "true")]
    [InlineData("""{ "fact": "finding.psych.evaluation_cleared", "is": true }""", "unknown")]
    [InlineData("""{ "fact": "finding.psych.evaluation_cleared", "isNot": true }""", "unknown")]
    [InlineData("""{ "fact": "finding.function.ndi", "atLeast": 10 }""", "unknown")]
    [InlineData("""{ "fact": "lab.hba1c", "above": 7 }""", "unknown")]
    [InlineData("""{ "fact": "patient.ageYears", "between": [50, 60] }""", "true")]
    [InlineData("""{ "fact": "patient.sex", "is": "female" }""", "true")]
    public void FactComparison_DecidesThreeValued(string when, string expected) => Assert.Equal(expected, Outcome(when));

    [Theory]
    [InlineData("""{ "not": { "fact": "finding.pain.region", "is": "cervical" } }""", "true")]
    [InlineData("""{ "not": { "fact": "finding.pain.region", "is": "lumbar" } }""", "false")]
    [InlineData("""{ "not": { "fact": "finding.function.ndi", "atLeast": 10 } }""", "unknown")]
    [InlineData("""{ "all": [ { "fact": "finding.pain.region", "is": "lumbar" }, { "fact": "finding.pain.nrs", "atLeast": 4 } ] }""", "true")]
    [InlineData("""{ "all": [ { "fact": "finding.pain.region", "is": "lumbar" }, { "fact": "finding.function.ndi", "atLeast": 4 } ] }""", "unknown")]
    [InlineData("""{ "all": [ { "fact": "finding.pain.region", "is": "knee" }, { "fact": "finding.function.ndi", "atLeast": 4 } ] }""", "false")]
    [InlineData("""{ "any": [ { "fact": "finding.pain.region", "is": "knee" }, { "fact": "finding.pain.nrs", "atLeast": 4 } ] }""", "true")]
    [InlineData("""{ "any": [ { "fact": "finding.pain.region", "is": "lumbar" }, { "fact": "finding.function.ndi", "atLeast": 4 } ] }""", "true")]
    [InlineData("""{ "any": [ { "fact": "finding.pain.region", "is": "knee" }, { "fact": "finding.function.ndi", "atLeast": 4 } ] }""", "unknown")]
    [InlineData("""{ "any": [ { "fact": "finding.pain.region", "is": "knee" }, { "fact": "finding.pain.nrs", "below": 4 } ] }""", "false")]
    [InlineData("""{ "not": { "any": [ { "fact": "finding.pain.region", "is": "knee" }, { "fact": "finding.pain.nrs", "below": 4 } ] } }""", "true")]
    [InlineData("""{ "not": { "all": [ { "fact": "finding.pain.region", "is": "lumbar" }, { "fact": "finding.pain.nrs", "below": 4 } ] } }""", "true")]
    [InlineData("""{ "not": { "not": { "fact": "finding.pain.region", "is": "lumbar" } } }""", "true")]
    [InlineData("""{ "all": [ { "exists": "condition.diabetes.*" }, { "fact": "lab.hba1c", "above": 7 } ] }""", "false")]
    [InlineData("""{ "all": [ { "fact": "lab.hba1c", "above": 7 }, { "exists": "condition.diabetes.*" } ] }""", "false")]
    [InlineData("""{ "all": [ { "fact": "finding.function.ndi", "atLeast": 1 }, { "not": { "exists": "condition.coagulopathy" } } ] }""", "unknown")]
    public void Groups_FollowKleeneLogic(string when, string expected) => Assert.Equal(expected, Outcome(when));

    private static void Procedures(JObject c, params object[] procedures) => c["history"]!["procedures"] = JArray.FromObject(procedures);

    [Theory]
    [InlineData("""{ "exists": "procedure.mbb.lumbar" }""", "true")]
    [InlineData("""{ "exists": "procedure.mbb.cervical" }""", "false")]
    [InlineData("""{ "exists": "procedure.mbb.*" }""", "true")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "atLeast": 2 }""", "true")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "atLeast": 3 }""", "false")]
    [InlineData("""{ "count": ["procedure.mbb.lumbar", "procedure.mbb.cervical"], "atLeast": 2 }""", "true")]
    [InlineData("""{ "count": ["procedure.mbb.cervical", "procedure.rfa.*"], "atLeast": 1 }""", "false")]
    [InlineData("""{ "exists": ["procedure.mbb.cervical", "procedure.mbb.lumbar"], "where": { "reliefPercent": { "is": 90 } } }""", "true")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "atMost": 2 }""", "true")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "atMost": 1 }""", "false")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "where": { "reliefPercent": { "atLeast": 80 } }, "atLeast": 2 }""", "true")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "where": { "reliefPercent": { "atLeast": 81 } }, "atLeast": 2 }""", "false")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "where": { "reliefPercent": { "atLeast": 80 }, "weeksAgo": { "atMost": 5 } }, "atLeast": 2 }""", "false")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "where": { "any": [ { "weeksAgo": { "atMost": 6 } }, { "reliefPercent": { "is": 90 } } ] }, "atLeast": 2 }""", "true")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "where": { "not": { "reliefPercent": { "below": 80 } } }, "atLeast": 2 }""", "true")]
    [InlineData("""{ "exists": "procedure.mbb.lumbar", "where": { "reliefWeeks": { "atLeast": 1 } } }""", "unknown")]
    [InlineData("""{ "exists": "procedure.mbb.lumbar", "where": { "reliefWeeks": { "known": false } } }""", "true")]
    [InlineData("""{ "exists": "procedure.mbb.lumbar", "where": { "reliefPercent": { "known": false } } }""", "false")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "where": { "reliefPercent": { "known": true } }, "atLeast": 2 }""", "true")]
    [InlineData("""{ "not": { "exists": "procedure.mbb.lumbar", "where": { "reliefWeeks": { "atLeast": 1 } } } }""", "unknown")]
    [InlineData("""{ "count": "procedure.mbb.lumbar", "where": { "reliefWeeks": { "atLeast": 1 } }, "atMost": 1 }""", "unknown")]
    public void Quantifiers_CountEntriesThreeValued(string when, string expected) =>
        Assert.Equal(expected, Outcome(when, c => Procedures(c,
            new { code = "mbb.lumbar", weeksAgo = 10, reliefPercent = 90 },
            new { code = "mbb.lumbar", weeksAgo = 6, reliefPercent = 80 })));

    [Theory]
    [InlineData("""{ "exists": "procedure.mbb.lumbar" }""", "unknown")]
    [InlineData("""{ "not": { "exists": "procedure.mbb.lumbar" } }""", "unknown")]
    [InlineData("""{ "fact": "condition.diabetes.type2", "is": false }""", "unknown")]
    public void Quantifiers_OverAnUnknownList_AreUnknown(string when, string expected) =>
        Assert.Equal(expected, Outcome(when, c => { ((JObject)c["history"]!).Remove("procedures"); ((JObject)c["history"]!).Remove("conditions"); }));

    [Theory]
    [InlineData("""{ "fact": "condition.diabetes.type2", "is": true }""", "true")]
    [InlineData("""{ "fact": "condition.diabetes.type2", "is": false }""", "false")]
    [InlineData("""{ "exists": "condition.diabetes.*" }""", "true")]
    [InlineData("""{ "fact": "condition.coagulopathy", "is": false }""", "true")]
    [InlineData("""{ "exists": "medication.apixaban", "where": { "lastDoseHoursAgo": { "below": 72 } } }""", "true")]
    [InlineData("""{ "exists": "medication.apixaban", "where": { "lastDoseHoursAgo": { "below": 12 } } }""", "false")]
    [InlineData("""{ "exists": "goal.avoid_implant" }""", "true")]
    public void ListMemberships_AreKnownWhenTheListIsGiven(string when, string expected) =>
        Assert.Equal(expected, Outcome(when, c =>
        {
            c["history"]!["conditions"] = new JArray("diabetes.type2");
            c["history"]!["medications"] = JArray.FromObject(new[] { new { code = "apixaban", lastDoseHoursAgo = 12 } });
            c["goals"] = new JArray("avoid_implant");
        }));

    [Fact]
    public void Candidate_Because_CitesRuleSourceAndMatchedFacts()
    {
        var rules = TestRuleSets.Rules(Candidate("""{ "all": [ { "fact": "finding.pain.region", "is": "lumbar" }, { "count": "procedure.mbb.lumbar", "atLeast": 1 } ] }"""));
        var plan = TestRuleSets.Plan(rules, TestRuleSets.LumbarCase(c => Procedures(c, new { code = "mbb.lumbar", weeksAgo = 10, reliefPercent = 90 })));
        var because = Assert.Single(Assert.Single(plan.Candidates).Because);
        Assert.Equal("t.rule", because.Rule);
        Assert.Equal("test/rules.json:1", because.Source);
        Assert.Equal("lumbar", because.Matched["finding.pain.region"].WordValue);
        Assert.True(because.Matched["procedure.mbb.lumbar"].BooleanValue);
    }
}
