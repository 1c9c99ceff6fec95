using PlanRules.Plans;
using PlanRules.Replay;
using PlanRules.Rules;
using Xunit;

namespace PlanRules.Tests.Plans.Format;

/// <summary>A rule-set change that only moves missing information to another purpose still shows in a plan diff.</summary>
public class DiffPurposeTests
{
    private static TreatmentPlan Plan(string purpose) => new()
    {
        CaseId = "case-0001",
        RuleSet = new RuleSetIdentity("r", "1", "00"),
        MissingInformation = [new MissingInformation("lab.inr", ["esi.lumbar.transforaminal"], "why", ["m.inr"]) { Purpose = purpose }],
    };

    [Fact]
    public void APurposeChange_IsAMissingInformationChange()
    {
        var change = Assert.Single(PlanDiff.Compare(Plan("eligibility"), Plan("safety")).Changes);

        Assert.Equal(PlanChangeKind.MissingInformationChanged, change.Kind);
        Assert.StartsWith("eligibility", change.Before, StringComparison.Ordinal);
        Assert.StartsWith("safety", change.After, StringComparison.Ordinal);
    }
}
