using PlanRules.Plans;
using PlanRules.Cases;
using PlanRules.Engine;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules;

/// <summary>
/// Explains why an intervention is a candidate, excluded, or absent: which conditions of which rules held, failed or
/// were unknown. The plan itself comes from the NRules evaluation; the explanation evaluates the same compiled
/// conditions leaf by leaf. Thread-safe.
/// </summary>
public sealed class PlanExplainer
{
    private readonly RuleSet _rules;
    private readonly PlanRecommender _recommender;

    /// <summary>Creates an explainer for a rule set.</summary>
    public PlanExplainer(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        _recommender = new PlanRecommender(rules);
    }

    /// <summary>Explains one intervention for one case.</summary>
    /// <param name="patientCase">The case.</param>
    /// <param name="intervention">A catalog intervention code.</param>
    /// <exception cref="ArgumentException">The intervention is not in the catalog.</exception>
    public InterventionExplanation Explain(PatientCase patientCase, string intervention)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        ArgumentNullException.ThrowIfNull(intervention);
        if (!_rules.Catalog.TryGet(intervention, out var item))
            throw new ArgumentException($"unknown intervention '{intervention}'"
                + (Suggestions.Closest(intervention, _rules.Catalog.Interventions.Select(i => i.Code)) is { } s ? $" (did you mean '{s}'?)" : ""), nameof(intervention));

        var plan = _recommender.Recommend(patientCase);
        var facts = new CaseFacts(patientCase);
        var compiled = _rules.Compiled;
        var raised = BleedingRisk.Raise(item.BleedingRisk);
        var related = _rules.Rules.Where(r =>
                r.Intervention == intervention
                || (r.Kind == RuleKind.Referral && r.StopsPlan)
                || (r.AppliesTo is { } a && (a.Any || a.StaticCodes.Contains(intervention) || a.BleedingRisk.Contains(item.BleedingRisk) || a.BleedingRisk.Contains(raised))))
            .Select(r =>
            {
                var condition = Evaluate(r.When, compiled, facts);
                return new RuleExplanation(r.Id, r.Title, r.Kind.ToWord(), r.Location.ToString(), condition.Truth, condition);
            })
            .ToArray();

        var candidate = plan.Candidates.FirstOrDefault(c => c.Intervention == intervention);
        var excluded = plan.Excluded.FirstOrDefault(e => e.Intervention == intervention);
        string status, summary;
        if (candidate is not null)
        {
            status = "candidate";
            summary = $"{item.Name} is a candidate ({candidate.Strength}, rank {candidate.Rank}) because "
                      + string.Join("; ", candidate.Because.Select(b => $"rule '{b.Rule}' held ({b.Source})")) + ".";
            var warnings = plan.Warnings.Where(w => w.AppliesTo.Contains(intervention)).ToArray();
            if (warnings.Length > 0) summary += " Warnings: " + string.Join("; ", warnings.Select(w => $"{w.Severity} {w.Code} ({w.Rule})")) + ".";
        }
        else if (excluded is not null)
        {
            status = "excluded";
            summary = $"{item.Name} was proposed but excluded: " + string.Join("; ", excluded.Reasons.Select(r => $"{r.Message} (rule '{r.Rule}', {r.Source})")) + ".";
        }
        else
        {
            status = "absent";
            var proposing = related.Where(r => r.Kind == "candidate").ToArray();
            summary = proposing.Length == 0
                ? $"No rule proposes {item.Name}."
                : $"{item.Name} is not proposed: " + string.Join("; ", proposing.Select(r => r.Outcome == "unknown"
                    ? $"rule '{r.Rule}' could not be decided (missing: {string.Join(", ", Unknown(r.Condition))})"
                    : $"rule '{r.Rule}' failed on {string.Join("; ", Failed(r.Condition))}")) + ".";
        }
        return new InterventionExplanation(intervention, item.Name, status, summary, related, plan);
    }

    /// <summary>
    /// Explains a node and its parts. Every node's truth comes from the engine's one evaluator of conditions (the
    /// delegates the NRules network runs), never from a combination written here.
    /// </summary>
    private ConditionExplanation Evaluate(Condition condition, CompiledRuleSet compiled, CaseFacts facts)
    {
        var text = PlainLanguage.Describe(condition, _rules.Vocabulary);
        var truth = Word(compiled.Evaluator.Evaluate(condition, facts));
        IReadOnlyList<ConditionExplanation> parts = condition switch
        {
            AllCondition all => all.Parts.Select(p => Evaluate(p, compiled, facts)).ToArray(),
            AnyCondition any => any.Parts.Select(p => Evaluate(p, compiled, facts)).ToArray(),
            NotCondition not => [Evaluate(not.Part, compiled, facts)],
            _ => [],
        };
        return new ConditionExplanation(text, truth, condition.Location.ToString(), parts);
    }

    /// <summary>The word an explanation uses for a truth.</summary>
    internal static string Word(Truth truth) => truth switch { Truth.True => "held", Truth.False => "failed", _ => "unknown" };

    private static IEnumerable<string> Failed(ConditionExplanation c) =>
        c.Parts.Count == 0 || c.Text.StartsWith("not (", StringComparison.Ordinal) ? [c.Text] : c.Parts.Where(p => p.Truth == "failed").SelectMany(Failed);

    private static IEnumerable<string> Unknown(ConditionExplanation c) =>
        c.Parts.Count == 0 ? [c.Text] : c.Parts.Where(p => p.Truth == "unknown").SelectMany(Unknown);
}
