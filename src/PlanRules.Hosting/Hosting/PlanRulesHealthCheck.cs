using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PlanRules.Hosting;

/// <summary>
/// The health of one registered rule set: Healthy when loaded; Degraded when its latest reload failed (the previous
/// version still serving); Unhealthy when it never loaded. Never loads the rule set itself. Its data name the rule
/// set, its version, a prefix of its hash, its rule count, and for failures their count and the first diagnostic's
/// code: never any case data.
/// </summary>
internal sealed class PlanRulesHealthCheck(RuleSetBootstrap? bootstrap, string? key) : IHealthCheck
{
    /// <summary>Data key: the rule set's name.</summary>
    public const string RuleSetNameKey = "ruleSetName";

    /// <summary>Data key: the rule set's version.</summary>
    public const string RuleSetVersionKey = "ruleSetVersion";

    /// <summary>Data key: the first 12 hexadecimal digits of the rule set's SHA-256.</summary>
    public const string Sha256PrefixKey = "sha256Prefix";

    /// <summary>Data key: the number of rules.</summary>
    public const string RuleCountKey = "ruleCount";

    /// <summary>Data key: failed loads or reloads in a row.</summary>
    public const string FailureCountKey = "failureCount";

    /// <summary>Data key: the code of the first diagnostic of the latest failure.</summary>
    public const string FirstDiagnosticCodeKey = "firstDiagnosticCode";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var which = key is null ? "The PlanRules rule set" : $"The PlanRules rule set '{key}'";
        if (bootstrap is null)
            return Task.FromResult(HealthCheckResult.Unhealthy($"{which} is not registered (call AddPlanRules{(key is null ? "()" : $"(\"{key}\", …)")})."));

        if (bootstrap.LoadedMonitor is not { } monitor)
        {
            var data = new Dictionary<string, object>(StringComparer.Ordinal);
            if (bootstrap.Failure is { } failure)
            {
                data[FailureCountKey] = failure.Count;
                if (failure.Diagnostics.Count > 0) data[FirstDiagnosticCodeKey] = failure.Diagnostics[0].Code;
                return Task.FromResult(HealthCheckResult.Unhealthy($"{which} failed to load ({failure.Count} time(s)); no rule set is serving.", data: data));
            }
            return Task.FromResult(HealthCheckResult.Unhealthy($"{which} has not been loaded yet.", data: data));
        }

        var state = monitor.CurrentState;
        var identity = state.Rules.Identity;
        var loaded = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [RuleSetNameKey] = identity.Name,
            [RuleSetVersionKey] = identity.Version,
            [Sha256PrefixKey] = identity.Sha256.Length > 12 ? identity.Sha256[..12] : identity.Sha256,
            [RuleCountKey] = state.Rules.Rules.Count,
        };
        if (state.FailedAt is null)
            return Task.FromResult(HealthCheckResult.Healthy($"{which} {identity.Name} {identity.Version} is loaded.", loaded));

        loaded[FailureCountKey] = state.ConsecutiveFailures;
        if (state.Errors.Count > 0) loaded[FirstDiagnosticCodeKey] = state.Errors[0].Code;
        return Task.FromResult(HealthCheckResult.Degraded(
            string.Create(CultureInfo.InvariantCulture, $"{which}: the latest reload failed ({state.ConsecutiveFailures} in a row); still serving {identity.Name} {identity.Version}."),
            data: loaded));
    }
}
