using PlanRules.Rules;
using PlanRules.Review;

namespace PlanRules.Tests.Review;

/// <summary>Conditions as plain-language sentences.</summary>
public sealed class PlainLanguageTests
{
    private static string Describe(string when)
    {
        var set = ReviewSets.Load(f => f["spine/rules.json"] =
            "{ \"rules\": [ { \"id\": \"t\", \"title\": \"t\", \"kind\": \"candidate\", \"intervention\": \"mbb.lumbar\", \"strength\": \"consider\", \"when\": " + when + " } ] }");
        return PlainLanguage.Describe(set.Rules[0].When, set.Vocabulary);
    }

    [Theory]
    [InlineData("""{ "fact": "finding.pain.duration_weeks", "atLeast": "$facet.min_pain_weeks" }""", "the pain has lasted at least 12 weeks ($facet.min_pain_weeks)")]
    [InlineData("""{ "not": { "fact": "finding.pain.duration_weeks", "atLeast": 12 } }""", "the pain has lasted less than 12 weeks")]
    [InlineData("""{ "fact": "finding.pain.nrs", "between": [4, 7] }""", "average pain (NRS) is between 4 and 7")]
    [InlineData("""{ "fact": "finding.pain.region", "isNot": "knee" }""", "main pain region is not knee")]
    [InlineData("""{ "not": { "fact": "finding.pain.pattern", "in": ["radicular", "axial"] } }""", "pain pattern is none of radicular, axial")]
    [InlineData("""{ "fact": "finding.redflag.cauda_equina", "is": true }""", "suspected cauda equina syndrome: yes")]
    [InlineData("""{ "not": { "fact": "finding.redflag.cauda_equina", "is": true } }""", "suspected cauda equina syndrome: no")]
    [InlineData("""{ "fact": "finding.pain.nrs", "known": false }""", "average pain (NRS) is not recorded")]
    [InlineData("""{ "exists": "condition.renal_impairment" }""", "has impaired kidney function")]
    [InlineData("""{ "fact": "condition.renal_impairment", "is": false }""", "does not have impaired kidney function")]
    [InlineData("""{ "exists": "medication.apixaban", "where": { "lastDoseHoursAgo": { "below": 72 } } }""", "takes apixaban (direct oral anticoagulant) with hours since the last dose below 72 hours")]
    [InlineData("""{ "not": { "count": "procedure.mbb.lumbar", "atLeast": 2 } }""", "at most 1 × earlier lumbar medial branch block")]
    [InlineData("""{ "exists": ["medication.apixaban", "medication.dabigatran"], "where": { "lastDoseHoursAgo": { "known": false } } }""",
        "takes apixaban (direct oral anticoagulant) or dabigatran (direct oral anticoagulant) with hours since the last dose not recorded")]
    [InlineData("""{ "exists": "procedure.mbb.lumbar" }""", "earlier lumbar medial branch block is recorded")]
    [InlineData("""{ "not": { "exists": "procedure.mbb.*" } }""", "no earlier lumbar medial branch block is recorded")]
    [InlineData("""{ "all": [ { "fact": "finding.pain.region", "is": "lumbar" }, { "any": [ { "fact": "finding.pain.nrs", "above": 6 }, { "exists": "condition.systemic_infection" } ] } ] }""",
        "all of: main pain region is lumbar; (any of: average pain (NRS) is above 6; has systemic infection)")]
    [InlineData("""{ "not": { "all": [ { "fact": "finding.pain.region", "is": "lumbar" }, { "fact": "finding.pain.nrs", "above": 6 } ] } }""",
        "any of: main pain region is not lumbar; average pain (NRS) is at most 6")]
    public void Describe_ReadsAsPlainLanguage(string when, string expected) => Assert.Equal(expected, Describe(when));

    [Theory]
    [InlineData("Average pain (NRS)", "average pain (NRS)")]
    [InlineData("INR (international normalised ratio)", "INR (international normalised ratio)")]
    [InlineData("HbA1c (%)", "HbA1c (%)")]
    [InlineData("Oswestry Disability Index", "Oswestry Disability Index")]
    [InlineData("Type 2 diabetes", "type 2 diabetes")]
    public void LowerFirst_KeepsAcronymsAndProperNames(string label, string expected) => Assert.Equal(expected, PlainLanguage.LowerFirst(label));
}
