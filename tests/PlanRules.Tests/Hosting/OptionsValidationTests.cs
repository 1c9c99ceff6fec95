using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PlanRules.Hosting;

namespace PlanRules.Tests.Hosting;

/// <summary>Bad options fail start-up with a message that names the bad value.</summary>
public sealed class OptionsValidationTests
{
    private static async Task<OptionsValidationException> StartFails(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task Start_RulesDirectoryDoesNotExist_FailsNamingTheDirectory()
    {
        var missing = Path.Combine(Path.GetTempPath(), "planrules-missing-" + Guid.NewGuid().ToString("N"), "rules");

        var ex = await StartFails(s => s.AddPlanRules(o => o.RulesDirectory = missing));

        Assert.Contains($"PlanRules: RulesDirectory '{missing}' does not exist.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(PlanRulesOptions), ex.OptionsType);
    }

    [Fact]
    public async Task Start_RelativeRulesDirectoryDoesNotExist_FailsShowingTheResolvedPath()
    {
        var ex = await StartFails(s => s.AddPlanRules(o => o.RulesDirectory = "no-such-rules-folder"));

        Assert.Contains("RulesDirectory 'no-such-rules-folder' does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath("no-such-rules-folder"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RulesDirectoryWithABrokenFile_FailsWithEveryDiagnostic()
    {
        using var rules = new TempRulesDirectory();
        File.WriteAllText(Path.Combine(rules.Path, "broken.json"), "{ \"rules\": [ ");
        File.WriteAllText(Path.Combine(rules.Path, "also-broken.json"), "{ \"rules\": 12 }");
        var expected = RuleSet.LoadDirectory(rules.Path);
        Assert.False(expected.Succeeded);

        var ex = await StartFails(s => s.AddPlanRules(o => o.RulesDirectory = rules.Path));

        Assert.Contains("PlanRules: the rule set from directory '" + rules.Path + "' failed to load", ex.Message, StringComparison.Ordinal);
        Assert.Contains("broken.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("error PR1001", ex.Message, StringComparison.Ordinal);
        foreach (var diagnostic in expected.Diagnostics) Assert.Contains(diagnostic.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-250)]
    public async Task Start_DebounceNotPositive_FailsShowingTheValue(int milliseconds)
    {
        var debounce = TimeSpan.FromMilliseconds(milliseconds);

        var ex = await StartFails(s => s.AddPlanRules(o => o.ReloadDebounce = debounce));

        Assert.Contains($"PlanRules: ReloadDebounce must be greater than zero (was {debounce})", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DebounceOverOneMinute_FailsShowingTheValue()
    {
        var ex = await StartFails(s => s.AddPlanRules(o => o.ReloadDebounce = TimeSpan.FromMinutes(5)));

        Assert.Contains("PlanRules: ReloadDebounce must be at most 00:01:00 (was 00:05:00)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RulesDirectoryAndCustomSource_FailsNamingBoth()
    {
        var ex = await StartFails(s => s.AddPlanRules<InMemoryRuleSetSource>(o => o.RulesDirectory = RepoPaths.Rules));

        Assert.Contains($"RulesDirectory '{RepoPaths.Rules}' is set but a custom IRuleSetSource ({typeof(InMemoryRuleSetSource).FullName}) is registered too", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CustomSourceThrows_FailsWithPR1006()
    {
        var ex = await StartFails(s => s.AddPlanRules<ThrowingSource>());

        Assert.Contains("error PR1006", ex.Message, StringComparison.Ordinal);
        Assert.Contains("database unavailable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ValidOptions_Starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPlanRules(o => o.RulesDirectory = RepoPaths.Rules);
        using var host = builder.Build();
        await host.StartAsync();
        Assert.Equal(RuleSet.LoadDirectory(RepoPaths.Rules).RuleSet!.Identity, host.Services.GetRequiredService<IPlanRecommender>().RuleSet);
        await host.StopAsync();
    }

    [Fact]
    public void Resolve_WithoutHost_InvalidOptionsThrowOnFirstUse()
    {
        using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules(o => o.ReloadDebounce = TimeSpan.Zero));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPlanRecommender>());
        Assert.Contains("ReloadDebounce must be greater than zero", ex.Message, StringComparison.Ordinal);
    }

    private sealed class ThrowingSource : IRuleSetSource
    {
        public Task<IReadOnlyList<PlanRules.Rules.RuleSourceFile>> LoadAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database unavailable");
    }
}
