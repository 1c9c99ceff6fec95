namespace PlanRules.Hosting;

/// <summary>
/// Settings of the dependency-injection integration registered by
/// <see cref="PlanRulesServiceCollectionExtensions.AddPlanRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{PlanRulesOptions})"/>.
/// Validated once, when the host starts (or when the first PlanRules service is resolved): a bad value, a missing
/// directory or a rule set that does not load fails start-up with a message naming the value and every diagnostic.
/// Read once; later changes to the options are not observed.
/// </summary>
public sealed class PlanRulesOptions
{
    /// <summary>The largest accepted <see cref="ReloadDebounce"/>: one minute.</summary>
    public static readonly TimeSpan MaxReloadDebounce = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The rule-set folder to load (every <c>*.json</c> below it, except <c>*.schema.json</c>), e.g. <c>rules</c>. A
    /// relative path is resolved against the current directory when the options are validated. <c>null</c> uses the
    /// shipped rule set embedded in the PlanRules assembly (<see cref="RuleSet.LoadDefault"/>). Must not be set
    /// together with a custom <see cref="IRuleSetSource"/>.
    /// </summary>
    /// <value>Defaults to <c>null</c>: the embedded shipped rule set.</value>
    public string? RulesDirectory { get; set; }

    /// <summary>
    /// Whether to reload the rule set when its source reports a change (for <see cref="RulesDirectory"/>: any
    /// <c>*.json</c> file created, changed, renamed or deleted below it). A change is loaded and validated in the
    /// background and swapped in atomically; a rule set with errors is never swapped in, and the last good one keeps
    /// serving (see <see cref="IRuleSetMonitor"/>). Sources that never change (the embedded rule set) ignore it.
    /// </summary>
    /// <value>Defaults to <c>false</c>.</value>
    public bool WatchForChanges { get; set; }

    /// <summary>
    /// How long the source must stay quiet after a change before it is reloaded, so that an editor's or a deployment's
    /// burst of writes is loaded once. Must be greater than zero and at most <see cref="MaxReloadDebounce"/>.
    /// </summary>
    /// <value>Defaults to 500 milliseconds.</value>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(500);
}
