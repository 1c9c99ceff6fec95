namespace PlanRules.Replay;

/// <summary>An expectation on a list of codes in a plan: <c>include</c> = at least these, <c>exclude</c> = none of these. Immutable.</summary>
public sealed record ListExpectation
{
    /// <summary>Codes that must be present.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Codes that must be absent.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
}
