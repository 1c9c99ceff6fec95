using BenchmarkDotNet.Attributes;
using PlanRules.Rules;

namespace PlanRules.Benchmarks;

/// <summary>Loading, validating and compiling the shipped rule set.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private IReadOnlyList<RuleSourceFile> _files = [];

    [GlobalSetup]
    public void Setup() => _files = RuleSet.DefaultFiles();

    [Benchmark]
    public RuleSet LoadValidateCompileShippedRules() =>
        RuleSet.Load(_files).RuleSet ?? throw new InvalidOperationException("the shipped rules do not load");
}
