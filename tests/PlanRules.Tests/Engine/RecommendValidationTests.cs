using PlanRules.Rules;
using PlanRules.Cases;

namespace PlanRules.Tests.Engine;

/// <summary><see cref="PlanRecommender.Recommend"/> validates every case it has not seen validated, and never plans an invalid one.</summary>
public sealed class RecommendValidationTests
{
    private static PatientCase Valid() =>
        PatientCase.FromJson(TestRuleSets.LumbarCase(), EngineCases.Shipped.Vocabulary).Case!;

    [Fact]
    public void Recommend_CaseWithUnknownFinding_ThrowsInvalidCaseException()
    {
        var valid = Valid();
        Assert.NotNull(new PlanRecommender(EngineCases.Shipped).Recommend(valid));
        var invalid = valid with { Findings = new Dictionary<string, FactValue>(valid.Findings) { ["pain.nonexistent_fact"] = FactValue.Number(3) } };
        var ex = Assert.Throws<InvalidCaseException>(() => new PlanRecommender(EngineCases.Shipped).Recommend(invalid));
        Assert.NotEmpty(ex.Diagnostics);
    }

    [Fact]
    public void Recommend_CaseWithOutOfRangeValue_ThrowsWithoutTheValue()
    {
        var valid = Valid();
        var invalid = valid with { Findings = new Dictionary<string, FactValue>(valid.Findings) { ["pain.nrs"] = FactValue.Number(987654) } };
        var ex = Assert.Throws<InvalidCaseException>(() => new PlanRecommender(EngineCases.Shipped).Recommend(invalid));
        Assert.DoesNotContain("987654", ex.Message + string.Join("\n", ex.Diagnostics), StringComparison.Ordinal);
    }
}
