using System.CommandLine;
using PlanRules.IO;

namespace PlanRules.Cli.Commands;

/// <summary>
/// <c>-o, --output FILE</c> as every writing command takes it (<c>-</c>: standard output), with the hidden deprecated
/// <c>--out</c> it replaces.
/// </summary>
internal sealed class OutputOption
{
    private OutputOption(Option<string?> output, Option<string?> legacy)
    {
        Output = output;
        Legacy = legacy;
    }

    /// <summary><c>-o, --output FILE</c>.</summary>
    public Option<string?> Output { get; }

    /// <summary><c>--out FILE</c>: hidden, deprecated.</summary>
    public Option<string?> Legacy { get; }

    public static OutputOption Create(string what = "the output")
    {
        var output = new Option<string?>("--output", "-o")
        {
            Description = $"Write {what} to FILE instead of standard output ('-': standard output). The file is written to a temporary "
                          + "file beside it and renamed into place when complete: a failed run leaves the previous file as it was.",
            HelpName = "FILE",
        };
        var legacy = new Option<string?>("--out") { Description = "Deprecated: use -o/--output.", HelpName = "FILE", Hidden = true };
        return new OutputOption(output, legacy);
    }

    /// <summary>Adds both options and a check that only one of them is given.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Output);
        command.Options.Add(Legacy);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Output) is not null && result.GetResult(Legacy) is not null)
                result.AddError("give -o/--output only (--out is its deprecated name)");
        });
    }

    /// <summary>The file to write, or <c>null</c> for standard output; a deprecation notice on standard error for <c>--out</c>.</summary>
    public string? Resolve(ParseResult parsed, CliContext ctx)
    {
        var file = parsed.GetValue(Output);
        if (file is null && parsed.GetValue(Legacy) is { } legacy)
        {
            ctx.Error("warning: --out is deprecated; use -o/--output");
            file = legacy;
        }
        return file is "-" ? null : file;
    }
}

/// <summary>
/// Where a command's output goes: standard output, or a file written atomically (a temporary file beside it, renamed over
/// it by <see cref="TryCommitAsync"/>; disposed without a commit, the temporary file goes and the previous file stays).
/// </summary>
internal sealed class OutputTarget : IAsyncDisposable
{
    private readonly AtomicFile? _file;

    private OutputTarget(CliContext ctx, AtomicFile? file, string? path)
    {
        _file = file;
        Path = path;
        Context = file is null ? ctx : ctx.WithOutput(file.Writer);
    }

    /// <summary>The file, or <c>null</c> for standard output.</summary>
    public string? Path { get; }

    /// <summary>Whether the output goes to a file.</summary>
    public bool IsFile => _file is not null;

    /// <summary>A context whose standard output is the target (plain lines in a file).</summary>
    public CliContext Context { get; }

    /// <summary>The writer of the target.</summary>
    public TextWriter Writer => Context.Out;

    /// <summary>Opens the target; <c>null</c> after an error line when the file cannot be created.</summary>
    public static OutputTarget? Open(CliContext ctx, string? path)
    {
        if (path is null) return new OutputTarget(ctx, null, null);
        try
        {
            return new OutputTarget(ctx, AtomicFile.Create(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            ctx.Error($"error: cannot write '{path}': {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Completes the output: renames the file into place, or flushes standard output; <c>false</c> after an error line when
    /// the file cannot be written (e.g. a full disk: the previous file stays).
    /// </summary>
    public async Task<bool> TryCommitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_file is null)
        {
            await Context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        try
        {
            _file.Commit();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Context.Error($"error: cannot write '{Path}': {ex.Message}; the previous file, if any, is unchanged");
            return false;
        }
    }

    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;
}
