using PlanRules.Cases;
using PlanRules.Engine;
using PlanRules.Plans;
using PlanRules.Rules;

namespace PlanRules.Tests.Engine;

/// <summary>
/// The NRules network (shared alpha tests, grouping, the two stages, selectors, pooled sessions) decides exactly what
/// the rules' conditions mean: plans are byte-identical to those of a plain reference loop over the same compiled
/// conditions (written here, in the tests, never used by the library). The first engine's translation was deleted after
/// the new network matched it byte for byte on the corpus and on 10,000 generated cases (commit history).
/// </summary>
public sealed class ReferenceSemanticsDifferentialTests
{
    private static CompiledRuleSet Compiled => EngineCases.Shipped.Compiled;

    [Fact]
    public void Corpus_NetworkEqualsReferenceSemantics()
    {
        var differences = EngineCases.Corpus(EngineCases.Shipped).Where(c => Network(c) != Reference(c)).Select(c => c.CaseId).ToArray();
        Assert.True(differences.Length == 0, "differs: " + string.Join(", ", differences));
    }

    [Fact]
    public void GeneratedCases_NetworkEqualsReferenceSemantics()
    {
        var cases = EngineCases.Generated(EngineCases.GeneratedCount, 20261202UL);
        var differences = Enumerable.Range(0, cases.Length).Where(i => Network(cases[i]) != Reference(cases[i])).ToArray();
        Assert.True(differences.Length == 0, $"{differences.Length} of {cases.Length} differ, e.g. #{differences.FirstOrDefault()}");
    }

    private static string Network(PatientCase c) => PlanAssembler.Assemble(Compiled, c, Compiled.Evaluate(c)).ToJson();

    private static string Reference(PatientCase c) => PlanAssembler.Assemble(Compiled, c, ReferenceEvaluate(c)).ToJson();

    /// <summary>Every rule's condition in rule order; targets from the candidates that hold; then every assessment rule.</summary>
    private static Evaluation ReferenceEvaluate(PatientCase c)
    {
        var facts = new CaseFacts(c);
        var firings = new List<Firing>();
        var targets = new List<Target>();
        var raised = false;
        foreach (var program in Compiled.Programs.Where(p => !p.Assesses))
        {
            var truth = program.Condition(facts);
            if (!program.Fires(truth)) continue;
            FiringBuilder.Add(firings, program, truth, null, facts);
            if (truth != Truth.True) continue;
            if (program.Rule.Kind == RuleKind.Candidate && targets.All(t => t.Intervention != program.Rule.Intervention))
            {
                Compiled.Catalog.TryGet(program.Rule.Intervention!, out var intervention);
                targets.Add(new Target(intervention.Code, intervention.BleedingRisk));
            }
            raised |= program.Rule.Kind == RuleKind.BleedingRiskModifier;
        }
        if (raised) targets = targets.Select(t => t with { Risk = BleedingRisk.Raise(t.Risk) }).ToList();
        foreach (var program in Compiled.Programs.Where(p => p.Assesses))
        {
            var truth = program.Condition(facts);
            if (!program.Fires(truth)) continue;
            foreach (var target in targets.Where(program.Selects))
                FiringBuilder.Add(firings, program, truth, target.Intervention, facts);
        }
        return new Evaluation(facts, firings);
    }
}
