using PlanRules.Engine;
using PlanRules.Rules;

namespace PlanRules.Review;

/// <summary>
/// Static reasoning about conditions, on their alternatives (disjunctive normal form, as compiled): whether an
/// alternative can hold at all, whether one condition implies another, and the numbers a fact may take. Reasons
/// about the <em>definite</em> form: a condition "holds" when every fact it needs is known and matches.
/// </summary>
internal sealed class ConditionLogic
{
    private static readonly string[] Booleans = ["false", "true"];
    private readonly Vocabulary _vocabulary;

    public ConditionLogic(Vocabulary vocabulary) => _vocabulary = vocabulary;

    /// <summary>The alternatives of a condition, or <c>null</c> when it has too many.</summary>
    public static IReadOnlyList<IReadOnlyList<Literal>>? AlternativesOf(Condition condition) => Alternatives.Of(condition);

    /// <summary>The literals of <paramref name="alternative"/> that cannot hold together, or <c>null</c> when it can hold.</summary>
    public IReadOnlyList<Literal>? Conflict(IReadOnlyList<Literal> alternative)
    {
        foreach (var group in alternative.Where(l => l.Leaf is FactCondition).GroupBy(l => ((FactCondition)l.Leaf).Fact, StringComparer.Ordinal))
        {
            var literals = group.ToList();
            if (!Domain(group.Key, literals).IsEmpty) continue;
            foreach (var one in literals)
                if (Domain(group.Key, [one]).IsEmpty) return [one];
            for (var i = 0; i < literals.Count; i++)
            for (var j = i + 1; j < literals.Count; j++)
                if (Domain(group.Key, [literals[i], literals[j]]).IsEmpty) return [literals[i], literals[j]];
            return literals;
        }
        var bounds = alternative.Where(l => l.Leaf is QuantifierCondition).Select(l => (Literal: l, Bound: CountBound.Of(l))).ToList();
        foreach (var (literal, bound) in bounds)
        {
            if (bound.Lower && bound.N > 0 && !FilterSatisfiable(bound.Q)) return [literal];
            if (!bound.Lower && bound.N < 0) return [literal];
        }
        foreach (var (l1, b1) in bounds.Where(b => b.Bound.Lower))
        foreach (var (l2, b2) in bounds.Where(b => !b.Bound.Lower))
            if (b1.N > b2.N && Covers(b2.Q, b1.Q)) return [l1, l2];
        return null;
    }

    /// <summary>Whether some case can make the condition hold.</summary>
    public bool Satisfiable(Condition condition) =>
        AlternativesOf(condition) is not { } alternatives || alternatives.Any(a => Conflict(a) is null);

    /// <summary>
    /// Whether <paramref name="a"/> implies <paramref name="b"/>: every alternative of <paramref name="a"/> that can hold
    /// implies some alternative of <paramref name="b"/>.
    /// </summary>
    public bool Implies(Condition a, Condition b)
    {
        var left = AlternativesOf(a);
        var right = AlternativesOf(b);
        if (left is null || right is null) return false;
        return left.Where(l => Conflict(l) is null).All(l => right.Any(r => Implies(l, r)));
    }

    /// <summary>Whether the conjunction <paramref name="a"/> implies the conjunction <paramref name="b"/>.</summary>
    public bool Implies(IReadOnlyList<Literal> a, IReadOnlyList<Literal> b) => b.All(literal => Implies(a, literal));

    private bool Implies(IReadOnlyList<Literal> a, Literal b)
    {
        if (b.Leaf is FactCondition f)
        {
            var literals = a.Where(l => l.Leaf is FactCondition g && g.Fact == f.Fact).ToList();
            if (literals.Count == 0) return false;
            return Domain(f.Fact, literals).Implies(Domain(f.Fact, [b]));
        }
        var bound = CountBound.Of(b);
        if (bound.Lower && bound.N <= 0) return true;
        foreach (var other in a.Where(l => l.Leaf is QuantifierCondition).Select(CountBound.Of))
        {
            if (bound.Lower && other.Lower && other.N >= bound.N && Covers(bound.Q, other.Q)) return true;
            if (!bound.Lower && !other.Lower && other.N <= bound.N && Covers(other.Q, bound.Q)) return true;
        }
        return false;
    }

    /// <summary>The numbers a number fact may take in an alternative, or <c>null</c> when the alternative does not constrain it.</summary>
    public NumberSet? NumbersOf(IReadOnlyList<Literal> alternative, string fact)
    {
        var literals = alternative.Where(l => l.Leaf is FactCondition f && f.Fact == fact && f.Operator != ComparisonOperator.Known).ToList();
        if (literals.Count == 0) return null;
        return Domain(fact, literals).Numbers;
    }

