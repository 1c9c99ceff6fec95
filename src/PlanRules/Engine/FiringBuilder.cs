using PlanRules.Cases;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// Turns the firing of one NRules rule into the firings of the rule's alternatives that hold (definite) or may hold
/// (possible), with the facts each matched, using the shared compiled leaves. Stateless; thread-safe.
/// </summary>
internal static class FiringBuilder
{
    /// <summary>Adds the firings of <paramref name="program"/> whose condition had <paramref name="truth"/>.</summary>
    public static void Add(List<Firing> firings, RuleProgram program, Truth truth, string? target, CaseFacts facts)
    {
        foreach (var variant in program.Variants)
        {
            if (variant.Possible)
            {
                // A decided rule's possible forms explain nothing (the plan ignores them), so only undecided rules report them.
                if (truth == Truth.Unknown && All(variant, facts, possible: true)) firings.Add(new Firing(variant, target, []));
            }
            else if (truth == Truth.True && All(variant, facts, possible: false))
            {
                firings.Add(new Firing(variant, target, Matched(variant, facts)));
            }
        }
    }

    private static bool All(CompiledVariant variant, CaseFacts facts, bool possible)
    {
        foreach (var probe in variant.Probes)
        {
            var truth = probe.Evaluate(facts);
            if (truth == Truth.False || (!possible && truth == Truth.Unknown)) return false;
        }
        return true;
    }

    /// <summary>
    /// The facts a definite alternative matched: each comparison's fact and value; a count's list with its number of
    /// counted entries; an "exists" list with <c>true</c> (after the others).
    /// </summary>
    private static IReadOnlyList<KeyValuePair<string, object>> Matched(CompiledVariant variant, CaseFacts facts)
    {
        List<KeyValuePair<string, object>>? matched = null;
        List<KeyValuePair<string, object>>? implied = null;
        foreach (var i in variant.PatternOrder)
        {
            var literal = variant.Literals[i];
            switch (literal.Leaf)
            {
                case FactCondition { AsksWhetherListIsKnown: true }:
                    break;
                case FactCondition f:
                    if (f.Operator == ComparisonOperator.Known && f.Operands[0].Value.BooleanValue != literal.Positive) break;
                    if (facts.TryGetScalar(f.Fact, out var scalar)) (matched ??= []).Add(new(f.Fact, scalar.Value));
                    break;
                case QuantifierCondition q:
                {
                    var n = (int)q.Count.Value.NumberValue;
                    var atLeast = q.Operator == CountOperator.AtLeast;
                    if ((!atLeast && n == 0) || (atLeast && n == 1))
                    {
                        // "exists" (or "none"): NRules EXISTS/NOT elements match no fact; a definite exists names its list.
                        if (literal.Positive == atLeast) (implied ??= []).Add(new(q.List, FactValue.Boolean(true)));
                        break;
                    }
                    // A count names its list with the number of entries counted: the sure ones when it must reach a
                    // floor or exceed a ceiling, the possible ones when it must stay under.
                    (matched ??= []).Add(new(q.List, variant.Probes[i].Test.Count(facts, definite: literal.Positive == atLeast)));
                    break;
                }
            }
        }
        if (implied is not null) (matched ??= []).AddRange(implied);
        return (IReadOnlyList<KeyValuePair<string, object>>?)matched ?? [];
    }
}
