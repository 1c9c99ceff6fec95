using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PlanRules.Hosting;

namespace PlanRules;

/// <summary>Adds the health of a PlanRules rule set to the host's health checks.</summary>
/// <example>
/// <code>
/// builder.Services.AddHealthChecks()
///     .AddPlanRules()           // the default rule set, check "planrules"
///     .AddPlanRules("pain");    // a keyed rule set, check "planrules:pain"
/// </code>
/// </example>
public static class PlanRulesHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check of a rule set registered with <c>AddPlanRules</c>: <see cref="HealthStatus.Healthy"/> when it is
    /// loaded (data: <c>ruleSetName</c>, <c>ruleSetVersion</c>, <c>sha256Prefix</c>, <c>ruleCount</c>);
    /// <see cref="HealthStatus.Degraded"/> when its latest reload failed and the previous version keeps serving (data
    /// also: <c>failureCount</c>, <c>firstDiagnosticCode</c>); <see cref="HealthStatus.Unhealthy"/> when it has never
    /// loaded. The check never loads the rule set and reports no case data.
    /// </summary>
    /// <param name="builder">The health-checks builder.</param>
    /// <param name="key">The key of a keyed rule set; <c>null</c> for the default one.</param>
    /// <param name="name">The check's name; defaults to <c>planrules</c>, or <c>planrules:KEY</c> for a keyed rule set.</param>
    /// <param name="tags">Tags of the check, e.g. <c>ready</c>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IHealthChecksBuilder AddPlanRules(this IHealthChecksBuilder builder, string? key = null, string? name = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (key is not null) ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return builder.Add(new HealthCheckRegistration(
            name ?? (key is null ? "planrules" : "planrules:" + key),
            sp => new PlanRulesHealthCheck(
                key is null ? sp.GetService<RuleSetBootstrap>() : sp.GetKeyedService<RuleSetBootstrap>(key),
                key),
            HealthStatus.Unhealthy,
            tags));
    }
}
