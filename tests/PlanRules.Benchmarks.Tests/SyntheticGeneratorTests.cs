using PlanRules.Diagnostics;

namespace PlanRules.Benchmarks.Tests;

public sealed class SyntheticGeneratorTests
{
    [Fact]
    public void Same_seed_gives_the_same_rule_files_and_cases()
    {
        var a = SyntheticRuleSets.Generate(300, seed: 11);
        var b = SyntheticRuleSets.Generate(300, seed: 11);
        Assert.Equal(a.RuleFiles.Select(f => (f.Path, f.Content)), b.RuleFiles.Select(f => (f.Path, f.Content)));
        Assert.Equal(a.Rules, b.Rules, RuleComparer.Instance);

        var x = SyntheticCases.Generate(50, seed: 3);
        var y = SyntheticCases.Generate(50, seed: 3);
        Assert.Equal(x.Select(c => SyntheticCases.ToPatientCase(c).ToJson()), y.Select(c => SyntheticCases.ToPatientCase(c).ToJson()));
    }

    [Fact]
    public void Different_seeds_give_different_rules_and_cases()
    {
        Assert.NotEqual(SyntheticRuleSets.Generate(100, seed: 1).RuleFiles[0].Content, SyntheticRuleSets.Generate(100, seed: 2).RuleFiles[0].Content);
        Assert.NotEqual(SyntheticCases.ToPatientCase(SyntheticCases.Generate(1, seed: 1)[0]).ToJson(), SyntheticCases.ToPatientCase(SyntheticCases.Generate(1, seed: 2)[0]).ToJson());
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    public void Rule_sets_have_the_requested_size_and_a_realistic_shape(int count)
    {
        var set = SyntheticRuleSets.Generate(count);
        Assert.Equal(count, set.Rules.Count);
        Assert.Equal(count, set.Rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(SyntheticFacts.DataFilePaths.Order(StringComparer.Ordinal), set.Files.Take(4).Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal((count + SyntheticRuleSets.RulesPerFile - 1) / SyntheticRuleSets.RulesPerFile, set.RuleFiles.Count);

        var candidates = set.Rules.Count(r => r.Kind == SyntheticRuleKind.Candidate);
        Assert.InRange(candidates, count * 0.75, count * 0.95);
        Assert.All(set.Rules.Where(r => r.Kind == SyntheticRuleKind.Candidate), r => Assert.InRange(((AllOf)r.When).Parts.Count, 2, 5));
        static IEnumerable<SyntheticCondition> Walk(SyntheticCondition c) => c switch
        {
            AllOf a => a.Parts.SelectMany(Walk).Prepend(c),
            AnyOf a => a.Parts.SelectMany(Walk).Prepend(c),
            NotOf n => Walk(n.Part).Prepend(c),
            _ => [c],
        };
        var nodes = set.Rules.SelectMany(r => Walk(r.When)).ToArray();
        Assert.Contains(nodes, n => n is AnyOf);
        Assert.Contains(nodes, n => n is NotOf);
        Assert.Contains(nodes, n => n is CountEntries { Section: "procedure", Where.Count: > 0 });
        Assert.Contains(nodes, n => n is CountEntries { Section: "medication" });
        Assert.Contains(set.Rules, r => r.AppliesTo is { Tags.Count: > 0 });
        Assert.Contains(set.Rules, r => r.AppliesTo is { BleedingRisk.Count: > 0 });
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    public void Synthetic_rule_sets_load_without_errors(int count)
    {
        var result = RuleSet.Load(SyntheticRuleSets.Generate(count).Files);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics.Take(20)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(count, result.RuleSet!.Rules.Count);
    }

    [Fact]
    public void Synthetic_cases_are_complete_and_valid()
    {
        var vocabulary = RuleSet.Load(SyntheticFacts.DataFiles).RuleSet!.Vocabulary;
        foreach (var c in SyntheticCases.Generate(200))
        {
            var patientCase = SyntheticCases.ToPatientCase(c);
            Assert.Empty(patientCase.Validate(vocabulary));
            Assert.Equal(SyntheticFacts.Scalars.Count, c.Numbers.Count + c.Words.Count + c.Booleans.Count);
            Assert.NotNull(patientCase.History.Conditions);
            Assert.NotNull(patientCase.History.Medications);
            Assert.NotNull(patientCase.History.Allergies);
            Assert.NotNull(patientCase.History.Devices);
            Assert.NotNull(patientCase.History.Procedures);
            Assert.NotNull(patientCase.Goals);
        }
    }

    private sealed class RuleComparer : IEqualityComparer<SyntheticRule>
    {
        public static readonly RuleComparer Instance = new();

        public bool Equals(SyntheticRule? x, SyntheticRule? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Kind == y.Kind && x.Intervention == y.Intervention
            && RulesEngineBaseline.Expression(x.When) == RulesEngineBaseline.Expression(y.When)
            && x.AppliesToCodes.SetEquals(y.AppliesToCodes);

        public int GetHashCode(SyntheticRule obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
