using System.IO.Enumeration;

namespace PlanRules.IO;

/// <summary>What went wrong at one place of a <see cref="SafeDirectoryWalk"/>.</summary>
internal enum WalkProblemKind
{
    /// <summary>A folder whose entries cannot be listed (no permission, an I/O error).</summary>
    UnreadableFolder,

    /// <summary>A symbolic link to a folder that contains it: not followed.</summary>
    SymlinkLoop,

    /// <summary>A matching name that is a FIFO, device or socket: never opened.</summary>
    NotRegularFile,

    /// <summary>A matching name that cannot be examined (a dangling or looping symbolic link, no permission).</summary>
    Unreadable,
}

/// <summary>One problem of a walk, at a path relative to the walk's root (with <c>/</c>; <c>.</c> for the root).</summary>
/// <param name="RelativePath">Where.</param>
/// <param name="Kind">What.</param>
/// <param name="Message">What, in a few words that never quote a file's content.</param>
internal sealed record WalkProblem(string RelativePath, WalkProblemKind Kind, string Message);

/// <summary>One file a walk found.</summary>
/// <param name="FullPath">The path, below the root as given (symbolic links not resolved).</param>
/// <param name="RelativePath">Relative to the root, with <c>/</c>.</param>
internal sealed record WalkFile(string FullPath, string RelativePath);

/// <summary>The files a walk found, in ordinal order of their relative path, and its problems in the order met.</summary>
/// <param name="Files">The matching regular files.</param>
/// <param name="Problems">Folders that cannot be listed, loops, and matching names that are not regular files.</param>
internal sealed record WalkResult(IReadOnlyList<WalkFile> Files, IReadOnlyList<WalkProblem> Problems);

/// <summary>
/// Finds files by pattern below a folder, recursively, without ever throwing for what it finds or hanging: each real
/// folder is walked once (a second symbolic link to it is skipped; a link to a folder that contains it is reported as a
/// loop), a folder that cannot be listed is reported and the walk goes on, and a matching FIFO, device or socket is
/// reported, never opened. Entries are visited in ordinal order, so the result is deterministic. Thread-safe.
/// </summary>
internal static class SafeDirectoryWalk
{
    /// <summary>Lists a folder's entries (full paths); the default reads the file system. Tests inject faults here.</summary>
    internal static Func<string, IEnumerable<string>> DefaultLister { get; } = Directory.EnumerateFileSystemEntries;

    /// <summary>Walks <paramref name="root"/> (an existing folder) for files named like <paramref name="pattern"/>.</summary>
    /// <param name="root">The folder.</param>
    /// <param name="pattern">A simple pattern such as <c>*.json</c>; case-sensitive except on Windows and macOS.</param>
    /// <param name="lister">Lists a folder's entries; <c>null</c> reads the file system.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static WalkResult Find(string root, string pattern = "*.json", Func<string, IEnumerable<string>>? lister = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var full = Path.GetFullPath(root);
        var files = new List<WalkFile>();
        var problems = new List<WalkProblem>();
        var walk = new Walk(pattern, lister ?? DefaultLister, files, problems, cancellationToken);
        var probe = FileProbe.Of(full);
        if (probe.Kind != FileKind.Directory)
        {
            problems.Add(new WalkProblem(".", WalkProblemKind.UnreadableFolder, "the folder cannot be read" + (probe.Problem is null ? "" : ": " + probe.Problem)));
            return new WalkResult(files, problems);
        }
        walk.Visit(full, "", [probe.Identity]);
        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new WalkResult(files, problems);
    }

    private sealed class Walk(string pattern, Func<string, IEnumerable<string>> lister, List<WalkFile> files, List<WalkProblem> problems, CancellationToken cancellationToken)
    {
        private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();
        private readonly HashSet<string> _walked = new(StringComparer.Ordinal);

        public void Visit(string folder, string relative, List<string> ancestors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _walked.Add(ancestors[^1]);
            List<string> entries;
            try
            {
                entries = [.. lister(folder)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new WalkProblem(relative.Length == 0 ? "." : relative, WalkProblemKind.UnreadableFolder, "the folder cannot be read: " + ex.Message));
                return;
            }
            entries.Sort(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                var childRelative = relative.Length == 0 ? name : relative + "/" + name;
                var matches = FileSystemName.MatchesSimpleExpression(pattern, name, IgnoreCase);
                var probe = FileProbe.Of(entry);
                switch (probe.Kind)
                {
                    case FileKind.Directory:
                        if (ancestors.Contains(probe.Identity))
                            problems.Add(new WalkProblem(childRelative, WalkProblemKind.SymlinkLoop, "a symbolic link to a folder that contains it (a loop); not followed"));
                        else if (!_walked.Contains(probe.Identity))
                        {
                            ancestors.Add(probe.Identity);
                            Visit(entry, childRelative, ancestors);
                            ancestors.RemoveAt(ancestors.Count - 1);
                        }
                        break;
                    case FileKind.Regular when matches:
                        files.Add(new WalkFile(entry, childRelative));
                        break;
                    case FileKind.Other when matches:
                        problems.Add(new WalkProblem(childRelative, WalkProblemKind.NotRegularFile, "not a regular file (a FIFO, device or socket); not read"));
                        break;
                    case FileKind.Unreadable when matches || probe.IsLink:
                        problems.Add(new WalkProblem(childRelative, WalkProblemKind.Unreadable, "cannot be examined: " + probe.Problem));
                        break;
                    case FileKind.Missing when matches && probe.IsLink:
                        problems.Add(new WalkProblem(childRelative, WalkProblemKind.Unreadable, "a symbolic link to nothing"));
                        break;
                }
            }
        }
    }
}
