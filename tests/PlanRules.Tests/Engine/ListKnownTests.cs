using Newtonsoft.Json.Linq;
using PlanRules.Plans;
using Xunit;

namespace PlanRules.Tests.Engine;

/// <summary>
/// <c>{ "fact": "condition.x", "known": false }</c>: whether the case records the list a list entry belongs to, so a
/// rule can act when the deciding entry cannot be known (e.g. the longer hold when kidney function is not recorded).
/// Two-valued, like <c>known</c> on a single value; the explainer agrees with the decision.
/// </summary>
public class ListKnownTests
{
    private static readonly RuleSet Rules = TestRuleSets.Rules("""
        [{ "id": "p.esi", "title": "ESI", "kind": "candidate", "intervention": "esi.lumbar.transforaminal", "strength": "recommended",
           "when": { "fact": "finding.pain.pattern", "is": "radicular" } },
         { "id": "w.unrecorded", "title": "conditions not recorded", "kind": "warning", "severity": "warning", "code": "x.unrecorded",
           "message": "m", "appliesTo": "any", "when": { "fact": "condition.renal_impairment", "known": false } },
         { "id": "w.recorded", "title": "conditions recorded", "kind": "warning", "severity": "info", "code": "x.recorded",
           "message": "m", "appliesTo": "any", "when": { "fact": "condition.renal_impairment", "known": true } }]
        """);

    private static TreatmentPlan Plan(Action<JObject> edit) => TestRuleSets.Plan(Rules, TestRuleSets.LumbarCase(edit));

    [Fact]
    public void AnAbsentList_IsNotKnown()
    {
        var plan = Plan(c => ((JObject)c["history"]!).Remove("conditions"));

        Assert.Equal(["x.unrecorded"], plan.Warnings.Select(w => w.Code));
        Assert.DoesNotContain(plan.Trace, t => t.Outcome == "unknown" && t.Rule.StartsWith("w.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[\"renal_impairment\"]")]
    [InlineData("[\"diabetes.type2\"]")]
    public void ARecordedList_IsKnown_WhateverItHolds(string conditions)
    {
        var plan = Plan(c => c["history"]!["conditions"] = JArray.Parse(conditions));

        Assert.Equal(["x.recorded"], plan.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void TheExplainer_AgreesWithTheDecision()
    {
        var caseJson = TestRuleSets.LumbarCase(c => ((JObject)c["history"]!).Remove("conditions"));
        var read = PlanRules.Cases.PatientCase.FromJson(caseJson, Rules.Vocabulary);
        var explanation = new PlanExplainer(Rules).Explain(read.Case!, "esi.lumbar.transforaminal");

        var json = Newtonsoft.Json.JsonConvert.SerializeObject(explanation);
        Assert.Contains("w.unrecorded", json, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherComparisons_OnAListEntry_AreStillPR2013()
    {
        var result = TestRuleSets.Load(("test/rules.json", """
            { "rules": [ { "id": "w.bad", "title": "t", "kind": "warning", "severity": "info", "code": "x.y", "message": "m", "appliesTo": "any",
                           "when": { "fact": "condition.renal_impairment", "in": ["a"] } } ] }
            """));

        Assert.Contains(result.Diagnostics, d => d.Code == "PR2013");
    }
}
