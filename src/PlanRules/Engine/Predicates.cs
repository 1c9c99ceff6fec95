using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// The tests a leaf condition makes, as delegates composed once per distinct leaf (no expression compilation, so a
/// large rule set compiles quickly): comparisons of single facts, list membership of history entries, and entry
/// filters in their definite form (every needed attribute known and matching) or possible form (no known attribute
/// contradicts).
/// </summary>
internal static class Predicates
{
    /// <summary>The comparison of a single fact (<paramref name="type"/> is the fact's vocabulary type).</summary>
    public static Func<ScalarFact, bool> ScalarTest(FactCondition condition, FactType type)
    {
        switch (type)
        {
            case FactType.Number:
            {
                var test = NumberTest(condition.Operator, condition.Operands);
                return f => test(f.Number);
            }
            case FactType.Boolean:
            {
                var test = Equality(condition.Operator, condition.Operands, o => o.Value.BooleanValue, (a, b) => a == b);
                return f => test(f.Boolean);
            }
            default:
            {
                var test = Equality(condition.Operator, condition.Operands, o => o.Value.WordValue, string.Equals);
                return f => test(f.Word);
            }
        }
    }

    /// <summary>Whether an entry is on one of the quantifier's lists (a code, or a code prefix for <c>x.*</c>).</summary>
    public static Func<EntryFact, bool> EntryMatchesList(QuantifierCondition q)
    {
        var exact = q.AllLists.Where(l => !l.EndsWith(".*", StringComparison.Ordinal)).ToArray();
        var prefixes = q.AllLists.Where(l => l.EndsWith(".*", StringComparison.Ordinal)).Select(l => l[..^1]).ToArray();
        if (exact.Length == 1 && prefixes.Length == 0)
        {
            var list = exact[0];
            return e => string.Equals(e.Name, list);
        }
        return e =>
        {
            foreach (var list in exact)
                if (string.Equals(e.Name, list)) return true;
            foreach (var prefix in prefixes)
                if (e.Name.StartsWith(prefix, StringComparison.Ordinal)) return true;
            return false;
        };
    }

    /// <summary>The entry filter in its definite or possible form.</summary>
    public static Func<EntryFact, bool> EntryFilter(EntryFilter filter, bool definite)
    {
        switch (filter)
        {
            case AllEntryFilter all:
            {
                var parts = all.Parts.Select(p => EntryFilter(p, definite)).ToArray();
                return e =>
                {
                    foreach (var part in parts)
                        if (!part(e)) return false;
                    return true;
                };
            }
            case AnyEntryFilter any:
            {
                var parts = any.Parts.Select(p => EntryFilter(p, definite)).ToArray();
                return e =>
                {
                    foreach (var part in parts)
                        if (part(e)) return true;
                    return false;
                };
            }
            case NotEntryFilter not:
            {
                // "not" of a definite test is the negation of the possible one, and the other way round.
                var part = EntryFilter(not.Part, !definite);
                return e => !part(e);
            }
            case AttributeFilter a:
                return Attribute(a, definite);
            default:
                throw new InvalidOperationException("unknown filter " + filter.GetType().Name);
        }
    }

    private static Func<EntryFact, bool> Attribute(AttributeFilter a, bool definite)
    {
        Func<EntryFact, double?>? number = a.Attribute switch
        {
            "weeksAgo" => e => e.WeeksAgo,
            "reliefPercent" => e => e.ReliefPercent,
            "reliefWeeks" => e => e.ReliefWeeks,
            "lastDoseHoursAgo" => e => e.LastDoseHoursAgo,
            _ => null,
        };
        Func<EntryFact, string?>? word = a.Attribute switch
        {
            "dose" => e => e.Dose,
            "indication" => e => e.Indication,
            _ => null,
        };
        if (number is null && word is null) throw new InvalidOperationException("unknown entry attribute " + a.Attribute);
        if (a.Operator == ComparisonOperator.Known)
        {
            // Whether an attribute is recorded is itself always known: both forms are the same test.
            var wanted = a.Operands[0].Value.BooleanValue;
            return number is not null ? e => number(e).HasValue == wanted : e => word!(e) is not null == wanted;
        }
        if (number is not null)
        {
            var test = NumberTest(a.Operator, a.Operands);
            return definite
                ? e => number(e) is { } v && test(v)
                : e => number(e) is not { } v || test(v);
        }
        var wordTest = Equality(a.Operator, a.Operands, o => o.Value.WordValue, string.Equals);
        return definite
            ? e => word!(e) is { } w && wordTest(w)
            : e => word!(e) is not { } w || wordTest(w);
    }

    private static Func<double, bool> NumberTest(ComparisonOperator op, IReadOnlyList<Operand> operands)
    {
        var x = operands[0].Value.NumberValue;
        switch (op)
        {
            case ComparisonOperator.AtLeast: return v => v >= x;
            case ComparisonOperator.AtMost: return v => v <= x;
            case ComparisonOperator.Above: return v => v > x;
            case ComparisonOperator.Below: return v => v < x;
            case ComparisonOperator.Between:
            {
                var high = operands[1].Value.NumberValue;
                return v => v >= x && v <= high;
            }
            default:
                return Equality(op, operands, o => o.Value.NumberValue, (a, b) => a == b);
        }
    }

    private static Func<T, bool> Equality<T>(ComparisonOperator op, IReadOnlyList<Operand> operands, Func<Operand, T> value, Func<T, T, bool> equal)
    {
        var first = value(operands[0]);
        switch (op)
        {
            case ComparisonOperator.Is: return v => equal(v, first);
            case ComparisonOperator.IsNot: return v => !equal(v, first);
            case ComparisonOperator.In:
            {
                var values = operands.Select(value).ToArray();
                return v =>
                {
                    foreach (var candidate in values)
                        if (equal(v, candidate)) return true;
                    return false;
                };
            }
            default:
                throw new InvalidOperationException("operator " + op + " is not a comparison");
        }
    }
}