    /// <summary>The range a number fact may take at all (from the vocabulary).</summary>
    public NumberSet RangeOf(string fact) =>
        _vocabulary.TryGetFact(fact, out var d) && d.Type == FactType.Number ? NumberSet.Range(d.Min, d.Max) : NumberSet.All;

    /// <summary>Whether every entry selected by <paramref name="inner"/> is also selected by <paramref name="outer"/>.</summary>
    private bool Covers(QuantifierCondition outer, QuantifierCondition inner)
    {
        static bool ListCovers(string o, string i) => o == i || (o.EndsWith(".*", StringComparison.Ordinal) && i.StartsWith(o[..^1], StringComparison.Ordinal));
        var listsCovered = inner.AllLists.All(i => outer.AllLists.Any(o => ListCovers(o, i)));
        return listsCovered && FilterImplies(inner.Where, outer.Where, inner.Section);
    }

    private bool FilterImplies(EntryFilter? a, EntryFilter? b, string section)
    {
        if (b is null) return true;
        if (a is null) return false;
        if (Canon(a) == Canon(b)) return true;
        var left = SimpleFilter(a);
        var right = SimpleFilter(b);
        if (left is null || right is null) return false;
        foreach (var attribute in right.Select(x => x.Filter.Attribute).Distinct())
        {
            var mine = left.Where(x => x.Filter.Attribute == attribute).ToList();
            if (mine.Count == 0) return false;
            var definition = AttributeDefinition(section, attribute, mine[0].Filter);
            var have = DomainOf(definition, mine.Select(x => (x.Filter.Operator, x.Filter.Operands, x.Positive)));
            var want = DomainOf(definition, right.Where(x => x.Filter.Attribute == attribute).Select(x => (x.Filter.Operator, x.Filter.Operands, x.Positive)));
            if (!have.Implies(want)) return false;
        }
        return true;
    }

    private bool FilterSatisfiable(QuantifierCondition q)
    {
        if (q.Where is null || SimpleFilter(q.Where) is not { } parts) return true;
        foreach (var group in parts.GroupBy(p => p.Filter.Attribute, StringComparer.Ordinal))
        {
            var definition = AttributeDefinition(q.Section, group.Key, group.First().Filter);
            if (DomainOf(definition, group.Select(x => (x.Filter.Operator, x.Filter.Operands, x.Positive))).IsEmpty) return false;
        }
        return true;
    }

    private FactDefinition AttributeDefinition(string section, string attribute, AttributeFilter sample) =>
        _vocabulary.TryGetAttribute(section, attribute, out var d) ? d : new FactDefinition(attribute, sample.Operands[0].Value.Type, attribute);

    /// <summary>A filter that is a conjunction of (possibly negated) attribute comparisons, or <c>null</c>.</summary>
    private static List<(AttributeFilter Filter, bool Positive)>? SimpleFilter(EntryFilter filter)
    {
        var result = new List<(AttributeFilter, bool)>();
        bool Walk(EntryFilter f)
        {
            switch (f)
            {
                case AttributeFilter a: result.Add((a, true)); return true;
                case NotEntryFilter { Part: AttributeFilter a }: result.Add((a, false)); return true;
                case AllEntryFilter all: return all.Parts.All(Walk);
                default: return false;
            }
        }
        return Walk(filter) ? result : null;
    }

    /// <summary>A canonical text of a filter, for structural comparison.</summary>
    internal static string Canon(EntryFilter? filter) => filter switch
    {
        null => "",
        AllEntryFilter all => "all(" + string.Join(",", all.Parts.Select(Canon).Order(StringComparer.Ordinal)) + ")",
        AnyEntryFilter any => "any(" + string.Join(",", any.Parts.Select(Canon).Order(StringComparer.Ordinal)) + ")",
        NotEntryFilter not => "not(" + Canon(not.Part) + ")",
        AttributeFilter a => a.Attribute + " " + a.Operator + " " + string.Join("|", a.Operands.Select(o => o.Value.ToString())),
        _ => filter.ToString()!,
    };

    private FactDomain Domain(string fact, IEnumerable<Literal> literals)
    {
        if (!_vocabulary.TryGetFact(fact, out var definition))
            definition = new FactDefinition(fact, FactType.Number, fact);
        return DomainOf(definition, literals.Select(l => (((FactCondition)l.Leaf).Operator, ((FactCondition)l.Leaf).Operands, l.Positive)));
    }

