using PlanRules.Diagnostics;

namespace PlanRules.Hosting;

/// <summary>Data of <see cref="IRuleSetMonitor.ReloadFailed"/>: why the reload failed and the rule set still in use. Immutable.</summary>
public sealed class RuleSetReloadFailedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="diagnostics">Every diagnostic of the failed load.</param>
    /// <param name="failedAt">When the reload failed.</param>
    /// <param name="current">The rule set that keeps serving.</param>
    public RuleSetReloadFailedEventArgs(IReadOnlyList<Diagnostic> diagnostics, DateTimeOffset failedAt, RuleSet current)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(current);
        Diagnostics = diagnostics;
        FailedAt = failedAt;
        Current = current;
    }

    /// <summary>Every diagnostic of the failed load (file, line, code, rule and message).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>When the reload failed.</summary>
    public DateTimeOffset FailedAt { get; }

    /// <summary>The last good rule set, which keeps serving.</summary>
    public RuleSet Current { get; }
}
