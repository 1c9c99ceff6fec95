namespace PlanRules.Replay;

/// <summary>The formats of a diff report.</summary>
public enum DiffReportFormat
{
    /// <summary>Markdown, to attach to a review: totals, a count per kind of change, and a table per changed case.</summary>
    Markdown,

    /// <summary>JSON (<c>planrules.diff-report/1</c>): the same content for tools.</summary>
    Json,
}
