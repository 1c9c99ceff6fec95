using Newtonsoft.Json.Linq;
using Xunit;

namespace PlanRules.Tests.Plans.Format;

/// <summary>The plan says why a candidate's bleeding-risk category was raised, in JSON and in the text view.</summary>
public class RaisedBleedingRiskTests
{
    private static readonly RuleSet Shipped = RuleSet.LoadDefault();

    [Fact]
    public void ARaisedCategory_NamesTheFactThatRaisedIt()
    {
        var plan = TestRuleSets.Plan(Shipped, TestRuleSets.LumbarCase(c => c["history"]!["conditions"] = new JArray("renal_impairment")));

        var esi = Assert.Single(plan.Candidates, c => c.Intervention == "esi.lumbar.transforaminal");
        Assert.Equal("high", esi.EffectiveBleedingRisk);
        Assert.Equal(["condition.renal_impairment"], esi.EffectiveBleedingRiskBecause);
        var json = JObject.Parse(plan.ToJson())["candidates"]!.First(c => (string?)c["intervention"] == "esi.lumbar.transforaminal");
        Assert.Equal(["condition.renal_impairment"], json["effectiveBleedingRiskBecause"]!.Select(t => (string)t!));
        Assert.Contains("(treated as high because of condition.renal_impairment)", plan.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACategoryNotRaised_SaysNothing()
    {
        var plan = TestRuleSets.Plan(Shipped, TestRuleSets.LumbarCase());

        Assert.All(plan.Candidates, c => Assert.Empty(c.EffectiveBleedingRiskBecause));
        Assert.DoesNotContain("effectiveBleedingRiskBecause", plan.ToJson(), StringComparison.Ordinal);
    }
}
