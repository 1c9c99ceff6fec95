using System.Globalization;

namespace PlanRules.Replay;

/// <summary>
/// Writes a replay as Markdown for a review: the rule set and totals, then each failed case with a table of its unmet
/// expectations (expected, actual plan items, rules involved) and each case that could not be read or planned with its
/// diagnostics (never an identifier's value). Passing cases are only counted. Not thread-safe.
/// </summary>
public sealed class MarkdownReportWriter : ReplayReportWriter
{
    private readonly Spool _spool = new();
    private int _listed;

    /// <summary>Creates the writer.</summary>
    /// <param name="output">Where the Markdown goes.</param>
    public MarkdownReportWriter(TextWriter output) : base(output) { }

    /// <inheritdoc />
    protected override void AddCore(ReplayCaseResult result)
    {
        var w = _spool.Writer;
        switch (result.Outcome)
        {
            case ReplayOutcome.Failed:
                _listed++;
                w.Write("\n### ❌ " + ReportText.Code(result.Name));
                if (result.Case.CaseId is { } id) w.Write(" (caseId " + ReportText.Code(id) + ")");
                w.Write("\n\n| section | expected | actual | rules |\n|---|---|---|---|\n");
                foreach (var f in result.Failures)
                    w.Write($"| {ReportText.Cell(f.Section)} | {ReportText.Cell(f.Expectation)} | {ReportText.Cell(f.Actual)} | {ReportText.Cell(string.Join(", ", f.Rules))} |\n");
                break;
            case ReplayOutcome.Error:
                _listed++;
                w.Write("\n### ⚠️ " + ReportText.Code(result.Name) + ": " + ReportText.ErrorSummary(result.Case) + "\n\n");
                foreach (var line in ReportText.Problems(result.Case)) w.Write("- " + ReportText.Code(line) + "\n");
                break;
        }
    }

    /// <inheritdoc />
    protected override void CompleteCore(ReplaySummary summary)
    {
        var o = Output;
        o.Write("# Replay report\n\n");
        o.Write("Rule set " + ReportText.Code(summary.RuleSet.Name) + " " + ReportText.Code(summary.RuleSet.Version)
                + ", sha256 " + ReportText.Code(summary.RuleSet.Sha256) + ".\n\n");
        o.Write(string.Create(CultureInfo.InvariantCulture,
            $"**{summary}** — {summary.Total} case(s): {summary.Passed} passed, {summary.Failed} missed an expectation, {summary.Errors} could not be read or planned"));
        if (summary.WithoutExpectations > 0)
            o.Write(string.Create(CultureInfo.InvariantCulture, $"; {summary.WithoutExpectations} passing case(s) carry no expectations"));
        o.Write(string.Create(CultureInfo.InvariantCulture, $". {ReportText.Seconds(summary.Elapsed)} s with {summary.Workers} worker(s).\n"));
        if (_listed > 0)
        {
            o.Write("\n## Failures and errors\n");
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
