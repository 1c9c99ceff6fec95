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
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    public static IReadOnlyList<CaseSource> Discover(IEnumerable<string> paths)
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
                var root = Path.GetFullPath(path);
                foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
                {
                    if (file.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)) continue;
                    var full = Path.GetFullPath(file);
                    if (!seen.Add(full)) continue;
                    sources.Add(CaseSource.FromFile(full, Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/')));
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
