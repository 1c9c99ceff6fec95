using Newtonsoft.Json.Linq;

namespace PlanRules.Tests.Plans.Format;

/// <summary>The text view of the plan format v2: missing information by purpose, the red-flags line, the draft notice.</summary>
public sealed class PlanTextFormatTests
{
    private const string Rules = """
        { "id": "c.inr", "title": "INR too high", "kind": "contraindication", "severity": "absolute", "appliesTo": "any",
          "message": "INR high.", "when": { "fact": "lab.inr", "above": 1.5 } },
        { "id": "w.preg", "title": "pregnancy", "kind": "warning", "severity": "warning", "code": "pregnancy.fluoroscopy", "message": "Pregnant.",
          "appliesTo": "any", "when": { "fact": "patient.pregnant", "is": true } },
        { "id": "p.rfa", "title": "RFA when disabled", "kind": "candidate", "intervention": "rfa.lumbar.medial_branch", "strength": "consider",
          "when": { "fact": "finding.function.odi", "atLeast": 30 } },
        { "id": "p.sij", "title": "SIJ when conservative care", "kind": "candidate", "intervention": "sij.injection.therapeutic", "strength": "consider",
          "when": { "fact": "finding.conservative_care.weeks", "atLeast": 4 } }
        """;

    private static string Text(Action<JObject>? edit = null, IReadOnlyList<string>? screening = null) =>
        FormatRuleSets.Plan(Rules, edit ?? (c =>
        {
            ((JObject)c["labs"]!).Remove("inr");
            ((JObject)c["patient"]!).Remove("pregnant");
            ((JObject)c["findings"]!).Remove("function.odi");
            ((JObject)c["findings"]!).Remove("conservative_care.weeks");
        }), screening).ToText();

    [Fact]
    public void MissingInformation_IsGroupedByPurpose_EligibilityCountedLast()
    {
        var text = Text();
        var section = text[text.IndexOf("MISSING INFORMATION\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n\n", StringComparison.Ordinal)];
        Assert.Equal("""
            MISSING INFORMATION
              for safety (could exclude or change a candidate):
              ? lab.inr: needed to decide: INR too high (needed for esi.lumbar.transforaminal, mbb.lumbar)
              for screening (red flags, pregnancy):
              ? patient.pregnant: needed to decide: pregnancy (needed for esi.lumbar.transforaminal, mbb.lumbar)
              2 items that could add a candidate:
              ? finding.conservative_care.weeks: needed to decide: SIJ when conservative care (needed for sij.injection.therapeutic)
              ? finding.function.odi: needed to decide: RFA when disabled (needed for rfa.lumbar.medial_branch)
            """.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'), section);
    }

    [Fact]
    public void RedFlagsLine_NamesFactsKnownClear_AndThoseNotRecorded()
    {
        // Pregnancy is a screening fact but not a red flag: it is asked under missing information where it applies.
        var text = Text();
        Assert.Contains("\nRed flags checked: finding.exam.neuro_deficit = stable, finding.redflag.cauda_equina; not recorded: (none)\n", text, StringComparison.Ordinal);
        var unrecorded = Text(c =>
        {
            ((JObject)c["patient"]!).Remove("pregnant");
            ((JObject)c["findings"]!).Remove("redflag.cauda_equina");
        });
        Assert.Contains("\nRed flags checked: finding.exam.neuro_deficit = stable; not recorded: finding.redflag.cauda_equina\n", unrecorded, StringComparison.Ordinal);
    }

    [Fact]
    public void RedFlagsLine_SaysNoneWhenNothingIsMissingOrChecked()
    {
        Assert.Contains("\nRed flags checked: finding.redflag.cauda_equina; not recorded: (none)\n",
            Text(_ => { }, screening: ["finding.redflag.cauda_equina"]), StringComparison.Ordinal);
        Assert.Contains("\nRed flags checked: (none); not recorded: (none)\n", Text(_ => { }, screening: []), StringComparison.Ordinal);
    }

    [Fact]
    public void RedFlagsLine_IsLeftOut_WithoutCandidatesOrReferrals()
    {
        var plan = FormatRuleSets.Plan("""
            { "id": "c.all", "title": "all out", "kind": "contraindication", "severity": "absolute", "appliesTo": "any", "message": "No.",
              "when": { "fact": "finding.pain.region", "is": "lumbar" } }
            """);
        Assert.Empty(plan.Candidates);
        Assert.DoesNotContain("Red flags checked", plan.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void DraftNotice_IsOneLine_WhenDraftRulesContributed()
    {
        var plan = FormatRuleSets.Plan("");
        Assert.Equal(2, plan.DraftRulesUsed);
        Assert.Contains("\nNote: 2 rules in this plan are drafts not yet signed off by a clinical lead.\n", plan.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void DraftNotice_IsAbsent_WhenNoDraftRuleContributed()
    {
        var rules = TestRuleSets.Rules("""
            [{ "id": "p.esi", "title": "ESI", "kind": "candidate", "intervention": "esi.lumbar.transforaminal", "strength": "recommended",
               "when": { "fact": "finding.pain.pattern", "is": "radicular" }, "status": "approved", "reviewedBy": "Dr Lead", "reviewedOn": "2026-01-05" }]
            """);
        var text = TestRuleSets.Plan(rules, TestRuleSets.LumbarCase()).ToText();
        Assert.DoesNotContain("draft", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TraceLine_NoLongerPointsAtAMissingOption()
    {
        var text = Text();
        Assert.DoesNotContain("--json", text, StringComparison.Ordinal);
        Assert.Contains("rule firings in the trace (the JSON plan lists them: planrules plan --format json, or TreatmentPlan.ToJson()).\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RestartFollowUp_IsMarkedInTheText()
    {
        var plan = FormatRuleSets.Plan("""
            { "id": "f.restart", "title": "restart", "kind": "follow-up", "appliesTo": "any", "measure": "medication.apixaban", "afterWeeks": 0, "restart": true,
              "message": "Restart apixaban as planned.", "when": { "fact": "medication.apixaban", "is": true } }
            """, c => c["history"]!["medications"] = new JArray(new JObject { ["code"] = "apixaban" }));
        Assert.Contains("  @ week 0: restart medication.apixaban — Restart apixaban as planned.\n", plan.ToText(), StringComparison.Ordinal);
    }
}
