using Microsoft.Extensions.Logging;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Hosting;

/// <summary>
/// Reads a source and validates its files on a thread-pool thread. Never throws but for cancellation: a source that
/// throws (or returns no files, or a file without path or content) becomes a PR1006 diagnostic, and any unexpected
/// exception of validation or compilation a PR2099 diagnostic (logged with the exception as event 115).
/// </summary>
internal static class RuleSetSourceLoader
{
    /// <summary>The outcome of one load and the fingerprint of what was read (see <see cref="FingerprintAsync"/>).</summary>
    public sealed record Outcome(RuleSetLoadResult Result, string Fingerprint);

    public static async Task<RuleSetLoadResult> LoadAsync(IRuleSetSource source, CancellationToken cancellationToken, ILogger? logger = null) =>
        (await LoadWithFingerprintAsync(source, logger, cancellationToken).ConfigureAwait(false)).Result;

    public static async Task<Outcome> LoadWithFingerprintAsync(IRuleSetSource source, ILogger? logger, CancellationToken cancellationToken)
    {
        var (files, failure, fingerprint) = await ReadAsync(source, cancellationToken).ConfigureAwait(false);
        if (files is null) return new Outcome(failure!, fingerprint);
        RuleSetLoadResult result;
        try
        {
            result = await Task.Run(() => RuleSet.Load(files, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An unexpected failure of validation or compilation is a defect; it is reported as a diagnostic, never thrown at a caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result = Unexpected(ex, source, logger);
        }
        return new Outcome(result, fingerprint);
    }

    /// <summary>
    /// The fingerprint of the source's content now: the SHA-256 the rule set would have when it loads (its
    /// <see cref="RuleSetIdentity.Sha256"/>), or a word naming why the files cannot be read. Two reads of unchanged
    /// content give the same fingerprint, so a poll can tell whether anything changed since the last load.
    /// </summary>
    public static async Task<string> FingerprintAsync(IRuleSetSource source, CancellationToken cancellationToken) =>
        (await ReadAsync(source, cancellationToken).ConfigureAwait(false)).Fingerprint;

    /// <summary>A PR2099 result for an exception nothing expected; logs the exception.</summary>
    public static RuleSetLoadResult Unexpected(Exception exception, IRuleSetSource source, ILogger? logger)
    {
        if (logger is not null) HostingLog.LoadCrashed(logger, exception, source.ToString() ?? source.GetType().Name);
        return new RuleSetLoadResult(null,
        [
            new Diagnostic(DiagnosticCodes.InternalCompileFailure, DiagnosticSeverity.Error,
                $"internal: loading the rule set failed unexpectedly ({exception.GetType().Name}); this is a defect of PlanRules, logged with its details")
            { Suggestion = "report it, with the rule files" },
        ]);
    }

    private static async Task<(IReadOnlyList<RuleSourceFile>? Files, RuleSetLoadResult? Failure, string Fingerprint)> ReadAsync(IRuleSetSource source, CancellationToken cancellationToken)
    {
        IReadOnlyList<RuleSourceFile> files;
        string fingerprint;
        try
        {
            files = await source.LoadAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"{source.GetType().Name}.LoadAsync returned null.");
            if (files.Any(f => f?.Path is null || f.Content is null))
                throw new InvalidOperationException($"{source.GetType().Name}.LoadAsync returned a file without a path or content.");
            fingerprint = RuleSetLoader.Hash(files.Where(f => !RuleSet.IsIgnored(f.Path)).Select(f => f with { Path = f.Path.Replace('\\', '/') }));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a host-supplied source is reported as a diagnostic, never thrown at a caller planning cases.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (null,
                new RuleSetLoadResult(null, [new Diagnostic(DiagnosticCodes.MissingFile, DiagnosticSeverity.Error, $"the rule files could not be read from {source}: {ex.Message}")]),
                "unreadable: " + ex.GetType().FullName);
        }
        return (files, null, fingerprint);
    }
}
