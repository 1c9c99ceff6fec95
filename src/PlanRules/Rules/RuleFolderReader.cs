using PlanRules.IO;

using PlanRules.Diagnostics;

namespace PlanRules.Rules;

/// <summary>The rule files of a folder as read by <see cref="RuleFolderReader"/>, and why any could not be.</summary>
/// <param name="Files">The files read, ordered by relative path.</param>
/// <param name="Diagnostics">PR1005 (too large) and PR1006 (missing folder, unreadable file or sub-folder, FIFO, loop).</param>
internal sealed record RuleFolderContent(IReadOnlyList<RuleSourceFile> Files, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads every <c>*.json</c> below a rule-set folder (except <c>*.schema.json</c>) through <see cref="SafeDirectoryWalk"/>
/// and <see cref="SafeFile"/>: never throws for what is on disk, never hangs on a FIFO or a symbolic link loop; each
/// problem is a diagnostic with the file's relative path. Thread-safe.
/// </summary>
internal static class RuleFolderReader
{
    /// <summary>The most bytes a rule file may have: <see cref="JsonFile.MaxChars"/> characters of up to four bytes.</summary>
    public const long MaxBytes = JsonFile.MaxChars * 4L;

    /// <summary>Reads the rule files below <paramref name="directory"/>.</summary>
    /// <param name="directory">The rule-set folder.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="lister">Lists a folder's entries; <c>null</c> reads the file system (tests inject faults).</param>
    public static RuleFolderContent Read(string directory, CancellationToken cancellationToken = default, Func<string, IEnumerable<string>>? lister = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
            return new RuleFolderContent([], [new Diagnostic(DiagnosticCodes.MissingFile, DiagnosticSeverity.Error, $"the rule-set directory '{directory}' does not exist", directory)]);
        var walk = SafeDirectoryWalk.Find(directory, "*.json", lister, cancellationToken);
        var diagnostics = walk.Problems
            .Where(p => !IsIgnored(p.RelativePath))
            .Select(p => new Diagnostic(DiagnosticCodes.MissingFile, DiagnosticSeverity.Error, p.Message, p.RelativePath == "." ? directory : p.RelativePath))
            .ToList();
        var files = new List<RuleSourceFile>();
        foreach (var file in walk.Files)
        {
            if (IsIgnored(file.RelativePath)) continue;
            var read = SafeFile.ReadText(file.FullPath, MaxBytes, cancellationToken);
            if (read.Text is { } text) files.Add(new RuleSourceFile(file.RelativePath, text));
            else if (read.Error == SafeReadError.TooLarge) diagnostics.Add(new Diagnostic(DiagnosticCodes.TooLarge, DiagnosticSeverity.Error, read.Message, file.RelativePath, 1, 1));
            else diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingFile, DiagnosticSeverity.Error, read.Message, file.RelativePath));
        }
        return new RuleFolderContent(files, diagnostics);
    }

    private static bool IsIgnored(string path) => path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);
}
