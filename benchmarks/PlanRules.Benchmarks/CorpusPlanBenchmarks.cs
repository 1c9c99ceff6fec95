using BenchmarkDotNet.Attributes;
using PlanRules.Cases;

namespace PlanRules.Benchmarks;

/// <summary>
/// Planning the clinical corpus (<c>tests/PlanRules.Tests/Corpus</c>) on the shipped rule set: time and bytes per plan,
/// averaged over <see cref="CaseCount"/> corpus cases spread evenly over the corpus (all of them when it is smaller).
/// Issue #16's target: ≤ 100 µs and ≤ 64 KiB per plan.
/// </summary>
[MemoryDiagnoser]
public class CorpusPlanBenchmarks
{
    /// <summary>Plans per invocation.</summary>
    public const int CaseCount = 128;

    private PlanRecommender _recommender = null!;
    private PatientCase[] _cases = [];

    /// <summary>Reads the corpus (not measured) and validates each case once, as a host reading case files does.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rules = RuleSet.LoadDefault();
        _recommender = new PlanRecommender(rules);
        _cases = Cases(rules);
        foreach (var c in _cases) _recommender.Recommend(c);
    }

    /// <summary><see cref="CaseCount"/> corpus cases, evenly spread (repeating when the corpus is smaller).</summary>
    public static PatientCase[] Cases(RuleSet rules)
    {
        var all = Directory.EnumerateFiles(CorpusDirectory(), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (all.Length == 0) throw new InvalidOperationException("no corpus cases found");
        return Enumerable.Range(0, CaseCount)
            .Select(i => all[(int)((long)i * all.Length / CaseCount) % all.Length])
            .Select(path => PatientCase.FromJson(File.ReadAllText(path), rules.Vocabulary).Case
                            ?? throw new InvalidOperationException("unreadable corpus case " + Path.GetFileName(path)))
            .ToArray();
    }

    private static string CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "tests", "PlanRules.Tests", "Corpus");
            if (File.Exists(Path.Combine(dir.FullName, "PlanRules.sln")) && Directory.Exists(corpus)) return corpus;
        }
        throw new InvalidOperationException("run from inside the repository: tests/PlanRules.Tests/Corpus not found");
    }

    /// <summary>Plan each of the corpus cases: time and bytes per plan.</summary>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public int PlanCorpusCase()
    {
        var n = 0;
        foreach (var c in _cases) n += _recommender.Recommend(c).Trace.Count;
        return n;
    }
}
