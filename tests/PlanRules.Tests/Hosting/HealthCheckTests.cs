using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using PlanRules.Hosting;

namespace PlanRules.Tests.Hosting;

/// <summary>The health check reports Healthy, Degraded or Unhealthy per rule set, with rule-set data only.</summary>
public sealed class HealthCheckTests
{
    private static async Task<HealthReportEntry> Check(ServiceProvider provider, string name)
    {
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries[name];
    }

    [Fact]
    public async Task Loaded_IsHealthy_WithRuleSetData()
    {
        using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddLogging();
            s.AddPlanRules();
            s.AddHealthChecks().AddPlanRules();
        });
        _ = provider.GetRequiredService<IPlanRecommender>().RuleSet; // first use loads the rule set

        var entry = await Check(provider, "planrules");

        var identity = RuleSet.LoadDefault().Identity;
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(identity.Name, entry.Data["ruleSetName"]);
        Assert.Equal(identity.Version, entry.Data["ruleSetVersion"]);
        Assert.Equal(identity.Sha256[..12], entry.Data["sha256Prefix"]);
        Assert.Equal(RuleSet.LoadDefault().Rules.Count, entry.Data["ruleCount"]);
    }

    [Fact]
    public async Task NeverLoaded_IsUnhealthy_AndTheCheckDoesNotLoad()
    {
        var source = new InMemoryRuleSetSource();
        using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddLogging();
            s.AddSingleton<IRuleSetSource>(source);
            s.AddPlanRules();
            s.AddHealthChecks().AddPlanRules();
        });

        var entry = await Check(provider, "planrules");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(0, source.Loads);
    }

    [Fact]
    public async Task FailedFirstLoad_IsUnhealthy_WithTheFirstCode()
    {
        using var rules = new TempRulesDirectory();
        rules.BreakRuleSetJson();
        using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddLogging();
            s.AddPlanRules(o => o.RulesDirectory = rules.Path);
            s.AddHealthChecks().AddPlanRules();
        });
        var recommender = provider.GetRequiredService<IPlanRecommender>();
        Assert.Throws<RuleSetLoadException>(() => recommender.RuleSet);

        var entry = await Check(provider, "planrules");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(1, entry.Data["failureCount"]);
        Assert.Equal("PR1001", entry.Data["firstDiagnosticCode"]);
    }

    [Fact]
    public async Task FailedReload_IsDegraded_StillServingThePreviousVersion_ThenHealthyAgain()
    {
        using var rules = new TempRulesDirectory();
        using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddLogging();
            s.AddPlanRules();
            s.AddPlanRules("pain", o => o.RulesDirectory = rules.Path);
            s.AddHealthChecks().AddPlanRules().AddPlanRules("pain");
        });
        _ = provider.GetRequiredService<IPlanRecommender>().RuleSet; // first use loads the rule set
        var monitor = provider.GetRequiredKeyedService<IRuleSetMonitor>("pain");
        var version = monitor.Current.Identity.Version;

        rules.BreakRuleSetJson();
        Assert.False((await monitor.ReloadAsync()).Succeeded);
        Assert.False((await monitor.ReloadAsync()).Succeeded);
        var degraded = await Check(provider, "planrules:pain");

        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal(2, degraded.Data["failureCount"]);
        Assert.Equal("PR1001", degraded.Data["firstDiagnosticCode"]);
        Assert.Equal(version, degraded.Data["ruleSetVersion"]);
        Assert.Equal(HealthStatus.Healthy, (await Check(provider, "planrules")).Status);

        rules.SetVersionFromScratch("3.0.0-fixed");
        Assert.True((await monitor.ReloadAsync()).Succeeded);
        var healthy = await Check(provider, "planrules:pain");
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("3.0.0-fixed", healthy.Data["ruleSetVersion"]);
        Assert.False(healthy.Data.ContainsKey("failureCount"));
    }

    [Fact]
    public async Task KeyNotRegistered_IsUnhealthy()
    {
        using var provider = HostingTestData.BuildProvider(s => s.AddLogging().AddHealthChecks().AddPlanRules("nope"));

        var entry = await Check(provider, "planrules:nope");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("not registered", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStarted_IsHealthy()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPlanRules();
        builder.Services.AddHealthChecks().AddPlanRules(name: "rules", tags: ["ready"]);
        using var host = builder.Build();
        await host.StartAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Healthy, report.Entries["rules"].Status);
        await host.StopAsync();
    }
}
