using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PlanRules.Diagnostics;

namespace PlanRules.Hosting;

/// <summary>
/// Holds the rule set in use and reloads it: on a change reported by the source (debounced by one background worker)
/// or on <see cref="ReloadAsync"/>. Reloads run one at a time; the state (rule set, its recommender, last errors) is an
/// immutable snapshot replaced with one volatile write, so readers never see a half-loaded set. Every reload ends in
/// the state and an event: whatever goes wrong (a source that throws, an unexpected exception) is a failed reload with
/// diagnostics, never an exception, and the last good set keeps serving. With watching on, the source's content is
/// also polled (<see cref="PlanRulesOptions.PollInterval"/>) as a fallback for lost file-system events.
/// </summary>
internal sealed class RuleSetMonitor : IRuleSetMonitor, IDisposable, IAsyncDisposable
{
    private readonly IRuleSetSource _source;
    private readonly string _sourceName;
    private readonly TimeSpan _debounce;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PlanRulesInstruments _instruments;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private readonly IDisposable? _watch;
    private readonly TimeSpan _pollInterval;
    private readonly ITimer? _pollTimer;
    private int _polling;
    private string _lastFingerprint;
    private State _state;
    private long _lastChange;
    private bool _changePending;
    private Task? _worker;
    private bool _disposed;

    public RuleSetMonitor(RuleSetBootstrap.InitialLoad initial, PlanRulesOptions settings, RuleSetBootstrap owner, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(time);
        var rules = initial.Result.RuleSet ?? throw new ArgumentException("The initial load must have succeeded.", nameof(initial));
        _source = initial.Source;
        _sourceName = RuleSetBootstrap.Describe(_source);
        _debounce = settings.ReloadDebounce;
        _logger = owner.Logger;
        _instruments = owner.Instruments;
        Key = owner.Key;
        _time = time;
        _state = new State(rules, new PlanRecommender(rules), [], null, 0);
        _lastFingerprint = rules.Identity.Sha256; // the fingerprint of a load that succeeded is the rule set's hash

        if (initial.ChangeToken is { } first)
        {
            HostingLog.WatchingStarted(_logger, _sourceName, _debounce.TotalMilliseconds);
            var firstUsed = 0;
            // The first token was taken before the first load: a change made since then fires at once.
            _watch = ChangeToken.OnChange(() => Interlocked.Exchange(ref firstUsed, 1) == 0 ? first : NextChangeToken(), OnSourceChanged);
            // Only sources that report changes are polled: the fallback for the events they may lose.
            _pollInterval = settings.PollInterval <= TimeSpan.Zero ? Timeout.InfiniteTimeSpan
                : settings.PollInterval < PlanRulesOptions.MinPollInterval ? PlanRulesOptions.MinPollInterval : settings.PollInterval;
            if (_pollInterval != Timeout.InfiniteTimeSpan)
                _pollTimer = _time.CreateTimer(static state => ((RuleSetMonitor)state!).OnPollTimer(), this, _pollInterval, _pollInterval);
        }
    }

    /// <inheritdoc />
    public event EventHandler<RuleSetChangedEventArgs>? Changed;

    /// <inheritdoc />
    public event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed;

    /// <inheritdoc />
    public RuleSet Current => Volatile.Read(ref _state).Rules;

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> LastErrors => Volatile.Read(ref _state).Errors;

    /// <inheritdoc />
    public DateTimeOffset? LastReloadFailedAt => Volatile.Read(ref _state).FailedAt;

    /// <summary>The rule set and its recommender, read together once per evaluation.</summary>
    internal State CurrentState => Volatile.Read(ref _state);

    /// <summary>The instruments plans and reloads are counted with.</summary>
    internal PlanRulesInstruments Instruments => _instruments;

    /// <summary>The key of the rule set (<c>null</c> for the default one).</summary>
    internal string? Key { get; }

