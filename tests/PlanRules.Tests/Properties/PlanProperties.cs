using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PlanRules.Cases;
using PlanRules.Rules;

namespace PlanRules.Tests.Properties;

/// <summary>Invariants of planning, checked on generated cases against the shipped rule set.</summary>
public sealed class PlanProperties
{
    private static readonly Lazy<RuleSet> Rules = new(() =>
    {
        var result = RuleSet.LoadDirectory(RepoPaths.Rules);
        return result.RuleSet ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    });

    private static PlanRecommender Recommender => new(Rules.Value);

    private static Arbitrary<PatientCase> Cases => CaseGenerators.Case.ToArbitrary();

    [Property(MaxTest = 200)]
    public Property SameCase_GivesByteIdenticalPlan() =>
        Prop.ForAll(Cases, c => Recommender.Recommend(c).ToJson() == Recommender.Recommend(c).ToJson());

    [Property(MaxTest = 200)]
    public Property OrderOfItemsInACase_DoesNotChangeThePlan() =>
        Prop.ForAll(Cases, Gen.Choose(0, 1_000_000).ToArbitrary(), (c, seed) =>
            Recommender.Recommend(c).ToJson() == Recommender.Recommend(CaseGenerators.Shuffled(c, seed)).ToJson());

    [Property(MaxTest = 300)]
    public Property AbsoluteContraindication_NeverLeavesACandidate() =>
        Prop.ForAll(Cases, c =>
        {
            var plan = Recommender.Recommend(c);
            var absolute = Rules.Value.Rules.Where(r => r is { Kind: RuleKind.Contraindication, Severity: "absolute" }).Select(r => r.Id).ToHashSet();
            var hit = plan.Trace.Where(t => t.Outcome == "fired" && absolute.Contains(t.Rule) && t.Intervention is not null).Select(t => t.Intervention!).ToHashSet();
            return plan.Candidates.All(x => !hit.Contains(x.Intervention))
                   && plan.Excluded.All(e => plan.Candidates.All(x => x.Intervention != e.Intervention));
        });

    [Property(MaxTest = 300)]
    public Property NothingProposedDisappears_AndRedFlagsStopThePlan() =>
        Prop.ForAll(Cases, c =>
        {
            var plan = Recommender.Recommend(c);
            var proposed = plan.Trace.Where(t => t.Outcome == "fired" && Rules.Value.Rules.First(r => r.Id == t.Rule).Kind == RuleKind.Candidate)
                .Select(t => t.Intervention!).ToHashSet();
            var accounted = plan.Candidates.Select(x => x.Intervention).Concat(plan.Excluded.Select(e => e.Intervention)).ToHashSet();
            var redFlag = c.Findings.Any(f => f.Key.StartsWith("redflag.", StringComparison.Ordinal) && f.Value.Type == FactType.Boolean && f.Value.BooleanValue);
            return proposed.SetEquals(accounted) && (!redFlag || (plan.Candidates.Count == 0 && plan.Referrals.Count > 0));
        });

    [Property(MaxTest = 100)]
    public Property Plans_RoundTripThroughTheCaseJson() =>
        Prop.ForAll(Cases, c =>
        {
            var read = PatientCase.FromJson(c.ToJson(), Rules.Value.Vocabulary);
            return read.Case is not null && Recommender.Recommend(read.Case).ToJson() == Recommender.Recommend(c).ToJson();
        });
}
