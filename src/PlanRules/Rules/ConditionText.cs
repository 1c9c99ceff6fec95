using System.Globalization;

namespace PlanRules.Rules;

/// <summary>Renders conditions as plain-language sentences for reviewers and explanations, with parameter values.</summary>
public static class ConditionText
{
    /// <summary>One sentence for a condition, e.g. <c>average pain (NRS) is at least 4 ($facet.min_nrs)</c>.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="vocabulary">Labels for facts; may be <c>null</c> to show fact names.</param>
    public static string Describe(Condition condition, Vocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition switch
        {
            AlwaysCondition => "always",
            AllCondition all => string.Join(" and ", all.Parts.Select(p => Wrap(p, vocabulary))),
            AnyCondition any => string.Join(" or ", any.Parts.Select(p => Wrap(p, vocabulary))),
            NotCondition { Part: QuantifierCondition { Operator: CountOperator.AtLeast } q } when q.Count.Value.NumberValue == 1 =>
                "no " + ListLabel(q, vocabulary) + Where(q.Where),
            NotCondition not => "not (" + Describe(not.Part, vocabulary) + ")",
            FactCondition f => Fact(f, vocabulary),
            QuantifierCondition q => Quantifier(q, vocabulary),
            _ => condition.ToString(),
        };
    }

    private static string Wrap(Condition c, Vocabulary? vocabulary) =>
        c is AllCondition or AnyCondition ? "(" + Describe(c, vocabulary) + ")" : Describe(c, vocabulary);

    private static string Label(string fact, Vocabulary? vocabulary) =>
        vocabulary is not null && vocabulary.TryGetFact(fact, out var d) ? d.Label.ToLowerInvariant() + " [" + fact + "]" : fact;

    private static string Fact(FactCondition f, Vocabulary? vocabulary)
    {
        var label = Label(f.Fact, vocabulary);
        string unit = vocabulary is not null && vocabulary.TryGetFact(f.Fact, out var d) && d.Unit is { } u && d.Type == FactType.Number ? " " + u : "";
        return f.Operator switch
        {
            ComparisonOperator.Known => label + (f.Operands[0].Value.BooleanValue ? " is known" : " is not recorded"),
            ComparisonOperator.Is => label + " is " + Value(f.Operands[0]) + unit,
            ComparisonOperator.IsNot => label + " is not " + Value(f.Operands[0]) + unit,
            ComparisonOperator.In => label + " is one of " + string.Join(", ", f.Operands.Select(Value)),
            ComparisonOperator.Between => label + " is between " + Value(f.Operands[0]) + " and " + Value(f.Operands[1]) + unit,
            _ => label + " is " + Comparison(f.Operator) + " " + Value(f.Operands[0]) + unit,
        };
    }

    private static string ListLabel(QuantifierCondition q, Vocabulary? vocabulary) =>
        string.Join(" or ", q.AllLists.Select(list => list.EndsWith(".*", StringComparison.Ordinal)
            ? "earlier " + list
            : vocabulary is not null && vocabulary.TryGetFact(list, out var d) ? d.Label.ToLowerInvariant() + " [" + list + "]" : list));

    private static string Quantifier(QuantifierCondition q, Vocabulary? vocabulary)
    {
        var n = Value(q.Count);
        var what = ListLabel(q, vocabulary) + Where(q.Where);
        if (q.Operator == CountOperator.AtLeast && q.Count.Value.NumberValue == 1 && q.Count.Parameter is null) return what + " is recorded";
        return (q.Operator == CountOperator.AtLeast ? "at least " : "at most ") + n + " × " + what;
    }

    private static string Where(EntryFilter? filter) => filter is null ? "" : " with " + Filter(filter);

    private static string Filter(EntryFilter filter) => filter switch
    {
        AllEntryFilter all => string.Join(" and ", all.Parts.Select(Filter)),
        AnyEntryFilter any => "(" + string.Join(" or ", any.Parts.Select(Filter)) + ")",
        NotEntryFilter not => "not (" + Filter(not.Part) + ")",
        AttributeFilter a => a.Operator switch
        {
            ComparisonOperator.Known => a.Operands[0].Value.BooleanValue ? $"{a.Attribute} recorded" : $"{a.Attribute} not recorded",
            ComparisonOperator.Between => $"{a.Attribute} between {Value(a.Operands[0])} and {Value(a.Operands[1])}",
            ComparisonOperator.In => $"{a.Attribute} one of {string.Join(", ", a.Operands.Select(Value))}",
            ComparisonOperator.Is => $"{a.Attribute} {Value(a.Operands[0])}",
            ComparisonOperator.IsNot => $"{a.Attribute} not {Value(a.Operands[0])}",
            _ => $"{a.Attribute} {Comparison(a.Operator)} {Value(a.Operands[0])}",
        },
        _ => filter.ToString()!,
    };

    private static string Comparison(ComparisonOperator op) => op switch
    {
        ComparisonOperator.AtLeast => "at least",
        ComparisonOperator.AtMost => "at most",
        ComparisonOperator.Above => "above",
        ComparisonOperator.Below => "below",
        _ => op.ToString().ToLowerInvariant(),
    };

    private static string Value(Operand o)
    {
        var text = o.Value.Type == FactType.Number ? o.Value.NumberValue.ToString("0.##", CultureInfo.InvariantCulture) : o.Value.ToString();
        return o.Parameter is null ? text : text + " ($" + o.Parameter + ")";
    }
}
