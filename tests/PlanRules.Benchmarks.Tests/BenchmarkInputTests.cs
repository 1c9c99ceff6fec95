namespace PlanRules.Benchmarks.Tests;

/// <summary>The inputs of the shipped-rule-set benchmarks are valid, and every benchmark class sets up.</summary>
public sealed class BenchmarkInputTests
{
    [Theory]
    [InlineData(PlanBenchmarks.TypicalCase)]
    [InlineData(PlanBenchmarks.HeavyCase)]
    public void Benchmark_cases_read_without_diagnostics_and_plan(string json)
    {
        var rules = RuleSet.LoadDefault();
        var result = PatientCase.FromJson(json, rules.Vocabulary);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.NotNull(new PlanRecommender(rules).Recommend(result.Case!));
    }

    [Fact]
    public void The_heavy_case_is_heavy()
    {
        var heavy = PatientCase.FromJson(PlanBenchmarks.HeavyCase, RuleSet.LoadDefault().Vocabulary).Case!;
        Assert.True(heavy.History.Medications!.Count >= 8);
        Assert.True(heavy.History.Procedures!.Count >= 10);
    }

    [Fact]
    public void Synthetic_plan_benchmarks_set_up_and_agree_on_the_work_done()
    {
        var b = new SyntheticPlanBenchmarks { Rules = 100 };
        b.SetupPlanRules();
        b.SetupRulesEngine();
        b.SetupHandWritten();
        // Same candidate firings over the benchmark's cases (PlanRules' trace also counts contraindication entries).
        Assert.Equal(b.HandWrittenDelegates(), b.MicrosoftRulesEngine());
        Assert.True(b.PlanRulesEngine() >= b.HandWrittenDelegates());
    }

    [Fact]
    public void Corpus_plan_benchmark_sets_up_over_the_corpus()
    {
        var b = new CorpusPlanBenchmarks();
        b.Setup();
        Assert.Equal(CorpusPlanBenchmarks.CaseCount, CorpusPlanBenchmarks.Cases(RuleSet.LoadDefault()).Length);
        Assert.True(b.PlanCorpusCase() > 0);
    }
}
