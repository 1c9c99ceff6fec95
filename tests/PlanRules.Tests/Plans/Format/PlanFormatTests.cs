using Newtonsoft.Json.Linq;
using PlanRules.Rules;
using PlanRules.Cases;
using PlanRules.Plans;

namespace PlanRules.Tests.Plans.Format;

/// <summary>The plan format v2: <c>screening</c>, <c>ruleSet.draftRulesUsed</c>, restart follow-ups, JSON shape and determinism.</summary>
public sealed class PlanFormatTests
{
    [Fact]
    public void Screening_ListsKnownScreeningFacts_ByName_WithTheirValues()
    {
        var plan = FormatRuleSets.Plan("");
        Assert.Equal(
            [new ScreeningFact("finding.exam.neuro_deficit", FactValue.Word("stable")),
             new ScreeningFact("finding.redflag.cauda_equina", FactValue.Boolean(false)),
             new ScreeningFact("patient.pregnant", FactValue.Boolean(false))],
            plan.Screening);
        var json = (JArray)JObject.Parse(plan.ToJson())["screening"]!;
        Assert.Equal("""[{"fact":"finding.exam.neuro_deficit","value":"stable"},{"fact":"finding.redflag.cauda_equina","value":false},{"fact":"patient.pregnant","value":false}]""",
            json.ToString(Newtonsoft.Json.Formatting.None));
    }

    [Fact]
    public void Screening_LeavesOutUnknownFacts_AndFactsNotMarked()
    {
        var plan = FormatRuleSets.Plan("", c => ((JObject)c["patient"]!).Remove("pregnant"), screening: ["patient.pregnant", "finding.redflag.cauda_equina"]);
        Assert.Equal(["finding.redflag.cauda_equina"], plan.Screening.Select(s => s.Fact));
    }

    [Fact]
    public void Screening_IsAlwaysWritten_EmptyWhenNone()
    {
        var plan = FormatRuleSets.Plan("", screening: []);
        Assert.Empty(plan.Screening);
        Assert.Equal(JTokenType.Array, JObject.Parse(plan.ToJson())["screening"]!.Type);
        Assert.Empty((JArray)JObject.Parse(plan.ToJson())["screening"]!);
    }

    [Fact]
    public void Screening_OfAListFact_IsWhetherTheListHoldsIt()
    {
        var plan = FormatRuleSets.Plan("", c => c["history"]!["conditions"] = new JArray("coagulopathy"), screening: ["condition.coagulopathy", "condition.fibromyalgia"]);
        Assert.Equal([("condition.coagulopathy", true), ("condition.fibromyalgia", false)], plan.Screening.Select(s => (s.Fact, s.Value.BooleanValue)));
        var unknown = FormatRuleSets.Plan("", c => ((JObject)c["history"]!).Remove("conditions"), screening: ["condition.coagulopathy"]);
        Assert.Empty(unknown.Screening);
    }

    [Fact]
    public void DraftRulesUsed_CountsDistinctContributingDraftRules()
    {
        // p.esi and p.mbb are drafts (the default status); w.any is a draft cited by a warning on both candidates;
        // c.never (draft) does not fire; a.ok is approved.
        var plan = FormatRuleSets.Plan("""
            { "id": "w.any", "title": "w", "kind": "warning", "severity": "info", "code": "x.y", "message": "m", "appliesTo": "any", "when": "always" },
            { "id": "c.never", "title": "n", "kind": "contraindication", "severity": "absolute", "appliesTo": "any", "message": "m",
              "when": { "fact": "allergy.latex", "is": true } },
            { "id": "a.ok", "title": "ok", "kind": "companion", "companion": "rehab.home_exercise", "appliesTo": "any", "when": "always",
              "status": "approved", "reviewedBy": "Dr Lead", "reviewedOn": "2026-01-05" }
            """);
        Assert.Equal(3, plan.DraftRulesUsed);
        var ruleSet = (JObject)JObject.Parse(plan.ToJson())["ruleSet"]!;
        Assert.Equal(["name", "version", "sha256", "draftRulesUsed"], ruleSet.Properties().Select(p => p.Name).ToArray());
        Assert.Equal(3, (int)ruleSet["draftRulesUsed"]!);
    }

    [Fact]
    public void DraftRulesUsed_CountsARuleApprovedWithoutSignOff_AsADraft()
    {
        // Marked approved, but no named reviewer and no date: lint refuses it (PR3011), and the plan does not trust it.
        var plan = FormatRuleSets.Plan("""
            { "id": "a.unsigned", "title": "unsigned", "kind": "companion", "companion": "rehab.home_exercise", "appliesTo": "any", "when": "always",
              "status": "approved", "reviewedBy": "clinical lead" }
            """);
        Assert.Equal(3, plan.DraftRulesUsed); // p.esi, p.mbb and a.unsigned
    }

