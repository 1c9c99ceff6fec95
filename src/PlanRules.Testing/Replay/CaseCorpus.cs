using PlanRules.IO;

namespace PlanRules.Replay;

/// <summary>
/// Finds the case files of a corpus: files given directly and every <c>*.json</c> file below the folders given
/// (recursively), in ordinal order of their <see cref="CaseSource.Name"/>. Only the names are collected; each case is
/// read when it is planned, so a corpus of any size replays in bounded memory. Thread-safe.
/// </summary>
public static class CaseCorpus
{
    /// <summary>
    /// The cases at <paramref name="paths"/>: a file is one case named by its file name; a folder contributes every
    /// <c>*.json</c> below it (except <c>*.schema.json</c>), named by their path relative to the folder with <c>/</c>
    /// separators. The result is ordered by name (ordinal), then by full path; a file reached twice is listed once.
    /// Never throws for what a folder holds and never hangs: a sub-folder that cannot be listed, a FIFO or device named
    /// <c>*.json</c> and a symbolic link loop each become a case that reports the problem when planned (an error case),
    /// named by its relative path; each real folder is walked once.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    public static IReadOnlyList<CaseSource> Discover(IEnumerable<string> paths) => DiscoverWith(paths, null);

    /// <summary>As <see cref="Discover(IEnumerable{string})"/>, listing folders with <paramref name="lister"/> (tests inject faults).</summary>
    internal static IReadOnlyList<CaseSource> DiscoverWith(IEnumerable<string> paths, Func<string, IEnumerable<string>>? lister)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var sources = new List<CaseSource>();
        foreach (var path in paths)
        {
            ArgumentException.ThrowIfNullOrEmpty(path, nameof(paths));
            if (File.Exists(path))
            {
                var source = CaseSource.FromFile(path);
                if (seen.Add(source.Path!)) sources.Add(source);
            }
            else if (Directory.Exists(path))
            {
                // A safe walk: each real folder once, no symbolic link loop followed; an unreadable sub-folder or a FIFO
                // named *.json becomes an error case named by its relative path, and the other cases go on.
                var root = Path.GetFullPath(path);
                var walk = SafeDirectoryWalk.Find(root, "*.json", lister);
                foreach (var file in walk.Files)
                {
                    if (file.RelativePath.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)) continue;
                    var full = Path.GetFullPath(file.FullPath);
                    if (!seen.Add(full)) continue;
                    sources.Add(CaseSource.FromFile(full, file.RelativePath));
                }
                foreach (var problem in walk.Problems)
                {
                    var name = problem.RelativePath == "." ? path : problem.RelativePath;
                    if (seen.Add(Path.Combine(root, problem.RelativePath)))
                        sources.Add(CaseSource.Unreadable(name, Path.GetFullPath(Path.Combine(root, problem.RelativePath)), problem.Message));
                }
            }
            else
            {
                throw new FileNotFoundException($"no case file or folder at '{path}'", path);
            }
        }
        sources.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Path, b.Path);
        });
        return sources;
    }
}
