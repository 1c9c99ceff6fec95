using FsCheck;
using FsCheck.Fluent;
using PlanRules.Cases;
using PlanRules.Tests.Properties;

namespace PlanRules.Tests.Engine;

/// <summary>Cases for the engine's differential tests: the corpus, and generated cases with many unknown facts.</summary>
internal static class EngineCases
{
    private static readonly Lazy<RuleSet> ShippedRules = new(() =>
    {
        var result = RuleSet.LoadDirectory(RepoPaths.Rules);
        return result.RuleSet ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    });

    public static RuleSet Shipped => ShippedRules.Value;

    public static string CorpusDirectory => Path.Combine(RepoPaths.Root, "tests", "PlanRules.Tests", "Corpus");

    /// <summary>Every corpus case, in file order.</summary>
    public static IReadOnlyList<PatientCase> Corpus(RuleSet rules) =>
        Directory.EnumerateFiles(CorpusDirectory, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => PatientCase.FromJson(File.ReadAllText(path), rules.Vocabulary).Case
                            ?? throw new InvalidOperationException("unreadable corpus case " + path))
            .ToArray();

    /// <summary>A generated case with, at random, findings and labs removed (so that they are unknown).</summary>
    public static Gen<PatientCase> WithUnknowns =>
        from c in CaseGenerators.Case
        from dropFindings in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), 12)
        from dropLabs in Gen.Elements(false, false, true)
        from dropAge in Gen.Elements(false, false, false, true)
        select c with
        {
            Findings = c.Findings.Where((kv, i) => !dropFindings[i % dropFindings.Length]).ToDictionary(kv => kv.Key, kv => kv.Value),
            Labs = dropLabs ? new Dictionary<string, double>() : c.Labs,
            Patient = dropAge ? c.Patient with { AgeYears = null } : c.Patient,
        };

    /// <summary>How many generated cases the differential test runs: <c>PLANRULES_DIFFERENTIAL_CASES</c>, else 10,000 (about 10 s).</summary>
    public static int GeneratedCount =>
        int.TryParse(Environment.GetEnvironmentVariable("PLANRULES_DIFFERENTIAL_CASES"), out var n) && n > 0 ? n : 10_000;

    public static PatientCase[] Generated(int count, ulong seed) =>
        WithUnknowns.Sample(25, new Rnd(seed, 0x9E3779B97F4A7C15UL), count).ToArray();
}
