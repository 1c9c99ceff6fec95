using NRules.Extensibility;
using NRules.RuleModel;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// Collects what the generated rules' actions report during one evaluation (one per session; not thread-safe),
/// and inserts the facts that drive later stages (proposals, bleeding-risk raises).
/// </summary>
internal sealed class OutcomeSink : IDependencyResolver
{
    private readonly Catalog _catalog;

    public OutcomeSink(Catalog catalog) => _catalog = catalog;

    public List<Firing> Firings { get; } = [];

    public object Resolve(IResolutionContext context, Type serviceType) =>
        serviceType == typeof(OutcomeSink) ? this : throw new InvalidOperationException("cannot resolve " + serviceType);

    /// <summary>Called by every generated rule's action.</summary>
    public void Fired(IContext context, CompiledVariant variant)
    {
        string? target = null;
        List<KeyValuePair<string, object>>? matched = null;
        foreach (var fact in context.Match.Facts)
        {
            switch (fact.Value)
            {
                case TargetFact t:
                    target = t.Intervention;
                    break;
                case ScalarFact s:
                    (matched ??= []).Add(new(s.Name, s.Value));
                    break;
                case IEnumerable<EntryFact> entries when variant.PatternLiterals.TryGetValue(fact.Declaration.Name, out var index):
                    (matched ??= []).Add(new(variant.Literals[index].FactName, entries.Count()));
                    break;
            }
        }
        if (variant.ImpliedMatches.Count > 0) (matched ??= []).AddRange(variant.ImpliedMatches);
        Firings.Add(new Firing(variant, target, (IReadOnlyList<KeyValuePair<string, object>>?)matched ?? []));
        if (variant.Possible) return;
        switch (variant.Rule.Kind)
        {
            case RuleKind.Candidate:
                _catalog.TryGet(variant.Rule.Intervention!, out var intervention);
                context.TryInsert(new ProposalFact(intervention.Code, intervention.BleedingRisk));
                break;
            case RuleKind.BleedingRiskModifier:
                context.TryInsert(RiskRaiseFact.Instance);
                break;
        }
    }

    /// <summary>Action of the generated target rules: the proposal becomes a target with its effective bleeding-risk category.</summary>
    public static void EmitTarget(IContext context, ProposalFact proposal, bool raised) =>
        context.TryInsert(new TargetFact(proposal.Intervention, raised ? Raise(proposal.Risk) : proposal.Risk));

    /// <summary>One bleeding-risk category up: low → intermediate → high.</summary>
    public static string Raise(string risk) => risk switch
    {
        "low" => "intermediate",
        "intermediate" => "high",
        _ => risk,
    };
}
