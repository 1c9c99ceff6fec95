using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PlanRules.Hosting;

namespace PlanRules;

/// <summary>
/// Registers PlanRules with a <see cref="IServiceCollection"/>: <see cref="IPlanRecommender"/> and
/// <see cref="IRuleSetMonitor"/> as singletons (keyed ones for <c>AddPlanRules("pain", …)</c>), with
/// <see cref="PlanRulesOptions"/> validated at start-up and the rule set loaded in a start-up step.
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
/// builder.Services.AddPlanRules("pain", o => o.RulesDirectory = "rules-pain"); // a second, keyed rule set
///
/// IPlanRecommender recommender = provider.GetRequiredService&lt;IPlanRecommender&gt;();
/// IPlanRecommender pain = provider.GetRequiredKeyedService&lt;IPlanRecommender&gt;("pain");
/// </code>
/// </example>
/// <remarks>
/// Options are validated (their values only; nothing is read or loaded) when the host starts
/// (<c>ValidateOnStart</c>): a bad value fails with an <see cref="OptionsValidationException"/>. Then, still during
/// start-up (an <see cref="IHostedLifecycleService"/>), every registered rule set is loaded asynchronously; one that
/// does not load fails start-up with a <see cref="RuleSetLoadException"/> listing every diagnostic. Without a host, a
/// rule set is loaded on the first use of its <see cref="IPlanRecommender"/> or <see cref="IRuleSetMonitor"/> (resolving them loads nothing).
/// Logging (category <c>PlanRules.Hosting</c>), <see cref="TimeProvider"/> and <see cref="IMeterFactory"/> are taken
/// from the container when registered. Calling the unkeyed methods again adds the configuration delegate and registers
/// nothing twice; registering the same key twice throws.
/// </remarks>
public static class PlanRulesServiceCollectionExtensions
{
    /// <summary>Registers the default rule set: the shipped one, embedded in the PlanRules assembly.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPlanRules(this IServiceCollection services) => AddPlanRules(services, static _ => { });

    /// <summary>Registers the default rule set, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="PlanRulesOptions"/>, e.g. <c>o =&gt; { o.RulesDirectory = "rules"; o.WatchForChanges = true; }</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPlanRules(this IServiceCollection services, Action<PlanRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services, key: null, configure);
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

    /// <summary>
    /// Registers a keyed rule set beside the default one: <see cref="IPlanRecommender"/> and
    /// <see cref="IRuleSetMonitor"/> as keyed singletons (<c>[FromKeyedServices("pain")] IPlanRecommender</c>,
    /// <c>GetRequiredKeyedService&lt;IPlanRecommender&gt;("pain")</c>), with its own options (named after the key),
    /// source, monitor and reloads. A custom source for it is a keyed <see cref="IRuleSetSource"/> with the same key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The key; not empty.</param>
    /// <param name="configure">Sets this rule set's <see cref="PlanRulesOptions"/>; optional (the embedded rule set).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">A rule set with this key is already registered.</exception>
    public static IServiceCollection AddPlanRules(this IServiceCollection services, string key, Action<PlanRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        AddCore(services, key, configure ?? (static _ => { }));
        return services;
    }

    /// <summary>
    /// Registers a keyed rule set (see <see cref="AddPlanRules(IServiceCollection, string, Action{PlanRulesOptions}?)"/>)
    /// whose rules are supplied by <typeparamref name="TSource"/>, registered as a keyed singleton with the same key.
    /// </summary>
    /// <typeparam name="TSource">The source.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The key; not empty.</param>
    /// <param name="configure">Sets this rule set's <see cref="PlanRulesOptions"/>; optional.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">A rule set with this key is already registered.</exception>
    public static IServiceCollection AddPlanRules<TSource>(this IServiceCollection services, string key, Action<PlanRulesOptions>? configure = null)
        where TSource : class, IRuleSetSource
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        AddCore(services, key, configure ?? (static _ => { }));
        services.AddKeyedSingleton<IRuleSetSource, TSource>(key);
        return services;
    }

    private static void AddCore(IServiceCollection services, string? key, Action<PlanRulesOptions> configure)
    {
        var registered = services.Any(d => d.ServiceType == typeof(RuleSetRegistration) && !d.IsKeyedService
                                           && d.ImplementationInstance is RuleSetRegistration r && r.Key == key);
        if (key is not null && registered)
            throw new InvalidOperationException(
                $"PlanRules: a rule set with the key '{key}' is already registered; register each key once, with all of its configuration in that call.");

        services.AddOptions<PlanRulesOptions>(key ?? Options.DefaultName).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlanRulesOptions>, PlanRulesOptionsDataValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlanRulesOptions>, PlanRulesOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PlanRulesStartup>());
        services.TryAddSingleton(static sp => new PlanRulesInstruments(sp.GetService<IMeterFactory>()));
        if (registered) return;

        services.AddSingleton(new RuleSetRegistration(key));
        if (key is null)
        {
            services.AddSingleton(static sp => new RuleSetBootstrap(null, sp));
            services.AddSingleton<IRuleSetMonitor>(static sp => new DeferredRuleSetMonitor(sp.GetRequiredService<RuleSetBootstrap>()));
            services.AddSingleton<IPlanRecommender>(static sp => new MonitoredPlanRecommender(sp.GetRequiredService<RuleSetBootstrap>()));
        }
        else
        {
            services.AddKeyedSingleton(key, static (sp, k) => new RuleSetBootstrap((string)k!, sp));
            services.AddKeyedSingleton<IRuleSetMonitor>(key, static (sp, k) => new DeferredRuleSetMonitor(sp.GetRequiredKeyedService<RuleSetBootstrap>(k)));
            services.AddKeyedSingleton<IPlanRecommender>(key, static (sp, k) => new MonitoredPlanRecommender(sp.GetRequiredKeyedService<RuleSetBootstrap>(k)));
        }
    }
}
