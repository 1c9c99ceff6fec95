using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PlanRules.Hosting;

namespace PlanRules;

/// <summary>
/// Registers PlanRules with a <see cref="IServiceCollection"/>: <see cref="IPlanRecommender"/> and
/// <see cref="IRuleSetMonitor"/> as singletons, with <see cref="PlanRulesOptions"/> validated at start-up.
/// </summary>
/// <example>
/// <code>
/// using PlanRules;
///
/// builder.Services.AddPlanRules();                                   // the shipped rules, embedded in the assembly
/// builder.Services.AddPlanRules(o =>                                 // a folder, reloaded when it changes
/// {
///     o.RulesDirectory = "rules";
///     o.WatchForChanges = true;
/// });
/// builder.Services.AddPlanRules&lt;MyDatabaseRuleSource&gt;();             // rules kept elsewhere
///
/// IPlanRecommender recommender = provider.GetRequiredService&lt;IPlanRecommender&gt;();
/// </code>
/// </example>
/// <remarks>
/// The rule set is loaded once, when the host starts (<c>ValidateOnStart</c>) or, without a host, when the first
/// PlanRules service is resolved. Start-up fails with an <see cref="OptionsValidationException"/> whose message names
/// the bad value (a debounce out of range, a folder that does not exist) or lists every diagnostic of a rule set that
/// does not load. Logging (category <c>PlanRules.Hosting</c>) and <see cref="TimeProvider"/> are taken from the
/// container when registered. Calling these methods again adds the configuration delegate and registers nothing twice.
/// </remarks>
public static class PlanRulesServiceCollectionExtensions
{
    /// <summary>Registers PlanRules with the shipped rule set embedded in the PlanRules assembly.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPlanRules(this IServiceCollection services) => AddPlanRules(services, static _ => { });

    /// <summary>Registers PlanRules configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="PlanRulesOptions"/>, e.g. <c>o =&gt; { o.RulesDirectory = "rules"; o.WatchForChanges = true; }</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPlanRules(this IServiceCollection services, Action<PlanRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PlanRulesOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlanRulesOptions>, PlanRulesOptionsValidator>());
        services.TryAddSingleton(static sp => new RuleSetBootstrap(
            sp,
            sp.GetService<ILoggerFactory>()?.CreateLogger(HostingLog.Category) ?? NullLogger.Instance));
        services.TryAddSingleton(static sp => new RuleSetMonitor(
            sp.GetRequiredService<RuleSetBootstrap>(),
            sp.GetRequiredService<IOptionsMonitor<PlanRulesOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<IRuleSetMonitor>(static sp => sp.GetRequiredService<RuleSetMonitor>());
        services.TryAddSingleton<IPlanRecommender>(static sp => new MonitoredPlanRecommender(sp.GetRequiredService<RuleSetMonitor>()));
        return services;
    }

    /// <summary>
    /// Registers PlanRules with rules supplied by <typeparamref name="TSource"/> (e.g. read from the host's database),
    /// created by the container as a singleton. <see cref="PlanRulesOptions.RulesDirectory"/> must then stay
    /// <c>null</c>; with <see cref="PlanRulesOptions.WatchForChanges"/> on, the source's
    /// <see cref="IRuleSetSource.Watch"/> token triggers reloads.
    /// </summary>
    /// <typeparam name="TSource">The source; replaces any <see cref="IRuleSetSource"/> registered before.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="PlanRulesOptions"/>; optional.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPlanRules<TSource>(this IServiceCollection services, Action<PlanRulesOptions>? configure = null)
        where TSource : class, IRuleSetSource
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IRuleSetSource, TSource>());
        return AddPlanRules(services, configure ?? (static _ => { }));
    }
}
