using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// A leaf condition (a fact comparison or a quantifier over a history list) compiled once and shared by every rule,
/// alpha test and explanation that contains an equal leaf. Its truth is three-valued: a comparison of an unknown fact,
/// or a count that unknown entries or attributes could still change, is <see cref="Truth.Unknown"/>. Thread-safe.
/// </summary>
internal sealed class LeafTest
{
    private readonly Func<ScalarFact, bool>? _scalar;
    private readonly Func<EntryFact, bool>? _matchesList;
    private readonly Func<EntryFact, bool>? _definite;
    private readonly Func<EntryFact, bool>? _possible;
    private readonly FactCondition? _fact;
    private readonly QuantifierCondition? _quantifier;
    private readonly bool _knownWanted;
    private readonly bool _asksList;
    private readonly string _name = "";
    private readonly string _section = "";
    private readonly int _count;

    public LeafTest(Condition leaf, Vocabulary vocabulary, string key)
    {
        Leaf = leaf;
        Key = key;
        switch (leaf)
        {
            case FactCondition { Operator: ComparisonOperator.Known } f:
                _fact = f;
                _knownWanted = f.Operands[0].Value.BooleanValue;
                _asksList = f.AsksWhetherListIsKnown;
                _name = f.Fact;
                _section = f.ListSection;
                break;
            case FactCondition f:
                _fact = f;
                _name = f.Fact;
                vocabulary.TryGetFact(f.Fact, out var definition);
                _scalar = Predicates.ScalarTest(f, definition.Type);
                break;
            case QuantifierCondition q:
                _quantifier = q;
                _section = q.Section;
                _count = (int)q.Count.Value.NumberValue;
                _matchesList = Predicates.EntryMatchesList(q);
                if (q.Where is not null)
                {
                    _definite = Predicates.EntryFilter(q.Where, definite: true);
                    _possible = Predicates.EntryFilter(q.Where, definite: false);
                }
                break;
            default:
                throw new ArgumentException("not a leaf condition: " + leaf.GetType().Name, nameof(leaf));
        }
    }

    /// <summary>The leaf (the first one met with this key).</summary>
    public Condition Leaf { get; }

    /// <summary>The canonical key shared by equal leaves.</summary>
    public string Key { get; }

    /// <summary>Whether the leaf's truth can be unknown (a comparison or a quantifier; <c>known</c> is always decided).</summary>
    public bool CanBeUnknown => _fact is null || _fact.Operator != ComparisonOperator.Known;

    /// <summary>The leaf's truth for a case.</summary>
    public Truth Evaluate(CaseFacts facts)
    {
        if (_fact is not null)
        {
            if (_scalar is null)
            {
                var recorded = _asksList ? facts.IsListKnown(_section) : facts.TryGetScalar(_name, out _);
                return recorded == _knownWanted ? Truth.True : Truth.False;
            }
            if (!facts.TryGetScalar(_name, out var fact)) return Truth.Unknown;
            return _scalar(fact) ? Truth.True : Truth.False;
        }
        var q = _quantifier!;
        var definite = 0;
        var possible = 0;
        var entries = facts.EntriesOf(_section);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!_matchesList!(entry)) continue;
            if (_definite is null || _definite(entry)) definite++;
            if (_possible is null || _possible(entry)) possible++;
        }
        var known = facts.IsListKnown(_section);
        if (q.Operator == CountOperator.AtLeast)
            return definite >= _count ? Truth.True : known && possible < _count ? Truth.False : Truth.Unknown;
        return known && possible <= _count ? Truth.True : definite > _count ? Truth.False : Truth.Unknown;
    }

    /// <summary>
    /// For a quantifier, the case's entries on its lists that surely match (<paramref name="definite"/>) or may match
    /// (an unknown attribute may match); empty for a comparison.
    /// </summary>
    public IEnumerable<EntryFact> Entries(CaseFacts facts, bool definite)
    {
        if (_quantifier is null) yield break;
        var filter = definite ? _definite : _possible;
        foreach (var entry in facts.EntriesOf(_section))
            if (_matchesList!(entry) && (filter is null || filter(entry))) yield return entry;
    }

    /// <summary>How many of the case's entries surely (or possibly) match a quantifier.</summary>
    public int Count(CaseFacts facts, bool definite)
    {
        if (_quantifier is null) return 0;
        var filter = definite ? _definite : _possible;
        var n = 0;
        var entries = facts.EntriesOf(_section);
        for (var i = 0; i < entries.Count; i++)
            if (_matchesList!(entries[i]) && (filter is null || filter(entries[i]))) n++;
        return n;
    }
}
