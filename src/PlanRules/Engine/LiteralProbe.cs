namespace PlanRules.Engine;

/// <summary>
/// One literal (a leaf with its polarity) of one alternative of a rule, evaluated with the shared
/// <see cref="ConditionEvaluator"/> leaf, so that the plan's explanation (matched entries, unknown facts) and the
/// decision cannot disagree. Thread-safe.
/// </summary>
internal sealed class LiteralProbe
{
    private readonly Literal _literal;
    private readonly LeafTest _test;

    public LiteralProbe(Literal literal, LeafTest test)
    {
        _literal = literal;
        _test = test;
    }

    /// <summary>The shared compiled leaf.</summary>
    public LeafTest Test => _test;

    /// <summary>For a quantifier, the case's entries that surely (or possibly) match; empty for other literals.</summary>
    public IEnumerable<EntryFact> Entries(CaseFacts facts, bool definite) => _test.Entries(facts, definite);

    /// <summary>The literal's truth for these facts (its polarity applied).</summary>
    public Truth Evaluate(CaseFacts facts)
    {
        var truth = _test.Evaluate(facts);
        return _literal.Positive ? truth : ConditionEvaluator.Not(truth);
    }
}
