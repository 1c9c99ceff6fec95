using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// A declarative rule as the engine runs it: one NRules rule whose single pattern over the case's view carries the
/// rule's compiled three-valued condition; its alternatives explain a firing. Immutable; thread-safe.
/// </summary>
internal sealed class RuleProgram
{
    private readonly HashSet<string>? _codes;
    private readonly HashSet<string>? _risks;

    public RuleProgram(Rule rule, int order, Func<CaseFacts, Truth> condition, IReadOnlyList<CompiledVariant> variants)
    {
        Rule = rule;
        Order = order;
        Condition = condition;
        Variants = variants;
        ReportsUnknown = variants.Any(v => v.Possible);
        if (rule.AppliesTo is { Any: false } selector)
        {
            _codes = new HashSet<string>(selector.StaticCodes, StringComparer.Ordinal);
            _risks = new HashSet<string>(selector.BleedingRisk, StringComparer.Ordinal);
        }
    }

    public Rule Rule { get; }

    /// <summary>The rule's position in the rule set; firings are ordered by it, never by NRules' firing order.</summary>
    public int Order { get; }

    /// <summary>Whether the rule applies to candidates (runs in the second stage, on the targets).</summary>
    public bool Assesses => Rule.AppliesTo is not null;

    /// <summary>The rule's condition.</summary>
    public Func<CaseFacts, Truth> Condition { get; }

    /// <summary>Whether an unknown outcome is reported (the rule asks for missing information).</summary>
    public bool ReportsUnknown { get; }

    /// <summary>Definite and possible forms of each alternative, in alternative order.</summary>
    public IReadOnlyList<CompiledVariant> Variants { get; }

    /// <summary>Whether a truth makes the NRules rule fire.</summary>
    public bool Fires(Truth truth) => truth == Truth.True || (truth == Truth.Unknown && ReportsUnknown);

    /// <summary>Whether the rule applies to a target (a proposed intervention with its effective bleeding-risk category).</summary>
    public bool Selects(Target target) =>
        _codes is null || _codes.Contains(target.Intervention) || _risks!.Contains(target.Risk);
}

/// <summary>A proposed intervention with its effective bleeding-risk category, which assessment rules apply to.</summary>
internal readonly record struct Target(string Intervention, string Risk);