    /// <summary>
    /// What comparisons of one fact or attribute allow: <c>known</c> makes it present or absent; every other comparison
    /// needs it present (the definite form) and narrows its values.
    /// </summary>
    private static FactDomain DomainOf(FactDefinition definition, IEnumerable<(ComparisonOperator Op, IReadOnlyList<Operand> Operands, bool Positive)> all)
    {
        var known = false;
        var absent = false;
        var comparisons = new List<(ComparisonOperator, IReadOnlyList<Operand>, bool)>();
        foreach (var (op, operands, positive) in all)
        {
            if (op == ComparisonOperator.Known)
            {
                if (operands[0].Value.BooleanValue == positive) known = true;
                else absent = true;
                continue;
            }
            known = true;
            comparisons.Add((op, operands, positive));
        }
        return Values(definition, comparisons) with { Known = known, Absent = absent };
    }

    private static FactDomain Values(FactDefinition definition, IEnumerable<(ComparisonOperator Op, IReadOnlyList<Operand> Operands, bool Positive)> comparisons)
    {
        if (definition.Type == FactType.Number)
        {
            var universe = NumberSet.Range(definition.Min, definition.Max);
            var set = universe;
            foreach (var (op, operands, positive) in comparisons)
            {
                var v = operands.Select(o => o.Value.NumberValue).ToArray();
                var s = op switch
                {
                    ComparisonOperator.Is => NumberSet.Point(v[0]),
                    ComparisonOperator.IsNot => NumberSet.Point(v[0]).Complement(),
                    ComparisonOperator.In => v.Aggregate(NumberSet.Empty, (acc, x) => acc.Union(NumberSet.Point(x))),
                    ComparisonOperator.AtLeast => NumberSet.AtLeast(v[0]),
                    ComparisonOperator.AtMost => NumberSet.AtMost(v[0]),
                    ComparisonOperator.Above => NumberSet.Above(v[0]),
                    ComparisonOperator.Below => NumberSet.Below(v[0]),
                    ComparisonOperator.Between => NumberSet.Between(v[0], v[1]),
                    _ => NumberSet.All,
                };
                set = set.Intersect(positive ? s : s.Complement());
            }
            return new FactDomain(true, false, set, null);
        }
        var words = definition.Type == FactType.Boolean ? Booleans : definition.Words;
        var allowed = new HashSet<string>(words, StringComparer.Ordinal);
        foreach (var (op, operands, positive) in comparisons)
        {
            var values = operands.Select(o => o.Value.ToString()).ToHashSet(StringComparer.Ordinal);
            var s = op switch
            {
                ComparisonOperator.Is or ComparisonOperator.In => values,
                ComparisonOperator.IsNot => words.Where(w => !values.Contains(w)).ToHashSet(StringComparer.Ordinal),
                _ => words.ToHashSet(StringComparer.Ordinal),
            };
            if (positive) allowed.IntersectWith(s);
            else allowed.ExceptWith(s);
        }
        return new FactDomain(true, false, null, allowed);
    }

    /// <summary>What an alternative allows for one fact or attribute.</summary>
    private sealed record FactDomain(bool Known, bool Absent, NumberSet? Numbers, HashSet<string>? Words)
    {
        public bool IsEmpty => (Known && Absent) || (Known && ((Numbers?.IsEmpty ?? false) || (Words is { Count: 0 })));

        /// <summary>Whether whatever this domain allows, <paramref name="wanted"/> allows too.</summary>
        public bool Implies(FactDomain wanted)
        {
            if (wanted.Absent) return Absent;
            if (Absent || !Known) return false;
            return Numbers is not null && wanted.Numbers is not null ? Numbers.IsSubsetOf(wanted.Numbers)
                : Words is not null && wanted.Words is not null && Words.IsSubsetOf(wanted.Words);
        }
    }

    /// <summary>A quantifier literal as a bound on the number of matching entries.</summary>
    private sealed record CountBound(QuantifierCondition Q, bool Lower, double N)
    {
        public static CountBound Of(Literal literal)
        {
            var q = (QuantifierCondition)literal.Leaf;
            var n = q.Count.Value.NumberValue;
            return (q.Operator, literal.Positive) switch
            {
                (CountOperator.AtLeast, true) => new CountBound(q, true, n),
                (CountOperator.AtLeast, false) => new CountBound(q, false, n - 1),
                (CountOperator.AtMost, true) => new CountBound(q, false, n),
                _ => new CountBound(q, true, n + 1),
            };
        }
    }
}
