using Newtonsoft.Json.Linq;

namespace PlanRules.Tests.Plans.Format;

/// <summary>
/// <c>missingInformation[].purpose</c>: explicit on a missing-information rule; else <c>screening</c> for a screening
/// fact; else <c>safety</c> from a safety-kind rule; else <c>eligibility</c>. Listed safety, screening, eligibility, then by fact.
/// </summary>
public sealed class MissingInformationPurposeTests
{
    private const string InrContraindication = """
        { "id": "c.inr", "title": "INR too high", "kind": "contraindication", "severity": "absolute", "appliesTo": { "bleedingRisk": ["intermediate", "high"] },
          "message": "INR high.", "when": { "fact": "lab.inr", "above": 1.5 } }
        """;

    private const string OdiCandidate = """
        { "id": "p.rfa", "title": "RFA when disabled", "kind": "candidate", "intervention": "rfa.lumbar.medial_branch", "strength": "consider",
          "when": { "fact": "finding.function.odi", "atLeast": 30 } }
        """;

    private const string PregnancyWarning = """
        { "id": "w.preg", "title": "pregnancy", "kind": "warning", "severity": "warning", "code": "pregnancy.fluoroscopy", "message": "Pregnant.",
          "appliesTo": { "interventions": ["esi.*"] }, "when": { "fact": "patient.pregnant", "is": true } }
        """;

    private static JObject Findings(JObject c) => (JObject)c["findings"]!;

    [Fact]
    public void UnknownFact_OfAContraindication_IsSafety()
    {
        var plan = FormatRuleSets.Plan(InrContraindication, c => ((JObject)c["labs"]!).Remove("inr"));
        var missing = Assert.Single(plan.MissingInformation);
        Assert.Equal(("lab.inr", "safety"), (missing.Fact, missing.Purpose));
    }

    [Fact]
    public void UnknownFact_OfAnUndecidedCandidate_IsEligibility()
    {
        var plan = FormatRuleSets.Plan(OdiCandidate, c => Findings(c).Remove("function.odi"));
        var missing = Assert.Single(plan.MissingInformation);
        Assert.Equal(("finding.function.odi", "eligibility"), (missing.Fact, missing.Purpose));
        Assert.Equal(["rfa.lumbar.medial_branch"], missing.NeededFor);
    }

    [Fact]
    public void UnknownScreeningFact_IsScreening_EvenFromASafetyRule()
    {
        var plan = FormatRuleSets.Plan(PregnancyWarning, c => ((JObject)c["patient"]!).Remove("pregnant"));
        var missing = Assert.Single(plan.MissingInformation);
        Assert.Equal(("patient.pregnant", "screening"), (missing.Fact, missing.Purpose));
    }

    [Fact]
    public void TheSameFact_NotMarkedScreening_IsSafety()
    {
        var plan = FormatRuleSets.Plan(PregnancyWarning, c => ((JObject)c["patient"]!).Remove("pregnant"), screening: []);
        Assert.Equal("safety", Assert.Single(plan.MissingInformation).Purpose);
    }

    [Theory]
    [InlineData("\"appliesTo\": \"any\", \"when\": \"always\"", "safety")]          // aimed at candidates
    [InlineData("\"when\": { \"fact\": \"finding.pain.region\", \"is\": \"lumbar\" }", "eligibility")] // plan-level
    public void MissingInformationRule_WithoutPurpose_IsDerived(string target, string expected)
    {
        var plan = FormatRuleSets.Plan($$"""
            { "id": "m.plt", "title": "platelets", "kind": "missing-information", "fact": "lab.platelets", "message": "Platelets please.", {{target}} }
            """);
        var missing = Assert.Single(plan.MissingInformation);
        Assert.Equal(("lab.platelets", expected, "Platelets please."), (missing.Fact, missing.Purpose, missing.Why));
    }

    [Fact]
    public void MissingInformationRule_ExplicitPurpose_Wins()
    {
        var plan = FormatRuleSets.Plan("""
            { "id": "m.preg", "title": "pregnancy", "kind": "missing-information", "fact": "patient.pregnant", "message": "Ask.", "purpose": "eligibility",
              "appliesTo": "any", "when": "always" }
            """);
        Assert.Equal(("patient.pregnant", "eligibility"), (plan.MissingInformation[0].Fact, plan.MissingInformation[0].Purpose));
    }

    [Fact]
    public void SeveralPurposes_ForOneFact_SafetyWins()
    {
        var plan = FormatRuleSets.Plan(InrContraindication + """
            , { "id": "p.sij", "title": "SIJ when INR normal", "kind": "candidate", "intervention": "sij.injection.therapeutic", "strength": "consider",
                "when": { "fact": "lab.inr", "below": 1.2 } }
            """, c => ((JObject)c["labs"]!).Remove("inr"));
        var missing = Assert.Single(plan.MissingInformation);
        Assert.Equal(("lab.inr", "safety"), (missing.Fact, missing.Purpose));
        Assert.Equal(["c.inr", "p.sij"], missing.Rules);
    }

    [Fact]
    public void List_IsOrderedBySafetyScreeningEligibility_ThenFact()
    {
        var plan = FormatRuleSets.Plan(string.Join(",", InrContraindication, OdiCandidate, PregnancyWarning, """
            { "id": "m.plt", "title": "platelets", "kind": "missing-information", "fact": "lab.platelets", "message": "Platelets please.",
              "when": { "fact": "finding.pain.region", "is": "lumbar" } },
            { "id": "c.plt", "title": "platelets low", "kind": "contraindication", "severity": "absolute", "appliesTo": "any",
              "message": "Low.", "when": { "fact": "finding.conservative_care.weeks", "below": 4 } }
            """), c =>
        {
            ((JObject)c["labs"]!).Remove("inr");
            ((JObject)c["patient"]!).Remove("pregnant");
            Findings(c).Remove("function.odi");
            Findings(c).Remove("conservative_care.weeks");
        });
        Assert.Equal(
            [("finding.conservative_care.weeks", "safety"), ("lab.inr", "safety"), ("patient.pregnant", "screening"), ("finding.function.odi", "eligibility"), ("lab.platelets", "eligibility")],
            plan.MissingInformation.Select(m => (m.Fact, m.Purpose)).ToArray());
    }

    [Fact]
    public void Json_WritesPurpose_AfterFact()
    {
        var plan = FormatRuleSets.Plan(InrContraindication, c => ((JObject)c["labs"]!).Remove("inr"));
        var item = (JObject)JObject.Parse(plan.ToJson())["missingInformation"]![0]!;
        Assert.Equal(["fact", "purpose", "neededFor", "why", "rules"], item.Properties().Select(p => p.Name).ToArray());
        Assert.Equal("safety", (string?)item["purpose"]);
    }
}
