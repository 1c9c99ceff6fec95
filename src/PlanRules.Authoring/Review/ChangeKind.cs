namespace PlanRules.Review;

/// <summary>How an item differs between two versions of a rule set.</summary>
public enum ChangeKind
{
    /// <summary>Only in the later version.</summary>
    Added,
    /// <summary>Only in the earlier version.</summary>
    Removed,
    /// <summary>In both, with different content.</summary>
    Changed,
    /// <summary>Unchanged itself, but it uses a parameter whose value changed (a rule).</summary>
    Affected,
}
