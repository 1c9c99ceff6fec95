using System.Globalization;

namespace PlanRules.Replay;

/// <summary>
/// Writes a diff as Markdown for a review: both rule sets, the totals, a table with the count of each kind of change,
/// then for each changed case a table of its changes (what, item, before, after, rules responsible), and the cases that
/// could not be read or planned with their diagnostics (never an identifier's value). Not thread-safe.
/// </summary>
public sealed class MarkdownDiffReportWriter : DiffReportWriter
{
    private readonly Spool _spool = new();

    /// <summary>Creates the writer.</summary>
    /// <param name="output">Where the Markdown goes.</param>
    public MarkdownDiffReportWriter(TextWriter output) : base(output) { }

    /// <inheritdoc />
    protected override void AddCore(CaseDiff result)
    {
        var w = _spool.Writer;
        w.Write("\n### " + ReportText.Code(result.Name));
        if (result.CaseId is { } id) w.Write(" (caseId " + ReportText.Code(id) + ")");
        if (result.Diff is { } diff)
        {
            w.Write("\n\n| change | item | before | after | rules |\n|---|---|---|---|---|\n");
            foreach (var c in diff.Changes)
                w.Write($"| {c.Description} | {ReportText.Code(c.Item)} | {ReportText.Cell(c.Before ?? "—")} | {ReportText.Cell(c.After ?? "—")} | {ReportText.Cell(string.Join(", ", c.Rules))} |\n");
        }
        else
        {
            w.Write(": ⚠️ " + ReportText.ErrorSummary(result.Failed!) + "\n\n");
            foreach (var side in new[] { ("before", result.Before), ("after", result.After) })
                if (!side.Item2.Succeeded)
                    foreach (var line in ReportText.Problems(side.Item2)) w.Write("- " + side.Item1 + ": " + ReportText.Code(line) + "\n");
        }
    }

    /// <inheritdoc />
    protected override void CompleteCore(DiffSummary summary)
    {
        var o = Output;
        o.Write("# Plan differences\n\n");
        o.Write("| | rule set | version | sha256 |\n|---|---|---|---|\n");
        o.Write($"| before | {ReportText.Cell(summary.Before.Name)} | {ReportText.Cell(summary.Before.Version)} | {ReportText.Code(summary.Before.Sha256)} |\n");
        o.Write($"| after | {ReportText.Cell(summary.After.Name)} | {ReportText.Cell(summary.After.Version)} | {ReportText.Code(summary.After.Sha256)} |\n\n");
        o.Write(string.Create(CultureInfo.InvariantCulture,
            $"**{summary.Total} case(s): {summary.Changed} changed, {summary.Unchanged} unchanged, {summary.Errors} could not be read or planned** ({ReportText.Seconds(summary.Elapsed)} s, {summary.Workers} worker(s)).\n"));
        if (summary.ChangesByKind.Count > 0)
        {
            o.Write("\n| change | changes | cases |\n|---|---:|---:|\n");
            foreach (var (kind, count) in summary.ChangesByKind)
                o.Write(string.Create(CultureInfo.InvariantCulture, $"| {PlanChange.Describe(kind)} | {count} | {summary.CasesByKind.GetValueOrDefault(kind)} |\n"));
        }
        if (summary.Changed + summary.Errors > 0)
        {
            o.Write("\n## Cases\n");
            _spool.CopyTo(o);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !Disposed) _spool.Dispose();
        base.Dispose(disposing);
    }
}
