using PlanRules.Diagnostics;

namespace PlanRules.Hosting;

/// <summary>
/// The dependency-injection <see cref="IRuleSetMonitor"/>: forwards every member to the monitor the bootstrap loads,
/// so that resolving it loads nothing (a hosted service may take it in its constructor before the start-up step has
/// loaded the rule set); the first member used after start-up finds the set loaded. Thread-safe.
/// </summary>
internal sealed class DeferredRuleSetMonitor(RuleSetBootstrap bootstrap) : IRuleSetMonitor
{
    /// <inheritdoc />
    public RuleSet Current => bootstrap.GetMonitor().Current;

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> LastErrors => bootstrap.GetMonitor().LastErrors;

    /// <inheritdoc />
    public DateTimeOffset? LastReloadFailedAt => bootstrap.GetMonitor().LastReloadFailedAt;

    /// <inheritdoc />
    public event EventHandler<RuleSetChangedEventArgs>? Changed
    {
        add => bootstrap.GetMonitor().Changed += value;
        remove => bootstrap.GetMonitor().Changed -= value;
    }

    /// <inheritdoc />
    public event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed
    {
        add => bootstrap.GetMonitor().ReloadFailed += value;
        remove => bootstrap.GetMonitor().ReloadFailed -= value;
    }

    /// <inheritdoc />
    public async Task<RuleSetLoadResult> ReloadAsync(CancellationToken cancellationToken = default) =>
        await (await bootstrap.GetMonitorAsync(cancellationToken).ConfigureAwait(false)).ReloadAsync(cancellationToken).ConfigureAwait(false);
}
