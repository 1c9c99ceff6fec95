using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using PlanRules.Diagnostics;

namespace PlanRules.Hosting;

/// <summary>
/// Chooses the source from the options and loads the first rule set, once: during start-up validation
/// (<see cref="PlanRulesOptionsValidator"/>) or, without a host, when the monitor is first resolved. Owns (and disposes)
/// the built-in sources it creates; a custom source belongs to the container.
/// </summary>
internal sealed class RuleSetBootstrap(IServiceProvider services, ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private InitialLoad? _initial;

    /// <summary>The first load: the source, whether this class created it, the result and, when watching, the change token taken before loading.</summary>
    public sealed record InitialLoad(IRuleSetSource Source, bool OwnsSource, RuleSetLoadResult Result, IChangeToken? ChangeToken);

    /// <summary>A source registered by the host, if any.</summary>
    public IRuleSetSource? CustomSource => services.GetService<IRuleSetSource>();

    public ILogger Logger => logger;

    public InitialLoad GetOrLoad(PlanRulesOptions options)
    {
        lock (_gate)
        {
            return _initial ??= Load(options);
        }
    }

    public void Dispose()
    {
        InitialLoad? initial;
        lock (_gate) initial = _initial;
        if (initial is { OwnsSource: true, Source: IDisposable disposable }) disposable.Dispose();
    }

    private InitialLoad Load(PlanRulesOptions options)
    {
        var custom = CustomSource;
        IRuleSetSource source = custom
            ?? (options.RulesDirectory is null ? new EmbeddedRuleSetSource() : new DirectoryRuleSetSource(options.RulesDirectory));
        var description = source.ToString() ?? source.GetType().Name;

        // Watch before loading, so that an edit made while the first set loads is not missed.
        IChangeToken? token = null;
        if (options.WatchForChanges)
        {
            try
            {
                token = source.Watch();
                if (token is null) HostingLog.WatchNotSupported(logger, description);
            }
#pragma warning disable CA1031 // A source that cannot watch still serves its rules; the failure is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                HostingLog.WatchFailed(logger, ex, description);
            }
        }

        RuleSetLoadResult result;
        if (source is EmbeddedRuleSetSource)
        {
            try
            {
                result = new RuleSetLoadResult(RuleSet.LoadDefault(), []); // compiled once per process and shared
            }
            catch (InvalidOperationException ex)
            {
                result = new RuleSetLoadResult(null, [new Diagnostic("PR1006", DiagnosticSeverity.Error, ex.Message)]);
            }
        }
        else
        {
            // Off the caller's synchronization context: a custom source may await on it.
            result = Task.Run(() => RuleSetSourceLoader.LoadAsync(source, CancellationToken.None)).GetAwaiter().GetResult();
        }

        if (result.RuleSet is { } rules)
        {
            HostingLog.RuleSetLoaded(logger, rules.Identity.Name, rules.Identity.Version, rules.Identity.Sha256, rules.Rules.Count, description);
            HostingLog.Diagnostics(logger, result.Diagnostics);
        }
        else
        {
            HostingLog.InitialLoadFailed(logger, description, result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            HostingLog.Diagnostics(logger, result.Diagnostics);
        }
        return new InitialLoad(source, custom is null, result, token);
    }
}
