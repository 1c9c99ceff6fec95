using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanRules.Hosting;

namespace PlanRules.Tests.Hosting;

/// <summary><c>AddPlanRules("pain", …)</c> registers a rule set of its own beside the default one.</summary>
public sealed class KeyedRuleSetTests
{
    [Fact]
    public void KeyedAndDefault_ResolveDifferentRuleSets_WithTheirOwnOptions()
    {
        var keyedSource = new InMemoryRuleSetSource { Files = InMemoryRuleSetSource.WithVersion("7.0.0-pain") };
        using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddPlanRules();
            s.AddKeyedSingleton<IRuleSetSource>("pain", keyedSource);
            s.AddPlanRules("pain", o => o.ReloadDebounce = TimeSpan.FromSeconds(3));
        });

        var byDefault = provider.GetRequiredService<IPlanRecommender>();
        var pain = provider.GetRequiredKeyedService<IPlanRecommender>("pain");
        Assert.Equal(RuleSet.LoadDefault().Identity, byDefault.RuleSet);
        Assert.Equal("7.0.0-pain", pain.RuleSet.Version);
        Assert.Same(pain, provider.GetRequiredKeyedService<IPlanRecommender>("pain"));
        Assert.NotSame(provider.GetRequiredService<IRuleSetMonitor>(), provider.GetRequiredKeyedService<IRuleSetMonitor>("pain"));
        var options = provider.GetRequiredService<IOptionsMonitor<PlanRulesOptions>>();
        Assert.Equal(TimeSpan.FromSeconds(3), options.Get("pain").ReloadDebounce);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Get(Options.DefaultName).ReloadDebounce);

        var plan = pain.Recommend(HostingTestData.SampleCase(provider.GetRequiredKeyedService<IRuleSetMonitor>("pain").Current));
        Assert.Equal("7.0.0-pain", plan.RuleSet.Version);
    }

    [Fact]
    public void KeyedOnly_DefaultIsNotRegistered()
    {
        using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules("pain"));

        Assert.Null(provider.GetService<IPlanRecommender>());
        Assert.Equal(RuleSet.LoadDefault().Identity, provider.GetRequiredKeyedService<IPlanRecommender>("pain").RuleSet);
    }

    [Fact]
    public void SameKeyTwice_Throws()
    {
        var services = new ServiceCollection().AddPlanRules("pain");

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddPlanRules("pain", o => o.WatchForChanges = true));
        Assert.Contains("'pain' is already registered", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => services.AddPlanRules<InMemoryRuleSetSource>("pain"));
    }

    [Fact]
    public void EmptyKey_Throws() =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddPlanRules(" "));

    [Fact]
    public void FromKeyedServices_InjectsTheKeyedRecommender()
    {
        using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddPlanRules();
            s.AddPlanRules<InMemoryRuleSetSource>("pain");
            s.AddSingleton<Consumer>();
        });

        var consumer = provider.GetRequiredService<Consumer>();
        Assert.Same(provider.GetRequiredKeyedService<IPlanRecommender>("pain"), consumer.Pain);
        Assert.IsType<InMemoryRuleSetSource>(provider.GetRequiredKeyedService<IRuleSetSource>("pain"));
        Assert.Null(provider.GetService<IRuleSetSource>());
    }

    [Fact]
    public async Task KeyedRuleSet_ReloadsIndependently()
    {
        using var rules = new TempRulesDirectory();
        using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddPlanRules();
            s.AddPlanRules("pain", o => o.RulesDirectory = rules.Path);
        });
        var pain = provider.GetRequiredKeyedService<IRuleSetMonitor>("pain");
        var byDefault = provider.GetRequiredService<IRuleSetMonitor>();

        rules.SetVersion("8.0.0-keyed");
        var result = await pain.ReloadAsync();

        Assert.True(result.Succeeded);
        Assert.Equal("8.0.0-keyed", provider.GetRequiredKeyedService<IPlanRecommender>("pain").RuleSet.Version);
        Assert.Same(RuleSet.LoadDefault(), byDefault.Current);
    }

    private sealed class Consumer([FromKeyedServices("pain")] IPlanRecommender pain)
    {
        public IPlanRecommender Pain => pain;
    }
}