    /// <inheritdoc />
    public async Task<RuleSetLoadResult> ReloadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) ObjectDisposedException.ThrowIf(_disposed, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        return await ReloadCoreAsync(superseded: null, linked.Token).ConfigureAwait(false);
    }

    /// <summary>Stops watching and cancels a reload in progress, without waiting for it.</summary>
    public void Dispose()
    {
        if (!MarkDisposed(out _)) return;
        _watch?.Dispose();
        _pollTimer?.Dispose();
        _lifetime.Cancel();
        HostingLog.WatchingStopped(_logger, _sourceName);
    }

    /// <summary>Stops watching, cancels a reload in progress and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!MarkDisposed(out var worker)) return;
        _watch?.Dispose();
        if (_pollTimer is not null) await _pollTimer.DisposeAsync().ConfigureAwait(false);
        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (worker is not null) await worker.ConfigureAwait(false); // the worker never throws
        await _reloadGate.WaitAsync().ConfigureAwait(false);        // a manual reload in flight has ended (it was cancelled)
        HostingLog.WatchingStopped(_logger, _sourceName);
    }

    private bool MarkDisposed(out Task? worker)
    {
        lock (_gate)
        {
            worker = _worker;
            if (_disposed) return false;
            _disposed = true;
            return true;
        }
    }

    private IChangeToken? NextChangeToken()
    {
        lock (_gate)
        {
            if (_disposed) return null;
        }
        try
        {
            return _source.Watch();
        }
        catch (ObjectDisposedException)
        {
            return null; // the host is shutting down
        }
#pragma warning disable CA1031 // Runs on the source's notification thread: a failure must not escape; it is logged and watching stops.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HostingLog.WatchFailed(_logger, ex, _sourceName);
            return null;
        }
    }

    private void OnSourceChanged()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _lastChange = _time.GetTimestamp();
            _changePending = true;
            if (_worker is not null) return; // the running worker sees the new change and waits for quiet again
            _worker = Task.Run(DebounceAndReloadAsync);
        }
        HostingLog.ChangeDetected(_logger, _sourceName, _debounce.TotalMilliseconds);
    }

    // One worker at a time: waits until the source has been quiet for the debounce, reloads, and goes on while changes
    // keep arriving. Never throws.
    private async Task DebounceAndReloadAsync()
    {
        var token = _lifetime.Token;
        try
        {
            while (true)
            {
                while (true)
                {
                    TimeSpan wait;
                    lock (_gate) wait = _debounce - _time.GetElapsedTime(_lastChange);
                    if (wait <= TimeSpan.Zero) break;
                    await Task.Delay(wait, _time, token).ConfigureAwait(false);
                }
                lock (_gate) _changePending = false;
                await ReloadCoreAsync(() => Volatile.Read(ref _changePending), token).ConfigureAwait(false);
                lock (_gate)
                {
                    if (!_changePending || _disposed)
                    {
                        _worker = null;
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            HostingLog.ReloadCancelled(_logger, _sourceName);
        }
#pragma warning disable CA1031 // A background reload must never crash the host; the current rule set keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HostingLog.ReloadCrashed(_logger, ex, _sourceName);
        }
        lock (_gate) _worker = null;
    }

    private async Task<RuleSetLoadResult> ReloadCoreAsync(Func<bool>? superseded, CancellationToken cancellationToken)
    {
        EventArgs? raise;
        RuleSetLoadResult result;
        await _reloadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Never throws but for cancellation: a source failure is PR1006, anything unexpected PR2099.
            var outcome = await RuleSetSourceLoader.LoadWithFingerprintAsync(_source, _logger, cancellationToken).ConfigureAwait(false);
            result = outcome.Result;
            Volatile.Write(ref _lastFingerprint, outcome.Fingerprint);
            cancellationToken.ThrowIfCancellationRequested();
            if (superseded?.Invoke() == true)
            {
                // A newer change arrived while loading: the worker loads again, and only that result counts.
                HostingLog.ReloadCancelled(_logger, _sourceName);
                return result;
            }
            try
            {
                raise = Apply(result);
            }
#pragma warning disable CA1031 // Swapping in must not fail a reload silently: the failure is recorded like any other.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = RuleSetSourceLoader.Unexpected(ex, _source, _logger);
                raise = Apply(result); // a result without a rule set only records the failure: it cannot throw
            }
        }
        finally
        {
            _reloadGate.Release();
        }
        switch (raise)
        {
            case RuleSetChangedEventArgs changed:
                Raise(Changed, changed, nameof(Changed));
                break;
            case RuleSetReloadFailedEventArgs failed:
                Raise(ReloadFailed, failed, nameof(ReloadFailed));
                break;
        }
        return result;
    }

    // Called under the reload gate: the only writer of _state.
    private EventArgs? Apply(RuleSetLoadResult result)
    {
        var previous = Volatile.Read(ref _state);
        if (result.RuleSet is not { } rules)
        {
            var failedAt = _time.GetUtcNow();
            Volatile.Write(ref _state, previous with { Errors = result.Diagnostics, FailedAt = failedAt, ConsecutiveFailures = previous.ConsecutiveFailures + 1 });
            var old = previous.Rules.Identity;
            Count("failed", old);
            HostingLog.ReloadFailed(_logger, _sourceName, result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), old.Name, old.Version, old.Sha256);
            HostingLog.Diagnostics(_logger, result.Diagnostics);
            return new RuleSetReloadFailedEventArgs(result.Diagnostics, failedAt, previous.Rules);
        }

        var identity = rules.Identity;
        if (identity.Sha256 == previous.Rules.Identity.Sha256)
        {
            // Same content: keep the compiled set in use (its recommender is warm); a successful load clears errors.
            if (previous.Errors.Count > 0 || previous.FailedAt is not null)
            {
                Volatile.Write(ref _state, previous with { Errors = [], FailedAt = null, ConsecutiveFailures = 0 });
                HostingLog.ReloadRecovered(_logger, _sourceName, identity.Name, identity.Version, identity.Sha256);
            }
            else
            {
                HostingLog.RuleSetUnchanged(_logger, _sourceName, identity.Name, identity.Version, identity.Sha256);
            }
            HostingLog.Diagnostics(_logger, result.Diagnostics);
            Count("unchanged", identity);
            return null;
        }

        Volatile.Write(ref _state, new State(rules, new PlanRecommender(rules), [], null, 0));
        Count("changed", identity);
        var replaced = previous.Rules.Identity;
        HostingLog.RuleSetSwapped(_logger, identity.Name, identity.Version, identity.Sha256, rules.Rules.Count, _sourceName, replaced.Version, replaced.Sha256);
        HostingLog.Diagnostics(_logger, result.Diagnostics);
        return new RuleSetChangedEventArgs(previous.Rules, rules);
    }

    private void Count(string outcome, PlanRules.Rules.RuleSetIdentity identity)
    {
        var tags = PlanRulesInstruments.Tags(Key, identity);
        if (outcome == "failed") _instruments.ReloadFailures.Add(1, tags);
        tags.Add(PlanRulesTelemetry.ReloadOutcomeTag, outcome);
        _instruments.Reloads.Add(1, tags);
    }

    private void OnPollTimer()
    {
        lock (_gate)
        {
            // A reload is coming or running: it reads the content anyway.
            if (_disposed || _worker is not null || _changePending) return;
        }
        if (Interlocked.Exchange(ref _polling, 1) == 1) return; // the previous poll is still reading
        _ = Task.Run(PollAsync);
    }

    // Reads the content and reloads when it differs from what the last load read. Never throws.
    private async Task PollAsync()
    {
        var token = _lifetime.Token;
        try
        {
            var fingerprint = await RuleSetSourceLoader.FingerprintAsync(_source, token).ConfigureAwait(false);
            if (fingerprint == Volatile.Read(ref _lastFingerprint)) return;
            lock (_gate)
            {
                if (_disposed || _worker is not null || _changePending) return;
            }
            HostingLog.PollDetectedChange(_logger, _sourceName);
            // The folder may have been replaced behind its watcher's back: watch the one now at the path.
            if (_source is DirectoryRuleSetSource directory) directory.Rearm();
            OnSourceChanged();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A poll runs on a timer: a failure must not escape; it is logged and the next tick tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HostingLog.PollFailed(_logger, ex, _sourceName, _pollInterval.TotalMilliseconds);
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    private void Raise<TArgs>(EventHandler<TArgs>? handlers, TArgs args, string eventName)
        where TArgs : EventArgs
    {
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<TArgs>>())
        {
            try
            {
                handler(this, args);
            }
#pragma warning disable CA1031 // One subscriber's failure must not stop the others or the monitor.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                HostingLog.EventHandlerFailed(_logger, ex, eventName);
            }
        }
    }

    /// <summary>An immutable snapshot: the rule set in use, its recommender, the latest reload's errors and how many reloads in a row failed.</summary>
    internal sealed record State(RuleSet Rules, PlanRecommender Recommender, IReadOnlyList<Diagnostic> Errors, DateTimeOffset? FailedAt, int ConsecutiveFailures);
}
