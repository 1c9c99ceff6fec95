namespace PlanRules.Replay;

/// <summary>
/// Describes a warning a plan must (or must not) carry. Every field given must match; a field left <c>null</c> matches anything.
/// Immutable.
/// </summary>
public sealed record WarningExpectation
{
    /// <summary>A fact the warning is about, e.g. <c>medication.apixaban</c>.</summary>
    public string? About { get; init; }

    /// <summary>An intervention the warning applies to.</summary>
    public string? AppliesTo { get; init; }

    /// <summary>The warning code, e.g. <c>antithrombotic.hold</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The severity: <c>critical</c>, <c>warning</c> or <c>info</c>.</summary>
    public string? Severity { get; init; }
}
