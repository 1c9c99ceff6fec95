namespace PlanRules.Replay;

/// <summary>
/// Writes a diff report while a run streams: <see cref="Add"/> each case in corpus order, then <see cref="Complete"/>
/// with the totals. Only changed cases and errors are listed; entries are spooled to a temporary file, so a report of
/// any size is written in bounded memory, totals first. Not thread-safe. The writer does not own the output.
/// </summary>
public abstract class DiffReportWriter : IDisposable
{
    private bool _completed;

    /// <summary>Creates a writer that writes the report to <paramref name="output"/> on <see cref="Complete"/>.</summary>
    /// <param name="output">Where the report goes.</param>
    protected DiffReportWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Output = output;
    }

    /// <summary>Where the report goes.</summary>
    protected TextWriter Output { get; }

    /// <summary>Whether the writer was disposed.</summary>
    protected bool Disposed { get; private set; }

    /// <summary>A writer for <paramref name="format"/>.</summary>
    /// <param name="format">Markdown or JSON.</param>
    /// <param name="output">Where the report goes.</param>
    public static DiffReportWriter Create(DiffReportFormat format, TextWriter output) => format switch
    {
        DiffReportFormat.Markdown => new MarkdownDiffReportWriter(output),
        DiffReportFormat.Json => new JsonDiffReportWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
    };

    /// <summary>Adds one case.</summary>
    /// <param name="result">The case, in corpus order.</param>
    /// <exception cref="InvalidOperationException">The report is already complete.</exception>
    public void Add(CaseDiff result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (_completed) throw new InvalidOperationException("the report is already complete");
        if (result.HasChanges || result.IsError) AddCore(result);
    }

    /// <summary>Writes the whole report, totals first, to the output.</summary>
    /// <param name="summary">The run's totals.</param>
    /// <exception cref="InvalidOperationException">The report is already complete.</exception>
    public void Complete(DiffSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (_completed) throw new InvalidOperationException("the report is already complete");
        _completed = true;
        CompleteCore(summary);
        Output.Flush();
    }

    /// <summary>Records a changed case or an error (spools it).</summary>
    protected abstract void AddCore(CaseDiff result);

    /// <summary>Writes the report.</summary>
    protected abstract void CompleteCore(DiffSummary summary);

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
