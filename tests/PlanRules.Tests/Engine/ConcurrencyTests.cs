using FsCheck.Fluent;
using PlanRules.Cases;
using PlanRules.Tests.Properties;

namespace PlanRules.Tests.Engine;

/// <summary>One compiled rule set serves many threads with results identical to sequential evaluation.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void EightThreads_TenThousandEvaluations_IdenticalToSequential()
    {
        var loaded = RuleSet.LoadDirectory(RepoPaths.Rules);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var recommender = new PlanRecommender(loaded.RuleSet!);
        var cases = CaseGenerators.Case.Sample(20, new FsCheck.Rnd(7UL, 11UL), 200).ToArray();
        var expected = cases.Select(c => recommender.Recommend(c).ToJson()).ToArray();

        const int evaluations = 10_000;
        var mismatches = 0;
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (var i = t; i < evaluations; i += 8)
            {
                var index = i % cases.Length;
                if (recommender.Recommend(cases[index]).ToJson() != expected[index]) Interlocked.Increment(ref mismatches);
            }
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        Assert.Equal(0, mismatches);
    }
}
