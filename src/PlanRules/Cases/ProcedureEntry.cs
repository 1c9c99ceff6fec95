namespace PlanRules.Cases;

/// <summary>One earlier intervention (<c>history.procedures[]</c>). Attributes are <c>null</c> when unknown. Immutable.</summary>
/// <param name="Code">An intervention code of the catalog, e.g. <c>mbb.lumbar</c> (without the <c>procedure.</c> section).</param>
public sealed record ProcedureEntry(string Code)
{
    /// <summary>How many weeks ago it was done.</summary>
    public double? WeeksAgo { get; init; }

    /// <summary>Relief of the index pain it gave, in percent.</summary>
    public double? ReliefPercent { get; init; }

    /// <summary>For how many weeks the relief lasted.</summary>
    public double? ReliefWeeks { get; init; }
}
