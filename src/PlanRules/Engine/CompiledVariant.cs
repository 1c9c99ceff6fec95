using PlanRules.Rules;


namespace PlanRules.Engine;

/// <summary>
/// One alternative of a declarative rule's condition (its disjunctive normal form), in its definite form (every
/// literal known to hold) or its possible form (no literal known to fail; used to report unknown facts): the unit in
/// which a firing is explained (which facts it matched, which were unknown).
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
        // Positive patterns over single facts first, as the matched facts of a firing are listed.
        PatternOrder = Enumerable.Range(0, literals.Count).OrderBy(i => IsPositivePattern(literals[i]) ? 0 : 1).ThenBy(i => i).ToArray();
    }

    public Rule Rule { get; }

    /// <summary>Literal indices, comparisons of single facts first.</summary>
    public IReadOnlyList<int> PatternOrder { get; }

    private bool IsPositivePattern(Literal literal) => literal.Leaf switch
    {
        FactCondition { AsksWhetherListIsKnown: true } => true,
        FactCondition { Operator: ComparisonOperator.Known } f => f.Operands[0].Value.BooleanValue == literal.Positive,
        FactCondition => !Possible,
        _ => false,
    };

    /// <summary>The rule's position in the rule set (files by path, rules in file order).</summary>
    public int Order { get; }

    public int Alternative { get; }

    public bool Possible { get; }

    public IReadOnlyList<Literal> Literals { get; }

    /// <summary>The literals' shared compiled tests, in <see cref="Literals"/> order (set by the compiler).</summary>
    public IReadOnlyList<LiteralProbe> Probes { get; set; } = [];

    /// <summary>The name of the alternative.</summary>
    public string Name { get; }

    /// <summary>The facts this alternative reads, in order.</summary>
    public IReadOnlyList<string> About { get; }

}
