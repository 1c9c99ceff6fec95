using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PlanRules.Diagnostics;

namespace PlanRules.Hosting;

/// <summary>
/// One registered rule set (the default one, or one per key): chooses its source from its options, loads it once and
/// creates its <see cref="RuleSetMonitor"/>. Loading happens in the host's start-up step
/// (<see cref="PlanRulesStartup"/>, asynchronously) or, without a host, on the first resolution of a service that needs
/// it. A failed load throws <see cref="RuleSetLoadException"/> and is tried again at the next use. Owns (and
/// disposes) its monitor and the built-in sources it creates; a custom source belongs to the container.
/// </summary>
internal sealed class RuleSetBootstrap : IDisposable, IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private readonly Lock _gate = new();
    private readonly PlanRulesInstruments _instruments;
    private RuleSetMonitor? _monitor;
    private IRuleSetSource? _ownedSource;
    private LoadFailure? _failure;
    private bool _disposed;

    public RuleSetBootstrap(string? key, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Key = key;
        _services = services;
        Logger = services.GetService<ILoggerFactory>()?.CreateLogger(HostingLog.Category) ?? NullLogger.Instance;
        _instruments = services.GetRequiredService<PlanRulesInstruments>();
    }

    /// <summary>The first load: the source, whether this class created it, the result and, when watching, the change token taken before loading.</summary>
    public sealed record InitialLoad(IRuleSetSource Source, bool OwnsSource, RuleSetLoadResult Result, IChangeToken? ChangeToken);

    /// <summary>The latest failed first load: how many in a row and the diagnostics of the latest.</summary>
    public sealed record LoadFailure(int Count, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>The key (<c>AddPlanRules("pain", …)</c>); <c>null</c> for the default rule set.</summary>
    public string? Key { get; }

    /// <summary>The name of this rule set's <see cref="PlanRulesOptions"/>.</summary>
    public string OptionsName => Key ?? Options.DefaultName;

    public ILogger Logger { get; }

    public PlanRulesInstruments Instruments => _instruments;

    /// <summary>The monitor once the rule set has loaded; <c>null</c> before (never loads).</summary>
    public RuleSetMonitor? LoadedMonitor => Volatile.Read(ref _monitor);

    /// <summary>The latest failure of the first load while it has not succeeded yet; <c>null</c> otherwise.</summary>
    public LoadFailure? Failure => Volatile.Read(ref _failure);

    /// <summary>Loads the rule set (once) without blocking: the host's start-up step.</summary>
    /// <exception cref="RuleSetLoadException">The rule set did not load.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public async Task<RuleSetMonitor> GetMonitorAsync(CancellationToken cancellationToken)
    {
        if (LoadedMonitor is { } loaded) return loaded;
        await _loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (LoadedMonitor is { } raced) return raced;
            var (options, source, owns, token) = Prepare();
            var result = await LoadAsync(source, cancellationToken).ConfigureAwait(false);
            return Complete(options, new InitialLoad(source, owns, result, token));
        }
        finally
        {
            _loadGate.Release();
        }
    }

    /// <summary>Loads the rule set (once), blocking the caller: the first resolution without a host.</summary>
    /// <exception cref="RuleSetLoadException">The rule set did not load.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public RuleSetMonitor GetMonitor()
    {
        if (LoadedMonitor is { } loaded) return loaded;
        _loadGate.Wait();
        try
        {
            if (LoadedMonitor is { } raced) return raced;
            var (options, source, owns, token) = Prepare();
            // Without a host there is no asynchronous start-up step: the first resolution waits for the load, off the
            // caller's synchronization context (a custom source may await on it). The embedded set loads synchronously.
            var result = source is EmbeddedRuleSetSource
                ? LoadEmbedded()
                : Task.Run(() => LoadAsync(source, CancellationToken.None)).GetAwaiter().GetResult();
            return Complete(options, new InitialLoad(source, owns, result, token));
        }
        finally
        {
            _loadGate.Release();
        }
    }

    public void Dispose()
    {
        var (monitor, source) = MarkDisposed();
        monitor?.Dispose();
        (source as IDisposable)?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        var (monitor, source) = MarkDisposed();
        if (monitor is not null) await monitor.DisposeAsync().ConfigureAwait(false);
        (source as IDisposable)?.Dispose();
    }

    private (RuleSetMonitor? Monitor, IRuleSetSource? Source) MarkDisposed()
    {
        lock (_gate)
        {
            if (_disposed) return (null, null);
            _disposed = true;
            _instruments.Untrack(this);
            return (Volatile.Read(ref _monitor), _ownedSource);
        }
    }

    // Reads the options (validating their values) and chooses the source; watches it before loading, so that an edit
    // made while the first set loads is not missed.
    private (PlanRulesOptions Options, IRuleSetSource Source, bool Owns, IChangeToken? Token) Prepare()
    {
        lock (_gate) ObjectDisposedException.ThrowIf(_disposed, this);
        var options = _services.GetRequiredService<IOptionsMonitor<PlanRulesOptions>>().Get(OptionsName);
        var custom = Key is null ? _services.GetService<IRuleSetSource>() : _services.GetKeyedService<IRuleSetSource>(Key);
        var source = custom
            ?? (options.RulesDirectory is null ? new EmbeddedRuleSetSource() : new DirectoryRuleSetSource(options.RulesDirectory));
        var description = Describe(source);

        IChangeToken? token = null;
        if (options.WatchForChanges)
        {
            try
            {
                token = source.Watch();
                if (token is null) HostingLog.WatchNotSupported(Logger, description);
            }
#pragma warning disable CA1031 // A source that cannot watch still serves its rules; the failure is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                HostingLog.WatchFailed(Logger, ex, description);
            }
        }
        return (options, source, custom is null, token);
    }

    private async Task<RuleSetLoadResult> LoadAsync(IRuleSetSource source, CancellationToken cancellationToken) =>
        source is EmbeddedRuleSetSource
            ? LoadEmbedded()
            : await RuleSetSourceLoader.LoadAsync(source, cancellationToken, Logger).ConfigureAwait(false);

    private static RuleSetLoadResult LoadEmbedded()
    {
        try
        {
            return new RuleSetLoadResult(RuleSet.LoadDefault(), []); // compiled once per process and shared
        }
        catch (InvalidOperationException ex)
        {
            return new RuleSetLoadResult(null, [new Diagnostic(DiagnosticCodes.MissingFile, DiagnosticSeverity.Error, ex.Message)]);
        }
    }

    // Called under the load gate.
    private RuleSetMonitor Complete(PlanRulesOptions options, InitialLoad initial)
    {
        var description = Describe(initial.Source);
        if (initial.Result.RuleSet is not { } rules)
        {
            HostingLog.InitialLoadFailed(Logger, description, initial.Result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            HostingLog.Diagnostics(Logger, initial.Result.Diagnostics);
            if (initial.OwnsSource) (initial.Source as IDisposable)?.Dispose();
            Volatile.Write(ref _failure, new LoadFailure((_failure?.Count ?? 0) + 1, initial.Result.Diagnostics));
            throw new RuleSetLoadException(Key, description, initial.Result.Diagnostics);
        }

        HostingLog.RuleSetLoaded(Logger, rules.Identity.Name, rules.Identity.Version, rules.Identity.Sha256, rules.Rules.Count, description);
        HostingLog.Diagnostics(Logger, initial.Result.Diagnostics);
        var monitor = new RuleSetMonitor(initial, options, this, _services.GetService<TimeProvider>() ?? TimeProvider.System);
        lock (_gate)
        {
            if (_disposed)
            {
                monitor.Dispose();
                if (initial.OwnsSource) (initial.Source as IDisposable)?.Dispose();
                throw new ObjectDisposedException(GetType().FullName);
            }
            if (initial.OwnsSource) _ownedSource = initial.Source;
            Volatile.Write(ref _failure, null);
            Volatile.Write(ref _monitor, monitor);
        }
        _instruments.Track(this);
        return monitor;
    }

    internal static string Describe(IRuleSetSource source) => source.ToString() ?? source.GetType().Name;
}
