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

    [Fact]
    public void ARestartFollowUp_AndAScreeningValue_AreComparedToo()
    {
        var before = Plan("safety");
        var after = Plan("safety") with
        {
            FollowUp = [new FollowUp("medication.apixaban", 0, "Restart apixaban 24 hours after the procedure.", ["esi.lumbar.transforaminal"], "r.restart", "a.json:1") { Kind = FollowUp.RestartKind }],
            Screening = [new ScreeningFact("finding.redflag.cauda_equina", PlanRules.Rules.FactValue.Boolean(false))],
        };

        var changes = PlanDiff.Compare(before, after).Changes;

        var restart = Assert.Single(changes, c => c.Kind == PlanChangeKind.FollowUpAdded);
        Assert.Equal("followUp", restart.Section);
        Assert.StartsWith("restart at week 0 for esi.lumbar.transforaminal", restart.After, StringComparison.Ordinal);
        var screening = Assert.Single(changes, c => c.Kind == PlanChangeKind.ScreeningChanged);
        Assert.Equal(("finding.redflag.cauda_equina", "not listed", "false"), (screening.Item, screening.Before, screening.After));
        Assert.Single(PlanDiff.Compare(after, before).Changes, c => c.Kind == PlanChangeKind.FollowUpRemoved);
    }
}
