using PlanRules.Rules;

namespace PlanRules.Hosting;

/// <summary>Reads a source and validates its files on a thread-pool thread; a source that throws becomes a PR1006 diagnostic.</summary>
internal static class RuleSetSourceLoader
{
    public static async Task<RuleSetLoadResult> LoadAsync(IRuleSetSource source, CancellationToken cancellationToken)
    {
        IReadOnlyList<RuleSourceFile> files;
        try
        {
            files = await source.LoadAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"{source.GetType().Name}.LoadAsync returned null.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a host-supplied source is reported as a diagnostic, never thrown at a caller planning cases.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new RuleSetLoadResult(null, [new Diagnostic("PR1006", DiagnosticSeverity.Error, $"the rule files could not be read from {source}: {ex.Message}")]);
        }
        return await Task.Run(() => RuleSet.Load(files, cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}
