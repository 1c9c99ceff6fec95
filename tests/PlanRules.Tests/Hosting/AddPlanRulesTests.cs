using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanRules.Hosting;

namespace PlanRules.Tests.Hosting;

/// <summary><c>services.AddPlanRules(…)</c> wires PlanRules like any Microsoft.Extensions library.</summary>
public sealed class AddPlanRulesTests
{
    [Fact]
    public void AddPlanRules_ReturnsTheSameCollection()
    {
        var services = new ServiceCollection();
        Assert.Same(services, services.AddPlanRules());
        Assert.Same(services, services.AddPlanRules(o => o.WatchForChanges = false));
        Assert.Same(services, services.AddPlanRules<InMemoryRuleSetSource>());
    }

    [Fact]
    public void AddPlanRules_NoOptions_ResolvesSingletonRecommenderOnTheEmbeddedRuleSet()
    {
        using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules());

        var recommender = provider.GetRequiredService<IPlanRecommender>();
        Assert.Same(recommender, provider.GetRequiredService<IPlanRecommender>());
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        Assert.Same(RuleSet.LoadDefault(), monitor.Current);
        Assert.Equal(RuleSet.LoadDefault().Identity, recommender.RuleSet);
        Assert.Empty(monitor.LastErrors);
        Assert.Null(monitor.LastReloadFailedAt);

        var plan = recommender.Recommend(HostingTestData.SampleCase(monitor.Current));
        Assert.Equal(RuleSet.LoadDefault().Identity.Sha256, plan.RuleSet.Sha256);
        Assert.Equal(new PlanRecommender(RuleSet.LoadDefault()).Recommend(HostingTestData.SampleCase(monitor.Current)).ToJson(), plan.ToJson());
    }

    [Fact]
    public void AddPlanRules_WithRulesDirectory_PlansWithThatDirectory()
    {
        var expected = RuleSet.LoadDirectory(RepoPaths.Rules);
        Assert.True(expected.Succeeded, string.Join("\n", expected.Diagnostics));
        using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules(o =>
        {
            o.RulesDirectory = RepoPaths.Rules;
            o.ReloadDebounce = TimeSpan.FromSeconds(2);
        }));

        var recommender = provider.GetRequiredService<IPlanRecommender>();
        Assert.Equal(expected.RuleSet!.Identity, recommender.RuleSet);
        var plan = recommender.Recommend(HostingTestData.SampleCase(expected.RuleSet));
        Assert.Equal(expected.RuleSet.Identity.Sha256, plan.RuleSet.Sha256);
    }

    [Fact]
    public void AddPlanRules_CalledTwice_RegistersOnceAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddPlanRules(o => o.RulesDirectory = RepoPaths.Rules);
        services.AddPlanRules(o => o.ReloadDebounce = TimeSpan.FromSeconds(1));

        Assert.Single(services, d => d.ServiceType == typeof(IPlanRecommender));
        Assert.Single(services, d => d.ServiceType == typeof(IRuleSetMonitor));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlanRulesOptions>>().Value;
        Assert.Equal(RepoPaths.Rules, options.RulesDirectory);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ReloadDebounce);
    }

    [Fact]
    public void AddPlanRules_CustomSource_LoadsItsFilesOnce()
    {
        var source = new InMemoryRuleSetSource { Files = InMemoryRuleSetSource.WithVersion("9.9.9-db") };
        using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddSingleton<IRuleSetSource>(source);
            s.AddPlanRules();
        });

        var recommender = provider.GetRequiredService<IPlanRecommender>();
        Assert.Equal("9.9.9-db", recommender.RuleSet.Version);
        Assert.Equal(RuleSet.Load(source.Files).RuleSet!.Identity.Sha256, recommender.RuleSet.Sha256);
        Assert.Equal(1, source.Loads);
    }

    [Fact]
    public void AddPlanRulesOfTSource_CreatesTheSourceThroughTheContainer()
    {
        using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules<InMemoryRuleSetSource>());

        Assert.IsType<InMemoryRuleSetSource>(provider.GetRequiredService<IRuleSetSource>());
        Assert.Equal(RuleSet.LoadDefault().Identity.Sha256, provider.GetRequiredService<IPlanRecommender>().RuleSet.Sha256);
    }

    [Fact]
    public void AddPlanRules_NoLoggingRegistered_StillResolves()
    {
        var services = new ServiceCollection().AddPlanRules();
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<IPlanRecommender>());
    }

    [Fact]
    public void AddPlanRules_LogsTheRuleSetIdentityOnly()
    {
        var logs = new CapturingLoggerProvider();
        using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules(o => o.RulesDirectory = RepoPaths.Rules), logs);
        var recommender = provider.GetRequiredService<IPlanRecommender>();
        recommender.Recommend(HostingTestData.SampleCase(provider.GetRequiredService<IRuleSetMonitor>().Current));

        var loaded = Assert.Single(logs.Lines, l => l.EventId.Id == 100);
        Assert.Equal("PlanRules.Hosting", loaded.Category);
        Assert.Equal(LogLevel.Information, loaded.Level);
        Assert.Contains(recommender.RuleSet.Sha256, loaded.Message, StringComparison.Ordinal);
        Assert.Contains(recommender.RuleSet.Version, loaded.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("example-lumbar-radicular", StringComparison.Ordinal)
                                               || l.Message.Contains("apixaban", StringComparison.OrdinalIgnoreCase));
    }
}
