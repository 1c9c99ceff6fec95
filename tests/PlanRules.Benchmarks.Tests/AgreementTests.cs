using Xunit.Abstractions;

namespace PlanRules.Benchmarks.Tests;

/// <summary>PlanRules, RulesEngine and the hand-written evaluator decide the same on the same synthetic rules and cases.</summary>
public sealed class AgreementTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(100, 200)]
    [InlineData(1000, 200)]
    public void All_three_engines_agree_on_every_case(int rules, int cases)
    {
        var set = SyntheticRuleSets.Generate(rules);
        var recommender = new PlanRecommender(set.Load());
        var rulesEngine = new RulesEngineBaseline(set);
        var handWritten = new HandWrittenEvaluator(set);

        int candidates = 0, contraindications = 0, casesWithCandidates = 0, casesWithContraindications = 0;
        foreach (var c in SyntheticCases.Generate(cases))
        {
            var (planRules, undecided) = SyntheticOutcome.FromPlan(recommender.Recommend(SyntheticCases.ToPatientCase(c)), set);
            var peer = rulesEngine.Evaluate(RulesEngineBaseline.ToInput(c)).ToOutcome();
            var lowerBound = handWritten.Evaluate(HandWrittenEvaluator.Flatten(c)).ToOutcome();

            Assert.True(undecided.Count == 0, $"{c.Id}: a complete case left rules undecided: {string.Join(", ", undecided.Take(10))}");
            Assert.True(planRules.SameAs(lowerBound), $"{c.Id}: PlanRules vs hand-written: {planRules.Difference(lowerBound, "PlanRules", "hand-written")}");
            Assert.True(peer.SameAs(lowerBound), $"{c.Id}: RulesEngine vs hand-written: {peer.Difference(lowerBound, "RulesEngine", "hand-written")}");

            candidates += planRules.Candidates.Count;
            contraindications += planRules.Contraindications.Count;
            if (planRules.Candidates.Count > 0) casesWithCandidates++;
            if (planRules.Contraindications.Count > 0) casesWithContraindications++;
        }
        output.WriteLine($"{rules} rules, {cases} cases: {candidates} candidate firings ({casesWithCandidates} cases), {contraindications} contraindication pairs ({casesWithContraindications} cases)");

        // The comparison is not vacuous: most cases fire some rules, but far from all of them.
        Assert.InRange(casesWithCandidates, cases / 2, cases);
        Assert.InRange(candidates, cases, rules * cases / 5);
        Assert.True(casesWithContraindications > cases / 10);
    }
}
