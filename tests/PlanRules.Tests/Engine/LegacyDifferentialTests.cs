using PlanRules.Cases;
using PlanRules.Engine;
using PlanRules.Plans;

namespace PlanRules.Tests.Engine;

/// <summary>The new network gives byte-identical plan JSON to the first engine's translation.</summary>
public sealed class LegacyDifferentialTests
{
    private static readonly Lazy<LegacyEngine> Legacy = new(() => LegacyEngine.Compile(EngineCases.Shipped.Compiled.Content));

    private static string Old(PatientCase c) => PlanAssembler.Assemble(EngineCases.Shipped.Compiled, c, Legacy.Value.Evaluate(c)).ToJson();

    private static string New(PatientCase c) => PlanAssembler.Assemble(EngineCases.Shipped.Compiled, c, EngineCases.Shipped.Compiled.Evaluate(c)).ToJson();

    [Fact]
    public void Corpus_NewEngineGivesTheSameBytes()
    {
        var differences = EngineCases.Corpus(EngineCases.Shipped).Where(c => Old(c) != New(c)).Select(c => c.CaseId).ToArray();
        Assert.True(differences.Length == 0, "differs: " + string.Join(", ", differences));
    }

    [Fact]
    public void GeneratedCases_NewEngineGivesTheSameBytes()
    {
        var cases = EngineCases.Generated(EngineCases.GeneratedCount, 20261202UL);
        var differences = new List<string>();
        var withUnknowns = 0;
        for (var i = 0; i < cases.Length; i++)
        {
            var (a, b) = (Old(cases[i]), New(cases[i]));
            if (b.Contains("\"unknown\"", StringComparison.Ordinal)) withUnknowns++;
            if (a != b) differences.Add($"#{i}:\n{Diff(a, b)}");
        }
        Assert.True(differences.Count == 0, $"{differences.Count} of {cases.Length} differ; first:\n" + string.Join("\n", differences.Take(2)));
        Assert.True(withUnknowns > cases.Length / 10, $"only {withUnknowns} of {cases.Length} generated plans have an undecided rule");
    }

    private static string Diff(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            if (x[i] != y[i]) return $"line {i}: old {x[i].Trim()} | new {y[i].Trim()}";
        return "lengths differ";
    }
}
