using System.ComponentModel.DataAnnotations;

namespace PlanRules.Hosting;

/// <summary>
/// Settings of the dependency-injection integration registered by
/// <see cref="PlanRulesServiceCollectionExtensions.AddPlanRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{PlanRulesOptions})"/>.
/// Named options: the default rule set's are unnamed, a keyed rule set's (<c>AddPlanRules("pain", …)</c>) are named
/// after its key. Their values are validated when the host starts (<c>ValidateOnStart</c>) or when the rule set is
/// first used, without reading any file: a bad value fails with an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
/// naming it. The rule set is loaded afterwards, in the host's start-up step; one that does not load (a folder that
/// does not exist, a rule file with errors) fails start-up with a <see cref="RuleSetLoadException"/> listing every
/// diagnostic. Read once; later changes to the options are not observed.
/// </summary>
public sealed class PlanRulesOptions
{
    /// <summary>The largest accepted <see cref="ReloadDebounce"/>: one minute.</summary>
    public static readonly TimeSpan MaxReloadDebounce = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The rule-set folder to load (every <c>*.json</c> below it, except <c>*.schema.json</c>), e.g. <c>rules</c>. A
    /// relative path is resolved against the current directory when the rule set is loaded. <c>null</c> uses the
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
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = "PlanRules: {0} must be greater than zero and at most {2}.")]
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The smallest effective <see cref="PollInterval"/>: 100 milliseconds; a smaller positive value is raised to it.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// With <see cref="WatchForChanges"/> on, how often the content of a watched source is also read and hashed, as a
    /// fallback for changes that file-system events miss (a folder replaced by a deployment, a network file system, a
    /// lost event). A hash that differs from the last load's triggers a reload (and, for <see cref="RulesDirectory"/>,
    /// re-arms the watcher on the folder now at that path). A folder that is missing counts as a content: its
    /// disappearance is reported as a failed reload (the last good rule set keeps serving) and its return is picked up.
    /// <see cref="TimeSpan.Zero"/> or a negative value (such as <see cref="Timeout.InfiniteTimeSpan"/>) turns polling
    /// off; a positive value below <see cref="MinPollInterval"/> is raised to it. Only sources that report changes are
    /// polled (never the embedded rule set).
    /// </summary>
    /// <value>Defaults to 10 seconds; at most one day.</value>
    [Range(typeof(TimeSpan), "-10675199.02:48:05.4775808", "1.00:00:00", ErrorMessage = "PlanRules: {0} must be at most {2} (zero or negative turns polling off).")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
