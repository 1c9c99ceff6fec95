using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>A leaf condition (a fact comparison or a quantifier) with its polarity, as it appears in one alternative of a rule.</summary>
internal sealed record Literal(Condition Leaf, bool Positive)
{
    /// <summary>The fact named in plans: the fact of a comparison, or the list of a quantifier.</summary>
    public string FactName => Leaf switch
    {
        FactCondition f => f.Fact,
        QuantifierCondition q => q.List,
        _ => "",
    };
}

/// <summary>Rewrites a condition into alternatives (disjunctive normal form): each alternative is a conjunction of literals.</summary>
internal static class Alternatives
{
    public const int Limit = 64;

    /// <summary>The alternatives of a condition, or <c>null</c> when there would be more than <see cref="Limit"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<Literal>>? Of(Condition condition) => Expand(condition, true);

    private static List<IReadOnlyList<Literal>>? Expand(Condition condition, bool positive)
    {
        switch (condition)
        {
            case AlwaysCondition:
                return [Array.Empty<Literal>()];
            case NotCondition n:
                return Expand(n.Part, !positive);
            case AllCondition or AnyCondition:
            {
                var parts = condition is AllCondition all ? all.Parts : ((AnyCondition)condition).Parts;
                // all under a positive polarity (or any under a negative one) is a conjunction.
                var conjunction = condition is AllCondition == positive;
                if (!conjunction)
                {
                    var union = new List<IReadOnlyList<Literal>>();
                    foreach (var part in parts)
                    {
                        var expanded = Expand(part, positive);
                        if (expanded is null) return null;
                        union.AddRange(expanded);
                        if (union.Count > Limit) return null;
                    }
                    return union;
                }
                List<IReadOnlyList<Literal>> product = [Array.Empty<Literal>()];
                foreach (var part in parts)
                {
                    var expanded = Expand(part, positive);
                    if (expanded is null) return null;
                    var next = new List<IReadOnlyList<Literal>>();
                    foreach (var left in product)
                    foreach (var right in expanded)
                    {
                        next.Add([.. left, .. right]);
                        if (next.Count > Limit) return null;
                    }
                    product = next;
                }
                return product;
            }
            default:
                return [new[] { new Literal(condition, positive) }];
        }
    }
}
