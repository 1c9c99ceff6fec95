namespace PlanRules.Replay;

/// <summary>
/// Writes a replay report while a run streams: <see cref="Add"/> each result in corpus order, then
/// <see cref="Complete"/> with the totals. Entries are spooled to a temporary file, so a report of any size is written
/// in bounded memory, with the totals first. Not thread-safe: call it from one thread at a time (as
/// <see cref="ReplayRunner.RunAsync"/> does). The writer does not own the output <see cref="TextWriter"/>.
/// </summary>
public abstract class ReplayReportWriter : IDisposable
{
    private bool _completed;

    /// <summary>Creates a writer that writes the report to <paramref name="output"/> on <see cref="Complete"/>.</summary>
    /// <param name="output">Where the report goes.</param>
    protected ReplayReportWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Output = output;
    }

    /// <summary>Where the report goes.</summary>
    protected TextWriter Output { get; }

    /// <summary>A writer for <paramref name="format"/>.</summary>
    /// <param name="format">JUnit XML, JSON or Markdown.</param>
    /// <param name="output">Where the report goes.</param>
    public static ReplayReportWriter Create(ReplayReportFormat format, TextWriter output) => format switch
    {
        ReplayReportFormat.JUnit => new JUnitReportWriter(output),
        ReplayReportFormat.Json => new JsonReportWriter(output),
        ReplayReportFormat.Markdown => new MarkdownReportWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
    };

    /// <summary>Adds one case's result.</summary>
    /// <param name="result">The result, in corpus order.</param>
    /// <exception cref="InvalidOperationException">The report is already complete.</exception>
    public void Add(ReplayCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (_completed) throw new InvalidOperationException("the report is already complete");
        AddCore(result);
    }

    /// <summary>Writes the whole report, totals first, to the output.</summary>
    /// <param name="summary">The run's totals.</param>
    /// <exception cref="InvalidOperationException">The report is already complete.</exception>
    public void Complete(ReplaySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (_completed) throw new InvalidOperationException("the report is already complete");
        _completed = true;
        CompleteCore(summary);
        Output.Flush();
    }

    /// <summary>Whether the writer was disposed.</summary>
    protected bool Disposed { get; private set; }

    /// <summary>Records one result (spools it).</summary>
    protected abstract void AddCore(ReplayCaseResult result);

    /// <summary>Writes the report.</summary>
    protected abstract void CompleteCore(ReplaySummary summary);

    /// <summary>Releases the spool.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the spool.</summary>
    /// <param name="disposing"><c>true</c> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing) => Disposed = true;
}
