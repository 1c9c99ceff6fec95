using Newtonsoft.Json.Linq;
using PlanRules.Plans;

namespace PlanRules.Tests.Plans;

/// <summary>How firings become a plan: exclusions, warnings, red flags, missing information, ranking, companions.</summary>
public sealed class PlanAssemblyTests
{
    private const string Propose = """
        { "id": "p.esi", "title": "ESI", "kind": "candidate", "intervention": "esi.lumbar.transforaminal", "strength": "recommended",
          "when": { "fact": "finding.pain.pattern", "is": "radicular" } },
        { "id": "p.mbb", "title": "MBB", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider",
          "when": { "fact": "finding.pain.region", "is": "lumbar" } }
        """;

    private static TreatmentPlan Plan(string moreRules, Action<JObject>? edit = null) =>
        TestRuleSets.Plan(TestRuleSets.Rules("[" + Propose + (moreRules.Length > 0 ? "," + moreRules : "") + "]"), TestRuleSets.LumbarCase(edit));

    [Fact]
    public void AbsoluteContraindication_MovesCandidateToExcluded_WithReason()
    {
        var plan = Plan("""
            { "id": "c.abs", "title": "abs", "kind": "contraindication", "severity": "absolute", "appliesTo": { "tags": ["steroid"] },
              "message": "Steroid allergy.", "when": { "fact": "allergy.corticosteroid", "is": true } }
            """, c => c["history"]!["allergies"] = new JArray("corticosteroid"));
        Assert.DoesNotContain(plan.Candidates, c => c.Intervention == "esi.lumbar.transforaminal");
        var excluded = Assert.Single(plan.Excluded);
        Assert.Equal("esi.lumbar.transforaminal", excluded.Intervention);
        var reason = Assert.Single(excluded.Reasons);
        Assert.Equal(("c.abs", "absolute", "Steroid allergy."), (reason.Rule, reason.Severity, reason.Message));
        Assert.Equal(["allergy.corticosteroid"], reason.About);
        Assert.Contains(plan.Candidates, c => c.Intervention == "mbb.lumbar");
    }

    [Fact]
    public void RelativeContraindication_KeepsCandidate_AndWarns()
    {
        var plan = Plan("""
            { "id": "c.rel", "title": "rel", "kind": "contraindication", "severity": "relative", "appliesTo": { "interventions": ["esi.*"] },
              "message": "Caution.", "when": { "fact": "condition.immunosuppressed", "is": true } }
            """, c => c["history"]!["conditions"] = new JArray("immunosuppressed"));
        Assert.Contains(plan.Candidates, c => c.Intervention == "esi.lumbar.transforaminal");
        Assert.Empty(plan.Excluded);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(("contraindication.relative", "warning", "c.rel"), (warning.Code, warning.Severity, warning.Rule));
        Assert.Equal(["esi.lumbar.transforaminal"], warning.AppliesTo);
    }

    [Fact]
    public void RedFlag_StopsThePlan_EveryProposalExcluded_AndReferral()
    {
        var plan = Plan("""
            { "id": "r.ce", "title": "CE", "kind": "referral", "referral": "urgent_evaluation", "message": "Urgent.",
              "when": { "fact": "finding.redflag.cauda_equina", "is": true } },
            { "id": "w.any", "title": "w", "kind": "warning", "severity": "warning", "code": "x.y", "message": "m", "appliesTo": "any", "when": "always" },
            { "id": "comp", "title": "rehab", "kind": "companion", "companion": "rehab.home_exercise", "appliesTo": "any", "when": "always" }
            """, c => c["findings"]!["redflag.cauda_equina"] = true);
        Assert.Empty(plan.Candidates);
        Assert.Equal(["esi.lumbar.transforaminal", "mbb.lumbar"], plan.Excluded.Select(e => e.Intervention).Order().ToArray());
        Assert.All(plan.Excluded, e => Assert.Contains(e.Reasons, r => r.Rule == "r.ce"));
        var referral = Assert.Single(plan.Referrals);
        Assert.Equal(("urgent_evaluation", true), (referral.Code, referral.StopsPlan));
        Assert.Empty(plan.Warnings);
        Assert.Empty(plan.Companions);
    }

