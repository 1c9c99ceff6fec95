using System.CommandLine;
using System.Globalization;
using PlanRules.Replay;
using PlanRules.Diagnostics;

namespace PlanRules.Cli.Commands;

/// <summary>Options and steps the commands share: the rule set, the corpus, the number of workers.</summary>
internal static class CommandSupport
{
    public static Option<string?> RulesOption(string name = "--rules", string? description = null) => new(name)
    {
        Description = description ?? "The rule-set folder (ruleset.json, vocabulary.json, parameters.json, catalog.json and rule files). Defaults to the shipped rule set.",
        HelpName = "DIR",
    };

    public static Option<int> ParallelOption()
    {
        var option = new Option<int>("--parallel")
        {
            Description = "Workers planning cases at once. Defaults to every core.",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--parallel must be at least 1");
        });
        return option;
    }

    public static Argument<string[]> CasesArgument(string description) => new("CASES")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Loads the rule set, printing every diagnostic; <c>null</c> when it does not load.</summary>
    public static RuleSet? LoadRules(CliContext ctx, string? directory, CancellationToken cancellationToken)
    {
        if (directory is null)
        {
            try
            {
                return RuleSet.LoadDefault();
            }
            catch (InvalidOperationException ex)
            {
                ctx.Error("error: " + ex.Message);
                return null;
            }
        }
        var loaded = RuleSet.LoadDirectory(directory, cancellationToken);
        foreach (var diagnostic in loaded.Diagnostics) ctx.Error(PrefixFile(diagnostic, directory));
        if (loaded.RuleSet is null)
        {
            var errors = loaded.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            ctx.Error(string.Create(CultureInfo.InvariantCulture, $"error: the rule set in '{directory}' does not load ({errors} error(s)); nothing was done."));
        }
        return loaded.RuleSet;
    }

    /// <summary>The name a case read from standard input goes by in messages and reports.</summary>
    public const string StdinName = "stdin";

    /// <summary>
    /// The corpus at <paramref name="paths"/> in file-name order, <c>-</c> being one case read from standard input;
    /// <c>null</c> (after an error line) when a path does not exist or holds no case, or <c>-</c> cannot be used.
    /// </summary>
    public static async Task<IReadOnlyList<CaseSource>?> DiscoverAsync(CliContext ctx, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        CaseSource? stdin = null;
        var dashes = paths.Count(p => p == "-");
        if (dashes > 1)
        {
            ctx.Error("error: '-' (standard input) can be given once");
            return null;
        }
        if (dashes == 1)
        {
            stdin = await ReadStdinCaseAsync(ctx, cancellationToken).ConfigureAwait(false);
            if (stdin is null) return null;
            if (paths.Count == 1) return [stdin];
        }
        var found = Discover(ctx, paths.Where(p => p != "-").ToArray());
        if (found is null || stdin is null) return found;
        return [.. found.Append(stdin).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// One case from standard input: its text, or an error case (not UTF-8, larger than a case may be) that is reported
    /// like an unreadable file; <c>null</c> after an error line when standard input is a terminal (nothing piped in).
    /// </summary>
    public static async Task<CaseSource?> ReadStdinCaseAsync(CliContext ctx, CancellationToken cancellationToken)
    {
        var read = await ReadStdinAsync(ctx, Cases.CaseJsonReader.MaxBytes, "case", cancellationToken).ConfigureAwait(false);
        if (read is null) return null;
        return read.Value.Text is { } text ? CaseSource.FromText(StdinName, text) : CaseSource.Unreadable(StdinName, null, read.Value.Problem);
    }

    /// <summary>
    /// Reads standard input as strict UTF-8, at most <paramref name="maxBytes"/> bytes (reading stops one byte past the
    /// limit, so a huge input is refused without being held); <c>null</c> after an error line when standard input is a
    /// terminal. The problem never quotes the input.
    /// </summary>
    public static async Task<(string? Text, string Problem)?> ReadStdinAsync(CliContext ctx, long maxBytes, string what, CancellationToken cancellationToken)
    {
        if (ctx.InputIsTerminal)
        {
            ctx.Error($"error: '-' reads the {what} from standard input, which is a terminal: pipe or redirect the {what} into it (e.g. planrules ... - < file.json)");
            return null;
        }
        try
        {
            await using var input = ctx.OpenInput();
            using var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            while (true)
            {
                // WaitAsync: Ctrl+C ends the wait even when the stream ignores the token.
                var n = await input.ReadAsync(chunk, cancellationToken).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
                if (n == 0) break;
                buffer.Write(chunk, 0, n);
                if (buffer.Length > maxBytes)
                    return (null, string.Create(CultureInfo.InvariantCulture, $"standard input is larger than the {maxBytes} bytes a {what} may have"));
            }
            if (buffer.Length == 0) return (null, "standard input is empty: nothing was piped in");
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            return (new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), "");
        }
        catch (System.Text.DecoderFallbackException)
        {
            return (null, "standard input is not valid UTF-8");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            return (null, "standard input cannot be read (" + ex.GetType().Name + ")");
        }
    }

    /// <summary>The corpus at <paramref name="paths"/> in file-name order; <c>null</c> (after an error line) when a path does not exist or holds no case.</summary>
    public static IReadOnlyList<CaseSource>? Discover(CliContext ctx, IReadOnlyList<string> paths)
    {
        try
        {
            var cases = CaseCorpus.Discover(paths);
            if (cases.Count == 0) ctx.Error($"error: no case files (*.json) in {string.Join(", ", paths.Select(p => $"'{p}'"))}");
            return cases.Count == 0 ? null : cases;
        }
        catch (FileNotFoundException ex)
        {
            ctx.Error("error: " + ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ctx.Error("error: the cases cannot be listed: " + ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Writes a whole document to <paramref name="file"/> (<c>null</c>: standard output) through a temporary file renamed
    /// into place (the old file stays whole on any failure); <c>false</c> after an error line when it cannot be written.
    /// </summary>
    public static async Task<bool> TryWriteAsync(CliContext ctx, string? file, string text, CancellationToken cancellationToken)
    {
        var target = OutputTarget.Open(ctx, file);
        if (target is null) return false;
        await using (target.ConfigureAwait(false))
        {
            try
            {
                await target.Writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (target.IsFile && ex is IOException or UnauthorizedAccessException)
            {
                ctx.Error($"error: cannot write '{file}': {ex.Message}; the previous file, if any, is unchanged");
                return false;
            }
            return await target.TryCommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Prints every problem of a case that has no plan to standard error.</summary>
    public static void ReportProblems(CliContext ctx, PlannedCase planned)
    {
        ctx.Error($"{planned.Name}: {planned.ErrorSummary}");
        foreach (var line in planned.DescribeProblems()) ctx.Error("  " + line);
    }

    /// <summary>A rule-set diagnostic with its file shown relative to the working directory when possible.</summary>
    private static string PrefixFile(Diagnostic diagnostic, string directory) =>
        diagnostic.File is null || Path.IsPathRooted(diagnostic.File) || diagnostic.Code == DiagnosticCodes.MissingFile && diagnostic.File == directory
            ? diagnostic.ToString()
            : (diagnostic with { File = Path.Combine(directory, diagnostic.File).Replace('\\', '/') }).ToString();
}
