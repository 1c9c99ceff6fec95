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
/// <remarks>
/// Watching survives deployments that replace the folder rather than edit it: the parent folder is watched too, and
/// when <see cref="Directory"/> is deleted, created, renamed away or back, or swapped (<c>mv rules rules.old; mv
/// rules.new rules</c>), the folder watcher is re-armed on the folder now at that path and a change is reported. A
/// Kubernetes ConfigMap volume (files that are symlinks into <c>..data</c>, updated by renaming a new <c>..data</c>
/// symlink into place) is supported: entries whose name starts with <c>..</c> are never loaded, but their changes are
/// reported. A missing folder makes the next load throw <see cref="DirectoryNotFoundException"/> (a failed reload
/// that keeps the last good set); its return is reported like any other change. The hosting integration also polls
/// the content (<see cref="PlanRulesOptions.PollInterval"/>) in case an event is lost.
/// </remarks>
public sealed class DirectoryRuleSetSource : IRuleSetSource, IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _changed = new();
    private FileSystemWatcher? _watcher;
    private FileSystemWatcher? _parentWatcher;
    private bool _watching;
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
    /// subdirectory, or of a Kubernetes <c>..data</c> entry) below <see cref="Directory"/>, or of the folder itself
    /// (deleted, created, renamed or swapped). The first call starts the <see cref="FileSystemWatcher"/>s; the folder
    /// need not exist.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public IChangeToken Watch()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_watching) StartWatching();
            else if (_watcher is null) ArmFolderWatcher(); // the folder was missing when last armed; it may be back
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Stops watching; outstanding change tokens never fire.</summary>
    public void Dispose()
    {
        FileSystemWatcher? watcher, parentWatcher;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            watcher = _watcher;
            parentWatcher = _parentWatcher;
            _watcher = null;
            _parentWatcher = null;
        }
        StopWatcher(watcher);
        StopWatcher(parentWatcher);
    }

    /// <summary>Describes the source for log lines and messages: <c>directory '/full/path'</c>.</summary>
    public override string ToString() => $"directory '{Directory}'";

    // Called under _gate, once: the folder itself (if it exists) and its parent (to see the folder come and go).
    private void StartWatching()
    {
        _watching = true;
        ArmFolderWatcher();
        var parent = Path.GetDirectoryName(Directory);
        if (parent is null || !System.IO.Directory.Exists(parent)) return; // the poll of the hosting integration still sees changes
        try
        {
            var watcher = new FileSystemWatcher(parent)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.FileName,
            };
            watcher.Created += OnParentEvent;
            watcher.Deleted += OnParentEvent;
            watcher.Renamed += OnParentEvent;
            watcher.Error += (_, _) => ThreadPool.QueueUserWorkItem(static source => source.Rearm(), this, preferLocal: false);
            watcher.EnableRaisingEvents = true;
            _parentWatcher = watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // E.g. no permission on the parent or too many inotify watches: the folder watcher and the poll remain.
        }
    }

    // Called under _gate: (re)creates the watcher of the folder now at Directory, or leaves none if it is missing. The
    // replaced watcher is stopped on the thread pool, outside the lock and outside its own event callback.
    private void ArmFolderWatcher()
    {
        var old = _watcher;
        _watcher = null;
        if (old is not null) ThreadPool.QueueUserWorkItem(static w => StopWatcher(w), old, preferLocal: false);
        if (_disposed || !System.IO.Directory.Exists(Directory)) return;
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(Directory)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Created += OnFileEvent;
            watcher.Changed += OnFileEvent;
            watcher.Deleted += OnFileEvent;
            watcher.Renamed += OnFileEvent;
            // A buffer overflow (events were lost) or the watched folder gone: watch afresh and reload to be sure.
            watcher.Error += (_, _) => ThreadPool.QueueUserWorkItem(static source => source.Rearm(), this, preferLocal: false);
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // The folder vanished between the check and the start, or cannot be watched: the next parent event, Watch()
            // call or poll tries again.
            StopWatcher(watcher);
        }
    }

    /// <summary>
    /// Re-arms the folder watcher on whatever folder is now at <see cref="Directory"/> (it may have been replaced) and
    /// reports a change. Used when the folder comes or goes, when a watcher reports an error, and by the hosting
    /// integration's poll when it finds a change no event reported.
    /// </summary>
    internal void Rearm()
    {
        lock (_gate)
        {
            if (_disposed || !_watching) return;
            ArmFolderWatcher();
        }
        SignalChange();
    }

    private void OnParentEvent(object sender, FileSystemEventArgs e)
    {
        if (IsThisFolder(e.FullPath) || (e is RenamedEventArgs renamed && IsThisFolder(renamed.OldFullPath))) Rearm();
    }

    private bool IsThisFolder(string path) =>
        string.Equals(Path.TrimEndingDirectorySeparator(path), Path.TrimEndingDirectorySeparator(Directory), StringComparison.Ordinal);

    private static void StopWatcher(FileSystemWatcher? watcher)
    {
        if (watcher is null) return;
        try
        {
            watcher.EnableRaisingEvents = false;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or ArgumentException)
        {
            // Its folder is gone; disposing is all that is left to do.
        }
        watcher.Dispose();
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

    // *.json rule files, paths without an extension (subdirectories: a renamed or deleted folder moves rule files) and
    // anything named "..*": Kubernetes updates a ConfigMap volume by writing a "..<timestamp>" folder and renaming a
    // new "..data" symlink into place, so those entries are never loaded but their changes are what an update looks like.
    private bool IsRelevant(string path)
    {
        var relative = Path.GetRelativePath(Directory, path).Replace(Path.DirectorySeparatorChar, '/');
        if (relative.Split('/').Any(s => s.StartsWith("..", StringComparison.Ordinal))) return true;
        var extension = Path.GetExtension(relative);
        return extension.Length == 0
               || (extension.Equals(".json", StringComparison.OrdinalIgnoreCase) && !IsIgnored(relative));
    }

    // The same predicate as RuleSet.LoadDirectory's, so that both read the same files (and give the same hash).
    private static bool IsIgnored(string path) => RuleSet.IsIgnored(path);
}