    [Fact]
    public void SafetyRule_OnUnknownFact_KeepsCandidate_AndListsMissingInformation()
    {
        var plan = Plan("""
            { "id": "c.inr", "title": "INR too high", "kind": "contraindication", "severity": "absolute", "appliesTo": { "bleedingRisk": ["intermediate", "high"] },
              "message": "INR high.", "when": { "fact": "lab.inr", "above": 1.5 } }
            """, c => ((JObject)c["labs"]!).Remove("inr"));
        Assert.Contains(plan.Candidates, c => c.Intervention == "esi.lumbar.transforaminal");
        var missing = Assert.Single(plan.MissingInformation);
        Assert.Equal("lab.inr", missing.Fact);
        Assert.Equal(["esi.lumbar.transforaminal"], missing.NeededFor);
        Assert.Equal(["c.inr"], missing.Rules);
        Assert.Contains(plan.Trace, t => t.Rule == "c.inr" && t.Outcome == "unknown");
    }

    [Fact]
    public void SafetyRule_DecidedFalse_ReportsNothing()
    {
        var plan = Plan("""
            { "id": "c.inr", "title": "INR too high", "kind": "contraindication", "severity": "absolute", "appliesTo": { "bleedingRisk": ["intermediate"] },
              "message": "INR high.", "when": { "fact": "lab.inr", "above": 1.5 } }
            """);
        Assert.Empty(plan.MissingInformation);
        Assert.Empty(plan.Excluded);
        Assert.DoesNotContain(plan.Trace, t => t.Rule == "c.inr");
    }

    [Fact]
    public void BleedingRiskModifier_RaisesCategory_ForRulesTargetingCategories()
    {
        const string rules = """
            { "id": "m.renal", "title": "renal", "kind": "bleeding-risk-modifier", "message": "Renal impairment raises bleeding risk.",
              "when": { "fact": "condition.renal_impairment", "is": true } },
            { "id": "w.high", "title": "high", "kind": "warning", "severity": "critical", "code": "bleeding.high", "message": "High risk.",
              "appliesTo": { "bleedingRisk": ["high"] }, "when": "always" }
            """;
        var without = Plan(rules);
        Assert.Empty(without.Warnings);
        var with = Plan(rules, c => c["history"]!["conditions"] = new JArray("renal_impairment"));
        var warning = Assert.Single(with.Warnings);
        Assert.Equal(["esi.lumbar.transforaminal"], warning.AppliesTo);
        var esi = with.Candidates.Single(c => c.Intervention == "esi.lumbar.transforaminal");
        Assert.Equal(("intermediate", "high"), (esi.BleedingRisk, esi.EffectiveBleedingRisk));
        Assert.Equal("intermediate", with.Candidates.Single(c => c.Intervention == "mbb.lumbar").EffectiveBleedingRisk);
    }

    [Fact]
    public void WarningWithPrerequisite_PutsPrerequisiteOnCandidate()
    {
        var plan = Plan("""
            { "id": "w.apix", "title": "apixaban", "kind": "warning", "severity": "critical", "code": "antithrombotic.hold",
              "message": "Hold apixaban {antithrombotic.doac.hold_hours} h.", "appliesTo": { "bleedingRisk": ["intermediate", "high"] },
              "prerequisite": { "code": "hold.apixaban", "message": "Hold for {antithrombotic.doac.hold_hours} hours." },
              "when": { "exists": "medication.apixaban", "where": { "lastDoseHoursAgo": { "below": "$antithrombotic.doac.hold_hours" } } } }
            """, c => c["history"]!["medications"] = JArray.FromObject(new[] { new { code = "apixaban", lastDoseHoursAgo = 12 } }));
        var esi = plan.Candidates.Single(c => c.Intervention == "esi.lumbar.transforaminal");
        var prerequisite = Assert.Single(esi.Prerequisites);
        Assert.Equal(("hold.apixaban", "Hold for 72 hours."), (prerequisite.Code, prerequisite.Message));
        Assert.NotNull(esi.Restart);
        Assert.Empty(plan.Candidates.Single(c => c.Intervention == "mbb.lumbar").Prerequisites);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(["medication.apixaban"], warning.About);
    }

