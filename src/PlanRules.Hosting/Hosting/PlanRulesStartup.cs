using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PlanRules.Hosting;

/// <summary>A rule set registered with <c>AddPlanRules</c>: <c>null</c> for the default one, else its key.</summary>
internal sealed record RuleSetRegistration(string? Key);

/// <summary>
/// The start-up step of a host: loads every registered rule set asynchronously before any hosted service starts
/// (<see cref="IHostedLifecycleService.StartingAsync"/>), so that a rule set that does not load fails start-up with its
/// diagnostics (<see cref="RuleSetLoadException"/>) and a started host never loads rules on a request thread.
/// </summary>
internal sealed class PlanRulesStartup(IServiceProvider services, IEnumerable<RuleSetRegistration> registrations) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        foreach (var registration in registrations.DistinctBy(r => r.Key))
        {
            var bootstrap = registration.Key is null
                ? services.GetRequiredService<RuleSetBootstrap>()
                : services.GetRequiredKeyedService<RuleSetBootstrap>(registration.Key);
            try
            {
                await bootstrap.GetMonitorAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RuleSetLoadException ex)
            {
                failures.Add(ex);
            }
        }
        if (failures.Count == 1) throw failures[0];
        if (failures.Count > 1) throw new AggregateException("PlanRules: several rule sets failed to load.", failures);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
