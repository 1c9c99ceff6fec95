using System.Globalization;
using Microsoft.Extensions.Primitives;
using PlanRules.IO;
using PlanRules.Rules;

namespace PlanRules.Hosting;

/// <summary>
/// Rule files in a folder: every <c>*.json</c> below <see cref="Directory"/> (subdirectories included), except
/// <c>*.schema.json</c>, exactly as <see cref="RuleSet.LoadDirectory"/> reads them, so both give the same rule set and
/// hash. <see cref="Watch"/> reports changes through a <see cref="FileSystemWatcher"/>, started on first use.
/// Thread-safe; dispose it to stop watching.
/// </summary>
public sealed class DirectoryRuleSetSource : IRuleSetSource, IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _changed = new();
    private FileSystemWatcher? _watcher;
    private bool _disposed;

    /// <summary>Creates a source for a rule-set folder.</summary>
    /// <param name="directory">The folder; a relative path is resolved against the current directory now.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty or not a valid path.</exception>
    public DirectoryRuleSetSource(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder's full path.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">
    /// A file cannot be read, is not a regular file (a FIFO is never opened) or is larger than a rule file may be, or a
    /// sub-folder cannot be listed or is a symbolic link loop; the message names each by its relative path.
    /// </exception>
    public async Task<IReadOnlyList<RuleSourceFile>> LoadAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Directory))
            throw new DirectoryNotFoundException($"The rule-set directory '{Directory}' does not exist.");
        // Read safely (no FIFO opened, no symbolic link loop followed, bounded sizes), exactly as RuleSet.LoadDirectory does.
        var (files, problems) = await Task.Run(() => RuleFolderReader.Read(Directory, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
            throw new IOException(string.Join("; ", problems.Select(p => $"'{p.File}': {p.Message}")));
        return files;
    }

    /// <summary>
    /// Returns a token that fires at the next creation, change, rename or deletion of a <c>*.json</c> file (or of a
    /// subdirectory) below <see cref="Directory"/>. The first call starts the <see cref="FileSystemWatcher"/>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public IChangeToken Watch()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_watcher is null) StartWatching();
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Stops watching; outstanding change tokens never fire.</summary>
    public void Dispose()
    {
        FileSystemWatcher? watcher;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            watcher = _watcher;
            _watcher = null;
        }
        if (watcher is not null)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }
    }

    /// <summary>Describes the source for log lines and messages: <c>directory '/full/path'</c>.</summary>
    public override string ToString() => $"directory '{Directory}'";

    private void StartWatching()
    {
        var watcher = new FileSystemWatcher(Directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += OnFileEvent;
        watcher.Changed += OnFileEvent;
        watcher.Deleted += OnFileEvent;
        watcher.Renamed += OnFileEvent;
        watcher.Error += (_, _) => SignalChange(); // e.g. a buffer overflow: events were lost, so reload to be sure
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        if (IsRelevant(e.FullPath) || (e is RenamedEventArgs renamed && IsRelevant(renamed.OldFullPath))) SignalChange();
    }

    private void SignalChange()
    {
        CancellationTokenSource fired;
        lock (_gate)
        {
            if (_disposed) return;
            fired = _changed;
            _changed = new CancellationTokenSource();
        }
        try
        {
            fired.Cancel();
        }
        catch (AggregateException)
        {
            // A consumer's callback failed; it must not take the watcher thread down. Consumers log their own failures.
        }
    }

    // *.json rule files, and paths without an extension (subdirectories: a renamed or deleted folder moves rule files).
    private static bool IsRelevant(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length == 0
               || (extension.Equals(".json", StringComparison.OrdinalIgnoreCase) && !IsIgnored(path));
    }

    private static bool IsIgnored(string path) => path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);
}
