namespace PlanRules.Replay;

/// <summary>
/// One case planned with two rule sets, and how its plan changed. When the case cannot be read or planned with either
/// rule set, <see cref="Diff"/> is <c>null</c> and the planned cases carry the diagnostics. Immutable.
/// </summary>
public sealed record CaseDiff
{
    /// <summary>The case planned with the rule set before the change.</summary>
    public required PlannedCase Before { get; init; }

    /// <summary>The case planned with the rule set after the change.</summary>
    public required PlannedCase After { get; init; }

    /// <summary>The differences, or <c>null</c> when either side has no plan.</summary>
    public PlanDiff? Diff { get; init; }

    /// <summary>The case's name in the corpus.</summary>
    public string Name => After.Name;

    /// <summary>The case's position in the corpus.</summary>
    public int Index => After.Index;

    /// <summary>The case's id, when it was read.</summary>
    public string? CaseId => After.CaseId ?? Before.CaseId;

    /// <summary><c>true</c> when the case could not be read or planned with either rule set.</summary>
    public bool IsError => Diff is null;

    /// <summary><c>true</c> when the plan changed.</summary>
    public bool HasChanges => Diff is { HasChanges: true };

    /// <summary>The side that failed (the one after the change when both did).</summary>
    public PlannedCase? Failed => !After.Succeeded ? After : !Before.Succeeded ? Before : null;
}