    [Fact]
    public void DraftRulesUsed_IsZero_AndWritten_WhenEveryContributingRuleIsApproved()
    {
        var rules = TestRuleSets.Rules("""
            [{ "id": "p.esi", "title": "ESI", "kind": "candidate", "intervention": "esi.lumbar.transforaminal", "strength": "recommended",
               "when": { "fact": "finding.pain.pattern", "is": "radicular" }, "status": "approved", "reviewedBy": "Dr Lead", "reviewedOn": "2026-01-05" },
             { "id": "c.never", "title": "n", "kind": "contraindication", "severity": "absolute", "appliesTo": "any", "message": "m",
               "when": { "fact": "allergy.latex", "is": true } }]
            """);
        var plan = TestRuleSets.Plan(rules, TestRuleSets.LumbarCase());
        Assert.Equal(0, plan.DraftRulesUsed);
        Assert.Equal(0, (int)JObject.Parse(plan.ToJson())["ruleSet"]!["draftRulesUsed"]!);
    }

    [Fact]
    public void DraftRulesUsed_CountsExclusionAndMissingInformationRules()
    {
        var plan = FormatRuleSets.Plan("""
            { "id": "c.abs", "title": "abs", "kind": "contraindication", "severity": "absolute", "appliesTo": { "interventions": ["esi.*"] },
              "message": "No.", "when": { "fact": "finding.pain.laterality", "is": "left" } },
            { "id": "c.inr", "title": "INR", "kind": "contraindication", "severity": "absolute", "appliesTo": "any", "message": "INR.",
              "when": { "fact": "lab.inr", "above": 1.5 } }
            """, c => ((JObject)c["labs"]!).Remove("inr"));
        Assert.Contains(plan.Excluded, e => e.Reasons.Any(r => r.Rule == "c.abs"));
        Assert.Contains(plan.MissingInformation, m => m.Rules.Contains("c.inr"));
        // p.mbb (candidate), c.abs (exclusion), c.inr (missing information); p.esi is cited by nothing once excluded.
        Assert.Equal(3, plan.DraftRulesUsed);
    }

    private const string FollowUps = """
        { "id": "f.nrs2", "title": "nrs", "kind": "follow-up", "appliesTo": "any", "measure": "finding.pain.nrs", "afterWeeks": 2, "message": "Pain at 2 weeks.", "when": "always" },
        { "id": "f.odi0", "title": "odi", "kind": "follow-up", "appliesTo": "any", "measure": "finding.function.odi", "afterWeeks": 0, "message": "ODI now.", "when": "always" },
        { "id": "f.restart", "title": "restart", "kind": "follow-up", "appliesTo": "any", "measure": "medication.apixaban", "afterWeeks": 0, "restart": true,
          "message": "Restart apixaban as planned.", "when": { "fact": "medication.apixaban", "is": true } }
        """;

    [Fact]
    public void FollowUp_RestartItems_HaveKindRestart_AndComeFirstAtTheirWeek()
    {
        var plan = FormatRuleSets.Plan(FollowUps, c => c["history"]!["medications"] = new JArray(new JObject { ["code"] = "apixaban" }));
        Assert.Equal([("medication.apixaban", 0d, "restart"), ("finding.function.odi", 0d, null), ("finding.pain.nrs", 2d, null)],
            plan.FollowUp.Select(f => (f.Measure, f.AfterWeeks, f.Kind)).ToArray());

        var items = (JArray)JObject.Parse(plan.ToJson())["followUp"]!;
        Assert.Equal(["measure", "afterWeeks", "kind", "message", "appliesTo", "rule", "source"], ((JObject)items[0]).Properties().Select(p => p.Name).ToArray());
        Assert.Equal("restart", (string?)items[0]["kind"]);
        Assert.All(items.Skip(1), i => Assert.Null(((JObject)i).Property("kind")));
    }

    [Fact]
    public void FollowUp_WithoutTheMedication_HasNoRestartItem()
    {
        var plan = FormatRuleSets.Plan(FollowUps);
        Assert.DoesNotContain(plan.FollowUp, f => f.Kind is not null);
        Assert.Equal(["finding.function.odi", "finding.pain.nrs"], plan.FollowUp.Select(f => f.Measure));
    }

    [Fact]
    public void Json_TopLevel_HasScreeningBeforeReferrals_AndKeepsEveryExistingName()
    {
        var plan = FormatRuleSets.Plan("");
        var names = JObject.Parse(plan.ToJson()).Properties().Select(p => p.Name).ToArray();
        Assert.Equal(["schema", "caseId", "ruleSet", "candidates", "excluded", "warnings", "missingInformation", "screening", "referrals", "companions", "followUp", "trace"], names);
        Assert.Equal("planrules.plan/1", (string?)JObject.Parse(plan.ToJson())["schema"]);
    }

    [Fact]
    public void Json_IsDeterministic_AcrossRecommendersAndItemOrder()
    {
        var rules = FormatRuleSets.Rules(FollowUps + """
            , { "id": "c.inr", "title": "INR", "kind": "contraindication", "severity": "absolute", "appliesTo": "any", "message": "INR.",
                "when": { "fact": "lab.inr", "above": 1.5 } }
            """);
        string Json(bool reversed) => TestRuleSets.Plan(rules, TestRuleSets.LumbarCase(c =>
        {
            ((JObject)c["labs"]!).Remove("inr");
            ((JObject)c["patient"]!).Remove("pregnant");
            var meds = new JArray(new JObject { ["code"] = "apixaban" }, new JObject { ["code"] = "aspirin" });
            c["history"]!["medications"] = reversed ? new JArray(meds.Reverse()) : meds;
        })).ToJson();
        Assert.Equal(Json(false), Json(false));
        Assert.Equal(Json(false), Json(true));
    }
}
