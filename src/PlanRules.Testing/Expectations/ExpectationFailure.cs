namespace PlanRules.Replay;

/// <summary>One unmet expectation of a case's <c>expect</c> block. Immutable.</summary>
/// <param name="Section">The plan section, e.g. <c>candidates</c>.</param>
/// <param name="Expectation">What was expected, e.g. <c>include esi.lumbar.transforaminal</c>.</param>
/// <param name="Actual">What the plan holds in that section.</param>
/// <param name="Rules">The rules involved (that produced or removed the item), for the report.</param>
public sealed record ExpectationFailure(string Section, string Expectation, string Actual, IReadOnlyList<string> Rules)
{
    /// <summary>One line: section, expectation, actual.</summary>
    public override string ToString() =>
        $"{Section}: expected {Expectation}; actual: {Actual}" + (Rules.Count > 0 ? $" (rules: {string.Join(", ", Rules)})" : "");
}
