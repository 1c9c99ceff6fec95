using PlanRules.Diagnostics;

namespace PlanRules.Hosting;

/// <summary>
/// The rule set the dependency-injection <see cref="IPlanRecommender"/> plans with, and the state of its reloads.
/// Registered as a singleton by <c>AddPlanRules</c>. Thread-safe.
/// </summary>
/// <remarks>
/// A new rule set is loaded and validated in the background and swapped in atomically: a reader sees either the old
/// set or the new one, never a mixture, and an evaluation in flight finishes on the set it started with. A rule set
/// with any error is never swapped in; its diagnostics are exposed in <see cref="LastErrors"/> and logged, and the
/// last good set keeps serving. Every plan names the set it used (<c>plan.RuleSet.Sha256</c>).
/// </remarks>
public interface IRuleSetMonitor
{
    /// <summary>The rule set in use now: the last one that loaded without errors. Never <c>null</c>.</summary>
    RuleSet Current { get; }

    /// <summary>
    /// Every diagnostic of the latest reload if it failed (file, line, code, rule and message; never patient data);
    /// empty when the latest load succeeded.
    /// </summary>
    IReadOnlyList<Diagnostic> LastErrors { get; }

    /// <summary>When the latest reload failed; <c>null</c> when the latest load succeeded.</summary>
    DateTimeOffset? LastReloadFailedAt { get; }

    /// <summary>
    /// Raised after a rule set with a different hash was swapped in, on the thread that loaded it. A handler that
    /// throws is logged and does not stop the monitor.
    /// </summary>
    event EventHandler<RuleSetChangedEventArgs>? Changed;

    /// <summary>
    /// Raised after a reload failed (the previous set keeps serving), on the thread that loaded it. A handler that
    /// throws is logged and does not stop the monitor.
    /// </summary>
    event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed;

    /// <summary>
    /// Loads the rule set from its source now (whether or not changes are watched), validates it on a thread-pool
    /// thread and swaps it in when it loaded without errors and differs from <see cref="Current"/>. Reloads run one at
    /// a time. Bad content does not throw: it is returned, logged and exposed in <see cref="LastErrors"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reload; a cancelled reload changes nothing.</param>
    /// <returns>The load result: the new rule set, or <c>null</c> and every diagnostic.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The monitor was disposed.</exception>
    Task<RuleSetLoadResult> ReloadAsync(CancellationToken cancellationToken = default);
}
