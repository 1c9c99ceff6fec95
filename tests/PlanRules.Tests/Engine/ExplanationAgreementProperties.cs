using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Rules;

namespace PlanRules.Tests.Engine;

/// <summary>The explainer and the decision agree: both read the engine's one evaluator of conditions.</summary>
public sealed class ExplanationAgreementProperties
{
    private static readonly Lazy<PlanExplainer> Explainer = new(() => new PlanExplainer(EngineCases.Shipped));

    private static Arbitrary<PatientCase> Cases => EngineCases.WithUnknowns.ToArbitrary();

    [Property(MaxTest = 150)]
    public Property EveryTraceEntry_IsExplainedWithTheSameOutcome() =>
        Prop.ForAll(Cases, c =>
        {
            var plan = new PlanRecommender(EngineCases.Shipped).Recommend(c);
            var problems = new List<string>();
            foreach (var group in plan.Trace.Where(t => t.Intervention is not null).GroupBy(t => t.Intervention!))
            {
                var explanation = Explainer.Value.Explain(c, group.Key);
                foreach (var entry in group)
                {
                    var rule = explanation.Rules.FirstOrDefault(r => r.Rule == entry.Rule);
                    var expected = entry.Outcome == "fired" ? "held" : "unknown";
                    if (rule is null) problems.Add($"{entry.Rule} on {group.Key}: not explained");
                    else if (rule.Outcome != expected) problems.Add($"{entry.Rule} on {group.Key}: trace {entry.Outcome}, explanation {rule.Outcome}");
                    else if (rule.Condition.Truth != rule.Outcome) problems.Add($"{entry.Rule}: condition {rule.Condition.Truth} vs outcome {rule.Outcome}");
                }
                // Conversely: a candidate rule explained as held for this intervention fired.
                foreach (var rule in explanation.Rules.Where(r => r.Kind == "candidate" && r.Outcome == "held"))
                    if (!plan.Trace.Any(t => t.Rule == rule.Rule && t.Outcome == "fired")) problems.Add($"{rule.Rule}: held but did not fire");
            }
            return problems.Count == 0 ? true.Label("ok") : false.Label(string.Join("; ", problems));
        });

    [Property(MaxTest = 150)]
    public Property EveryExplainedNode_AgreesWithKleeneLogicOverItsParts() =>
        Prop.ForAll(Cases, c =>
        {
            var plan = new PlanRecommender(EngineCases.Shipped).Recommend(c);
            var intervention = plan.Candidates.Select(x => x.Intervention).Concat(plan.Excluded.Select(e => e.Intervention)).FirstOrDefault()
                               ?? EngineCases.Shipped.Catalog.Interventions[0].Code;
            var rules = EngineCases.Shipped.Rules.ToDictionary(r => r.Id);
            return Explainer.Value.Explain(c, intervention).Rules.All(r => Consistent(rules[r.Rule].When, r.Condition));
        });

    private static bool Consistent(Condition condition, ConditionExplanation node)
    {
        var parts = condition switch
        {
            AllCondition all => all.Parts,
            AnyCondition any => any.Parts,
            NotCondition not => [not.Part],
            _ => [],
        };
        if (parts.Count != node.Parts.Count) return false;
        for (var i = 0; i < parts.Count; i++)
            if (!Consistent(parts[i], node.Parts[i])) return false;
        var truths = node.Parts.Select(p => p.Truth).ToArray();
        return condition switch
        {
            AlwaysCondition => node.Truth == "held",
            AllCondition => node.Truth == (truths.Contains("failed") ? "failed" : truths.All(t => t == "held") ? "held" : "unknown"),
            AnyCondition => node.Truth == (truths.Contains("held") ? "held" : truths.All(t => t == "failed") ? "failed" : "unknown"),
            NotCondition => node.Truth == (truths[0] switch { "held" => "failed", "failed" => "held", _ => "unknown" }),
            _ => node.Truth is "held" or "failed" or "unknown",
        };
    }
}
