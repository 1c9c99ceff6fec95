namespace PlanRules.Hosting;

/// <summary>Data of <see cref="IRuleSetMonitor.Changed"/>: the rule set that was replaced and the one now in use. Immutable.</summary>
public sealed class RuleSetChangedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="previous">The rule set that was replaced.</param>
    /// <param name="current">The rule set now in use.</param>
    public RuleSetChangedEventArgs(RuleSet previous, RuleSet current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        Previous = previous;
        Current = current;
    }

    /// <summary>The rule set that was replaced; evaluations that started on it finish on it.</summary>
    public RuleSet Previous { get; }

    /// <summary>The rule set now in use.</summary>
    public RuleSet Current { get; }
}
