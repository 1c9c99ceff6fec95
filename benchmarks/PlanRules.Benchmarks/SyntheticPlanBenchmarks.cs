using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PlanRules.Cases;

namespace PlanRules.Benchmarks;

/// <summary>
/// Planning on synthetic rule sets of 100 and 1,000 rules, the same rules and the same 64 complete cases for three
/// engines: PlanRules (<see cref="PlanRecommender.Recommend"/>: case validation, NRules evaluation with three-valued
/// logic, plan assembly), Microsoft RulesEngine 6.0.1 (every rule of a workflow executed per case, contraindications
/// joined in C#), and the hand-written evaluator (delegates; the baseline, i.e. the practical lower bound). Times are
/// per case. Ratio = ×hand-written (target for PlanRules at 1,000 rules: ≤ 1.5); Time/PlanRules on the RulesEngine row
/// = how many times faster PlanRules is (target ≥ 5). Each engine gets its own input built in setup (PatientCase,
/// RulesEngineCase, FlatCase). AgreementTests checks that the three decide the same.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class SyntheticPlanBenchmarks
{
    /// <summary>Cases planned per invocation (times are reported per case).</summary>
    public const int CaseCount = 64;

    private PlanRecommender _planRules = null!;
    private PatientCase[] _patientCases = [];
    private RulesEngineBaseline _rulesEngine = null!;
    private RulesEngineCase[] _rulesEngineCases = [];
    private HandWrittenEvaluator _handWritten = null!;
    private FlatCase[] _flatCases = [];

    /// <summary>Rules in the synthetic set.</summary>
    [Params(100, 1000)]
    public int Rules { get; set; }

    private SyntheticRuleSet RuleSet() => SyntheticRuleSets.Generate(Rules);

    private static IReadOnlyList<SyntheticCase> Cases() => SyntheticCases.Generate(CaseCount);

    /// <summary>Loads the rules into PlanRules and warms it up.</summary>
    [GlobalSetup(Target = nameof(PlanRulesEngine))]
    public void SetupPlanRules()
    {
        _planRules = new PlanRecommender(RuleSet().Load());
        _patientCases = Cases().Select(SyntheticCases.ToPatientCase).ToArray();
        PlanRulesEngine();
    }

    /// <summary>Builds the RulesEngine workflow and warms it up (its rules compile on first execution).</summary>
    [GlobalSetup(Target = nameof(MicrosoftRulesEngine))]
    public void SetupRulesEngine()
    {
        _rulesEngine = new RulesEngineBaseline(RuleSet());
        _rulesEngineCases = Cases().Select(RulesEngineBaseline.ToInput).ToArray();
        MicrosoftRulesEngine();
    }

    /// <summary>Compiles the delegates.</summary>
    [GlobalSetup(Target = nameof(HandWrittenDelegates))]
    public void SetupHandWritten()
    {
        _handWritten = new HandWrittenEvaluator(RuleSet());
        _flatCases = Cases().Select(HandWrittenEvaluator.Flatten).ToArray();
        HandWrittenDelegates();
    }

    /// <summary>PlanRules: a full plan per case.</summary>
    [Benchmark(OperationsPerInvoke = CaseCount, Description = "PlanRules")]
    public int PlanRulesEngine()
    {
        var n = 0;
        foreach (var c in _patientCases) n += _planRules.Recommend(c).Trace.Count;
        return n;
    }

    /// <summary>Microsoft RulesEngine 6.0.1: every rule of the workflow per case.</summary>
    [Benchmark(OperationsPerInvoke = CaseCount, Description = "RulesEngine 6.0.1")]
    public int MicrosoftRulesEngine()
    {
        var n = 0;
        foreach (var c in _rulesEngineCases) n += _rulesEngine.Evaluate(c).Candidates.Count;
        return n;
    }

    /// <summary>Hand-written delegates: the lower bound.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = CaseCount, Description = "hand-written delegates")]
    public int HandWrittenDelegates()
    {
        var n = 0;
        foreach (var c in _flatCases) n += _handWritten.Evaluate(c).Candidates.Count;
        return n;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new RelativeToPlanRulesColumn(nameof(PlanRulesEngine)));
    }
}
