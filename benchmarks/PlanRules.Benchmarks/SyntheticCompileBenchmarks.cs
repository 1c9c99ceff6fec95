using BenchmarkDotNet.Attributes;
using PlanRules.Rules;

namespace PlanRules.Benchmarks;

/// <summary>
/// Loading synthetic rule sets of 100, 1,000 and 5,000 rules (plus the shipped vocabulary, parameters and catalog):
/// <see cref="LoadValidateCompile"/> is the public <see cref="RuleSet.Load"/> (parse, validate, translate to NRules
/// rules, compile the Rete network); <see cref="ParseAndValidate"/> is its first half alone, so compile time ≈ the
/// difference. Uses NRules' default expression compiler.
/// </summary>
[MemoryDiagnoser]
public class SyntheticCompileBenchmarks
{
    private IReadOnlyList<RuleSourceFile> _files = [];

    /// <summary>Rules in the synthetic set.</summary>
    [Params(100, 1000, 5000)]
    public int Rules { get; set; }

    /// <summary>Generates the files (not measured).</summary>
    [GlobalSetup]
    public void Setup() => _files = SyntheticRuleSets.Generate(Rules).Files;

    // TODO(FastExpressionCompiler): the engine has no hook yet to plug an expression compiler into the NRules
    // RuleCompiler that CompiledRuleSet creates (NRules' RuleCompiler.ExpressionCompiler). When the engine exposes one,
    // add FastExpressionCompiler 6.0.0 to Directory.Packages.props and a third benchmark here that loads with it, e.g.
    //   [Benchmark] public RuleSet LoadValidateCompileWithFastExpressionCompiler() => ...;
    // (RulesEngine 6.0.1 in this project brings FastExpressionCompiler 5.0.2: check that it still runs with 6.0.0.)

    /// <summary>Parse, validate, translate and compile: <see cref="RuleSet.Load"/>.</summary>
    [Benchmark(Baseline = true)]
    public RuleSet LoadValidateCompile() =>
        RuleSet.Load(_files).RuleSet ?? throw new InvalidOperationException("the synthetic rules do not load");

    /// <summary>Parse and validate only (the loader's half of <see cref="RuleSet.Load"/>; internal API).</summary>
    [Benchmark]
    public object ParseAndValidate() =>
        RuleSetLoader.Load(_files.ToArray(), CancellationToken.None).Item1 ?? throw new InvalidOperationException("the synthetic rules do not validate");
}
