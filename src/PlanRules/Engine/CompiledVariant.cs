using PlanRules.Rules;


namespace PlanRules.Engine;

/// <summary>
/// One NRules rule generated from a declarative rule: one alternative of its condition, in its definite form
/// (every literal known to hold) or its possible form (no literal known to fail; used to report unknown facts).
/// </summary>
internal sealed class CompiledVariant
{
    public CompiledVariant(Rule rule, int order, int alternative, bool possible, IReadOnlyList<Literal> literals)
    {
        Rule = rule;
        Order = order;
        Alternative = alternative;
        Possible = possible;
        Literals = literals;
        Name = $"{rule.Id}#{alternative}{(possible ? "?" : "")}";
        About = literals.Select(l => l.FactName).Distinct(StringComparer.Ordinal).ToArray();
    }

    public Rule Rule { get; }

    /// <summary>The rule's position in the rule set (files by path, rules in file order).</summary>
    public int Order { get; }

    public int Alternative { get; }

    public bool Possible { get; }

    public IReadOnlyList<Literal> Literals { get; }

    /// <summary>The NRules rule name.</summary>
    public string Name { get; }

    /// <summary>The facts this alternative reads, in order.</summary>
    public IReadOnlyList<string> About { get; }

    /// <summary>Facts an EXISTS element matched (it contributes no facts to the match): list name → true.</summary>
    public List<KeyValuePair<string, object>> ImpliedMatches { get; } = [];

    /// <summary>Pattern name → literal index, for reading matched facts.</summary>
    public Dictionary<string, int> PatternLiterals { get; } = new(StringComparer.Ordinal);
}
