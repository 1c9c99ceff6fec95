using Newtonsoft.Json.Linq;
using PlanRules.Rules;
using PlanRules.Cases;
using Xunit;

namespace PlanRules.Tests.Plans.Format;

/// <summary>An exclusion says which criterion failed with the case's own numbers (the matched entry's weeks and relief).</summary>
public class ExclusionReasonNumbersTests
{
    private static readonly RuleSet Shipped = RuleSet.LoadDefault();

    private static PlanRules.Plans.TreatmentPlan PlanWithEarlierEsi(double weeksAgo, double reliefPercent, double reliefWeeks) =>
        TestRuleSets.Plan(Shipped, TestRuleSets.LumbarCase(c => c["history"]!["procedures"] = new JArray(
            new JObject { ["code"] = "esi.lumbar.transforaminal", ["weeksAgo"] = weeksAgo, ["reliefPercent"] = reliefPercent, ["reliefWeeks"] = reliefWeeks })));

    [Fact]
    public void InsideItsWindow_TheReasonCarriesTheWeeksSinceTheEarlierInjection()
    {
        var plan = PlanWithEarlierEsi(4, 70, 4);

        var reason = plan.Excluded.Single(e => e.Intervention == "esi.lumbar.transforaminal").Reasons.Single();
        Assert.Equal("esi.lumbar.repeat-inside-window", reason.Rule);
        Assert.Equal(FactValue.Number(4), reason.Matched["procedure.esi.lumbar.transforaminal.weeksAgo"]);
        Assert.Equal(FactValue.Number(70), reason.Matched["procedure.esi.lumbar.transforaminal.reliefPercent"]);
        var json = JObject.Parse(plan.ToJson())["excluded"]!.First(e => (string?)e["intervention"] == "esi.lumbar.transforaminal");
        Assert.Equal(4, (double)json["reasons"]![0]!["matched"]!["procedure.esi.lumbar.transforaminal.weeksAgo"]!);
        Assert.Contains("recorded: ", plan.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReliefTooShort_TheReasonCarriesHowLongTheReliefLasted()
    {
        var plan = PlanWithEarlierEsi(22, 70, 11);

        var reason = plan.Excluded.Single(e => e.Intervention == "esi.lumbar.transforaminal").Reasons.Single();
        Assert.Equal("esi.lumbar.repeat-relief-too-short", reason.Rule);
        Assert.Equal(FactValue.Number(11), reason.Matched["procedure.esi.lumbar.transforaminal.reliefWeeks"]);
    }

    [Fact]
    public void AReasonWithoutEntries_WritesNoMatchedObject()
    {
        var plan = TestRuleSets.Plan(Shipped, TestRuleSets.LumbarCase(c => c["goals"] = new JArray("avoid_steroids")));

        var reasons = JObject.Parse(plan.ToJson())["excluded"]!.SelectMany(e => e["reasons"]!).ToArray();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Null(r["matched"]?.Children().FirstOrDefault(p => ((JProperty)p).Name.EndsWith(".weeksAgo", StringComparison.Ordinal))));
    }
}
