using Newtonsoft.Json.Linq;
using PlanRules.Handouts;
using PlanRules.Plans;
using PlanRules.Tests.Handouts;

namespace PlanRules.Tests.Plans.Format;

/// <summary>The handout of the plan format v2: the draft notice in plain words and the held-medicine box at the top.</summary>
public sealed class HandoutFormatTests
{
    private const string HoldApixaban = """
        { "id": "pre.apix", "title": "hold apixaban", "kind": "prerequisite", "appliesTo": { "interventions": ["esi.*"] }, "code": "hold.apixaban",
          "message": "Hold apixaban for at least 72 hours.", "when": { "fact": "medication.apixaban", "is": true } }
        """;

    private static (RuleSet Rules, PlanRules.Cases.PatientCase Case, TreatmentPlan Plan) Make(string moreRules, Action<JObject>? edit = null)
    {
        var rules = FormatRuleSets.Rules(moreRules);
        var read = PlanRules.Cases.PatientCase.FromJson(TestRuleSets.LumbarCase(edit), rules.Vocabulary);
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
        return (rules, read.Case!, new PlanRecommender(rules).Recommend(read.Case!));
    }

    private static void OnApixaban(JObject c) => c["history"]!["medications"] = new JArray(new JObject { ["code"] = "apixaban" });

    [Fact]
    public void HeldMedicine_IsBoxedAtTheTop_LikeARedFlag()
    {
        var (rules, c, plan) = Make(HoldApixaban, OnApixaban);
        var html = PatientHandout.ToHtml(plan, c, rules);
        var box = html.IndexOf("Do not stop your medicine on your own", StringComparison.Ordinal);
        Assert.True(box > 0);
        var alert = html.LastIndexOf("<div class=\"callout urgent\" role=\"alert\">", box, StringComparison.Ordinal);
        Assert.True(alert > 0 && alert < html.IndexOf("<h2>", StringComparison.Ordinal), "the box comes before every section");
        Assert.Contains("You may need to stop apixaban for a short time before a procedure.", html, StringComparison.Ordinal);

        var markdown = PatientHandout.ToMarkdown(plan, c, rules);
        Assert.Contains("> **Do not stop your medicine on your own**", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("> **Do not stop", StringComparison.Ordinal) < markdown.IndexOf("## ", StringComparison.Ordinal));
    }

    [Fact]
    public void HeldMedicineBox_ReadsAtGradeSixOrBelow()
    {
        var (rules, c, plan) = Make(HoldApixaban + """
            , { "id": "pre.hep", "title": "hold heparin", "kind": "prerequisite", "appliesTo": "any", "code": "hold.heparin_iv",
                "message": "Hold heparin for 4 hours.", "when": { "fact": "medication.heparin_iv", "is": true } }
            """, o => o["history"]!["medications"] = new JArray(new JObject { ["code"] = "apixaban" }, new JObject { ["code"] = "heparin_iv" }));
        var markdown = PatientHandout.ToMarkdown(plan, c, rules);
        var start = markdown.IndexOf("> **Do not stop", StringComparison.Ordinal);
        var box = string.Join("\n", markdown[start..].Split('\n').TakeWhile(l => l.StartsWith('>')));
        Assert.Contains("apixaban and heparin given in a vein", box, StringComparison.Ordinal);
        var (grade, _, _, _) = Readability.FleschKincaid(HandoutProse.FromMarkdown(box));
        Assert.True(grade <= 6, $"grade {grade}");
    }

    [Fact]
    public void NoHeldMedicine_NoBox()
    {
        var (rules, c, plan) = Make(HoldApixaban);
        Assert.DoesNotContain("Do not stop your medicine", PatientHandout.ToMarkdown(plan, c, rules), StringComparison.Ordinal);
    }

    [Fact]
    public void DraftNotice_IsOneLineInPlainWords()
    {
        var (rules, c, plan) = Make("");
        Assert.Equal(2, plan.DraftRulesUsed);
        var markdown = PatientHandout.ToMarkdown(plan, c, rules);
        const string notice = "Note: a lead doctor has not yet checked 2 of the rules used to make this guide.";
        Assert.Contains("\n" + notice + "\n", markdown, StringComparison.Ordinal);
        Assert.Contains("<p>" + notice + "</p>", PatientHandout.ToHtml(plan, c, rules), StringComparison.Ordinal);
        var (grade, _, _, _) = Readability.FleschKincaid(notice);
        Assert.True(grade <= 6, $"grade {grade}");
    }

    [Fact]
    public void DraftNotice_IsAbsentWithoutDrafts()
    {
        var (rules, c, plan) = Make("");
        var markdown = PatientHandout.ToMarkdown(plan with { DraftRulesUsed = 0 }, c, rules);
        Assert.DoesNotContain("lead doctor", markdown, StringComparison.Ordinal);
    }
}
