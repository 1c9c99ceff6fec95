using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PlanRules.Hosting;

namespace PlanRules.Samples.Hosting;

/// <summary>
/// The generic-host sample: <c>AddPlanRules</c> with hot reload and a <see cref="HostedPlanner"/>.
/// <code>
/// dotnet run --project src/PlanRules.Samples -- --host                  # plan, then re-plan on every rule edit (Ctrl+C stops)
/// dotnet run --project src/PlanRules.Samples -- --host --once           # plan once and exit
/// dotnet run --project src/PlanRules.Samples -- --host --rules DIR case.json
/// </code>
/// Without <c>--rules</c> the repository's <c>rules/</c> folder is watched when found above the current directory;
/// otherwise the embedded rule set is used.
/// </summary>
public static class HostedSample
{
    /// <summary>Runs the host until Ctrl+C (or after one plan with <c>--once</c>).</summary>
    /// <param name="args">The command line: <c>--host</c>, <c>--once</c>, <c>--rules DIR</c>, an optional case path.</param>
    /// <returns>The process exit code: 0; 1 when the planner failed; 2 when the configuration or the rule set is invalid.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rulesIndex = Array.IndexOf(args, "--rules");
        var rulesDirectory = rulesIndex >= 0 && rulesIndex + 1 < args.Length ? args[rulesIndex + 1] : FindRulesDirectory();
        var casePath = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (rulesIndex < 0 || i != rulesIndex + 1)).FirstOrDefault();

        var builder = Host.CreateApplicationBuilder(); // the command line is ours, not configuration
        builder.Services.AddPlanRules(o =>
        {
            o.RulesDirectory = rulesDirectory;
            o.WatchForChanges = rulesDirectory is not null;
        });
        builder.Services.Configure<HostedPlannerOptions>(o =>
        {
            if (casePath is not null) o.CasePath = Path.GetFullPath(casePath);
            o.StopAfterFirstPlan = args.Contains("--once");
        });
        builder.Services.AddHostedService<HostedPlanner>();

        using var host = builder.Build();
        try
        {
            // Starting loads the rule set (before the planner starts); a bad option or rule set is reported below.
            await host.StartAsync().ConfigureAwait(false);
            var planner = host.Services.GetServices<IHostedService>().OfType<HostedPlanner>().Single();
            await host.WaitForShutdownAsync().ConfigureAwait(false);
            return planner.ExecuteTask is { IsFaulted: true } ? 1 : 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }
        catch (RuleSetLoadException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }
    }

    // The rule folder of this repository, found from the working directory upwards; null to use the embedded rules.
    private static string? FindRulesDirectory()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules");
            if (File.Exists(Path.Combine(candidate, "ruleset.json"))) return candidate;
        }
        return null;
    }
}
