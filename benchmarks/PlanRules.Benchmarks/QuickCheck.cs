using System.Diagnostics;

namespace PlanRules.Benchmarks;

/// <summary>
/// A rough, fast look at the figures BenchmarkDotNet measures properly (<c>-- --quick</c>): Stopwatch medians of a few
/// rounds, allocation per operation of this thread. For profiling iterations only; publish BenchmarkDotNet's figures.
/// </summary>
internal static class QuickCheck
{
    public static void Compile()
    {
        var files = SyntheticRuleSets.Generate(5000).Files.ToArray();
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var (content, _) = Rules.RuleSetLoader.Load(files, CancellationToken.None);
            var load = sw.Elapsed.TotalMilliseconds;
            Engine.CompiledRuleSet.Phases.Clear();
            sw.Restart();
            Engine.CompiledRuleSet.Compile(content!);
            Console.WriteLine($"5000: load {load:F0} ms, compile {sw.Elapsed.TotalMilliseconds:F0} ms: {string.Join(", ", Engine.CompiledRuleSet.Phases.Select(p => $"{p.Key} {p.Value:F0} ms"))}");
        }
    }

    public static void Run(bool breakdown = false)
    {
        if (breakdown)
        {
            var rules = RuleSet.LoadDefault();
            var c = Cases.PatientCase.FromJson(PlanBenchmarks.TypicalCase, rules.Vocabulary).Case!;
            var compiled = rules.Compiled;
            Report("  case facts", 20_000, 1, () => new Engine.CaseFacts(c));
            Report("  evaluate (pooled)", 20_000, 1, () => compiled.Evaluate(c));
            var e = compiled.Evaluate(c);
            Report("  assemble", 20_000, 1, () => Plans.PlanAssembler.Assemble(compiled, c, e));
            Report("  condition loop", 20_000, 1, () =>
            {
                var f = new Engine.CaseFacts(c);
                var n = 0;
                foreach (var p in compiled.Programs) if (p.Condition(f) != Engine.Truth.False) n++;
                return n;
            });
            var synthetic = SyntheticRuleSets.Generate(1000).Load();
            var sc = SyntheticCases.ToPatientCase(SyntheticCases.Generate(1)[0]);
            Report("  1000: evaluate (pooled)", 2_000, 1, () => synthetic.Compiled.Evaluate(sc));
            var se = synthetic.Compiled.Evaluate(sc);
            Report("  1000: assemble", 2_000, 1, () => Plans.PlanAssembler.Assemble(synthetic.Compiled, sc, se));
            Report("  1000: condition loop", 2_000, 1, () =>
            {
                var f = new Engine.CaseFacts(sc);
                var n = 0;
                foreach (var p in synthetic.Compiled.Programs) if (p.Condition(f) != Engine.Truth.False) n++;
                return n;
            });
            Console.WriteLine($"  1000: firings {se.Firings.Count}");
            Engine.NetworkStats.Print(synthetic.Compiled, sf0: new Engine.CaseFacts(sc));
            var pooled = synthetic.Compiled.Pool.Create();
            var sf = new Engine.CaseFacts(sc);
            Report("  1000: insert+fire view", 2_000, 1, () =>
            {
                pooled.View.Reset(sf);
                pooled.Session.Insert(pooled.View);
                var fired = pooled.Session.Fire();
                pooled.Reset();
                return fired;
            });
            Report("  1000: insert view only", 2_000, 1, () =>
            {
                pooled.View.Reset(sf);
                pooled.Session.Insert(pooled.View);
                pooled.Reset();
                return 0;
            });
            Console.WriteLine($"  1000: rules fired in stage 1: {FiredCount(pooled, sf)}");
            return;
        }
        var plan = new PlanBenchmarks();
        plan.Setup();
        Report("shipped typical", 20_000, 1, () => plan.PlanTypicalCase());
        Report("shipped heavy", 20_000, 1, () => plan.PlanHeavyCase());
        foreach (var n in new[] { 100, 1000 })
        {
            var s = new SyntheticPlanBenchmarks { Rules = n };
            s.SetupPlanRules();
            s.SetupRulesEngine();
            s.SetupHandWritten();
            var rounds = n == 100 ? 300 : 40;
            Report($"synthetic {n} PlanRules", rounds, SyntheticPlanBenchmarks.CaseCount, () => s.PlanRulesEngine());
            Report($"synthetic {n} RulesEngine", rounds, SyntheticPlanBenchmarks.CaseCount, () => s.MicrosoftRulesEngine());
            Report($"synthetic {n} hand-written", rounds, SyntheticPlanBenchmarks.CaseCount, () => s.HandWrittenDelegates());
        }
        var compile = new SyntheticCompileBenchmarks { Rules = 5000 };
        compile.Setup();
        Report("compile 5000", 3, 1, () => compile.LoadValidateCompile());
    }

    private static int FiredCount(Engine.PooledSession pooled, Engine.CaseFacts facts)
    {
        pooled.View.Reset(facts);
        pooled.Session.Insert(pooled.View);
        var n = pooled.Session.Fire();
        pooled.Reset();
        return n;
    }

    private static void Report(string name, int iterations, int perInvoke, Func<object> action)
    {
        for (var i = 0; i < Math.Min(iterations, 200); i++) action();
        var samples = new List<double>();
        long bytes = 0;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) action();
            sw.Stop();
            bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / iterations / perInvoke;
            samples.Add(sw.Elapsed.TotalMicroseconds / iterations / perInvoke);
        }
        samples.Sort();
        Console.WriteLine($"{name,-30} median {samples[2],10:F1} µs/op   {bytes / 1024.0,8:F1} KiB/op");
    }
}
