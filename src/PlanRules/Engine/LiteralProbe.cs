using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// Evaluates one literal against a case's facts in three-valued logic, for explanation only (which facts left a
/// rule undecided; why an intervention is absent). It compiles the same expression trees the NRules network uses,
/// so explanation and decision cannot disagree. Thread-safe.
/// </summary>
internal sealed class LiteralProbe
{
    private readonly Literal _literal;
    private readonly Func<ScalarFact, bool>? _scalar;
    private readonly Func<EntryFact, bool>? _matchesList;
    private readonly Func<EntryFact, bool>? _definite;
    private readonly Func<EntryFact, bool>? _possible;

    public LiteralProbe(Literal literal, Vocabulary vocabulary)
    {
        _literal = literal;
        switch (literal.Leaf)
        {
            case FactCondition { Operator: not ComparisonOperator.Known } f:
                vocabulary.TryGetFact(f.Fact, out var definition);
                _scalar = (Func<ScalarFact, bool>)Predicates.ScalarTest(f, definition.Type, "f", negate: false).Compile();
                break;
            case QuantifierCondition q:
                _matchesList = (Func<EntryFact, bool>)Predicates.EntryMatchesList(q, "e").Compile();
                if (q.Where is not null)
                {
                    _definite = (Func<EntryFact, bool>)Predicates.EntryFilter(q.Where, "e", definite: true).Compile();
                    _possible = (Func<EntryFact, bool>)Predicates.EntryFilter(q.Where, "e", definite: false).Compile();
                }
                break;
        }
    }

    /// <summary>
    /// For a quantifier, the case's entries on its lists that surely match (<paramref name="definite"/>) or may match
    /// (an unknown attribute may match); empty for other literals. Used to name concrete facts instead of patterns.
    /// </summary>
    public IEnumerable<EntryFact> Entries(CaseFacts facts, bool definite)
    {
        if (_literal.Leaf is not QuantifierCondition q) yield break;
        var filter = definite ? _definite : _possible;
        foreach (var entry in facts.EntriesOf(q.Section))
            if (_matchesList!(entry) && (filter is null || filter(entry))) yield return entry;
    }

    /// <summary>The literal's truth for these facts (its polarity applied).</summary>
    public Truth Evaluate(CaseFacts facts)
    {
        var truth = EvaluateLeaf(facts);
        return _literal.Positive ? truth : truth switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown };
    }

    private Truth EvaluateLeaf(CaseFacts facts)
    {
        switch (_literal.Leaf)
        {
            case FactCondition f when f.Operator == ComparisonOperator.Known:
                var recorded = f.AsksWhetherListIsKnown ? facts.IsListKnown(f.ListSection) : facts.TryGetScalar(f.Fact, out _);
                return recorded == f.Operands[0].Value.BooleanValue ? Truth.True : Truth.False;
            case FactCondition f:
                if (!facts.TryGetScalar(f.Fact, out var fact)) return Truth.Unknown;
                return _scalar!(fact) ? Truth.True : Truth.False;
            case QuantifierCondition q:
            {
                var known = facts.IsListKnown(q.Section);
                var definite = 0;
                var possible = 0;
                foreach (var entry in facts.EntriesOf(q.Section))
                {
                    if (!_matchesList!(entry)) continue;
                    if (_definite is null || _definite(entry)) definite++;
                    if (_possible is null || _possible(entry)) possible++;
                }
                var n = (int)q.Count.Value.NumberValue;
                if (q.Operator == CountOperator.AtLeast)
                    return definite >= n ? Truth.True : known && possible < n ? Truth.False : Truth.Unknown;
                return known && possible <= n ? Truth.True : definite > n ? Truth.False : Truth.Unknown;
            }
            default:
                return Truth.True;
        }
    }
}
