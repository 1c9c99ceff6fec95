namespace PlanRules.Replay;

/// <summary>Expectations on a plan's warnings. Immutable.</summary>
public sealed record WarningListExpectation
{
    /// <summary>Warnings that must be present.</summary>
    public IReadOnlyList<WarningExpectation> Include { get; init; } = [];

    /// <summary>Warnings that must be absent.</summary>
    public IReadOnlyList<WarningExpectation> Exclude { get; init; } = [];
}
