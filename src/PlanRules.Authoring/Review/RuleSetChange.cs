namespace PlanRules.Review;

/// <summary>
/// One difference between two versions of a rule set, in plain language, e.g.
/// <c>Parameter facet.min_nrs changed from 4 to 5</c>. Immutable.
/// </summary>
/// <param name="Kind">Added, removed, changed or affected.</param>
/// <param name="Subject">What kind of item.</param>
/// <param name="Id">The item's id, name or code.</param>
/// <param name="Summary">One sentence for reviewers.</param>
public sealed record RuleSetChange(ChangeKind Kind, ChangeSubject Subject, string Id, string Summary)
{
    /// <summary>Each difference in detail, e.g. <c>status changed from draft to approved</c>.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The summary.</summary>
    public override string ToString() => Summary;
}