    [Fact]
    public void Ranking_RecommendedFirst_ThenPreferences()
    {
        var plan = Plan("""
            { "id": "pref", "title": "work", "kind": "preference", "adjust": 5, "appliesTo": { "interventions": ["mbb.lumbar"] },
              "message": "Helps you return to work.", "when": { "exists": "goal.return_to_work" } }
            """, c => c["goals"] = new JArray("return_to_work"));
        Assert.Equal(["esi.lumbar.transforaminal", "mbb.lumbar"], plan.Candidates.Select(c => c.Intervention).ToArray());
        Assert.Equal([1, 2], plan.Candidates.Select(c => c.Rank).ToArray());
        Assert.Equal(["Helps you return to work."], plan.Candidates[1].Fit);
    }

    [Fact]
    public void Preference_ReordersCandidatesOfEqualStrength()
    {
        var plan = TestRuleSets.Plan(TestRuleSets.Rules("""
            [ { "id": "a", "title": "a", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider", "when": { "fact": "finding.pain.region", "is": "lumbar" } },
              { "id": "b", "title": "b", "kind": "candidate", "intervention": "trigger_point.injection", "strength": "consider", "when": { "fact": "finding.pain.region", "is": "lumbar" } },
              { "id": "pref", "title": "p", "kind": "preference", "adjust": 1, "appliesTo": { "interventions": ["trigger_point.injection"] }, "message": "m", "when": "always" } ]
            """), TestRuleSets.LumbarCase());
        Assert.Equal(["trigger_point.injection", "mbb.lumbar"], plan.Candidates.Select(c => c.Intervention).ToArray());
    }

    [Fact]
    public void CandidateRule_WithUnknownFact_ProposesNothing_AndSaysWhatIsMissing()
    {
        var plan = Plan("", c => ((JObject)c["findings"]!).Remove("pain.pattern"));
        Assert.DoesNotContain(plan.Candidates, c => c.Intervention == "esi.lumbar.transforaminal");
        var missing = Assert.Single(plan.MissingInformation);
        Assert.Equal(("finding.pain.pattern", "esi.lumbar.transforaminal"), (missing.Fact, Assert.Single(missing.NeededFor)));
    }

    [Fact]
    public void CompanionsAndFollowUp_GoWithRemainingCandidatesOnly()
    {
        const string rules = """
            { "id": "comp", "title": "rehab", "kind": "companion", "companion": "rehab.physical_therapy", "appliesTo": { "interventions": ["esi.*"] }, "when": "always" },
            { "id": "fu", "title": "NRS", "kind": "follow-up", "measure": "finding.pain.nrs", "afterWeeks": "$followup.after_weeks_min",
              "message": "Pain score again.", "appliesTo": { "interventions": ["esi.*"] }, "when": "always" }
            """;
        var plan = Plan(rules);
        Assert.Equal("rehab.physical_therapy", Assert.Single(plan.Companions).Code);
        var followUp = Assert.Single(plan.FollowUp);
        Assert.Equal(("finding.pain.nrs", 2.0), (followUp.Measure, followUp.AfterWeeks));

        var none = Plan(rules, c => c["findings"]!["pain.pattern"] = "axial");
        Assert.Empty(none.Companions);
        Assert.Empty(none.FollowUp);
    }

    [Fact]
    public void Plan_CarriesRuleSetIdentity()
    {
        var plan = Plan("");
        Assert.Equal("planrules-pain", plan.RuleSet.Name);
        Assert.Matches("^[0-9a-f]{64}$", plan.RuleSet.Sha256);
        Assert.Contains("\"sha256\": \"" + plan.RuleSet.Sha256 + "\"", plan.ToJson(), StringComparison.Ordinal);
    }
}
