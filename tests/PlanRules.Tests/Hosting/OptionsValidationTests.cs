using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PlanRules.Hosting;

namespace PlanRules.Tests.Hosting;

/// <summary>
/// Bad option values fail start-up with a message that names the value, without reading any rule; a rule set that does
/// not load fails start-up (the host's start-up step) with every diagnostic.
/// </summary>
public sealed class OptionsValidationTests
{
    private static async Task<TException> StartFails<TException>(Action<IServiceCollection> configure)
        where TException : Exception
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        using var host = builder.Build();
        return await Assert.ThrowsAsync<TException>(() => host.StartAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-250)]
    [InlineData(5 * 60 * 1000)]
    public async Task Start_DebounceOutOfRange_FailsNamingTheOption(int milliseconds)
    {
        var ex = await StartFails<OptionsValidationException>(s => s.AddPlanRules(o => o.ReloadDebounce = TimeSpan.FromMilliseconds(milliseconds)));

        Assert.Contains("ReloadDebounce", ex.Message, StringComparison.Ordinal);
        Assert.Contains("00:01:00", ex.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(PlanRulesOptions), ex.OptionsType);
    }

    [Fact]
    public async Task Start_PollIntervalOverOneDay_Fails()
    {
        var ex = await StartFails<OptionsValidationException>(s => s.AddPlanRules(o => o.PollInterval = TimeSpan.FromDays(2)));

        Assert.Contains("PollInterval", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RulesDirectoryWhitespace_FailsAsEmpty()
    {
        var ex = await StartFails<OptionsValidationException>(s => s.AddPlanRules(o => o.RulesDirectory = "  "));

        Assert.Contains("PlanRules: RulesDirectory '  ' is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RulesDirectoryNotAPath_Fails()
    {
        var ex = await StartFails<OptionsValidationException>(s => s.AddPlanRules(o => o.RulesDirectory = "rules\0x"));

        Assert.Contains("is not a valid path", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RulesDirectoryAndCustomSource_FailsNamingBoth()
    {
        var ex = await StartFails<OptionsValidationException>(s => s.AddPlanRules<InMemoryRuleSetSource>(o => o.RulesDirectory = RepoPaths.Rules));

        Assert.Contains($"RulesDirectory '{RepoPaths.Rules}' is set but a custom IRuleSetSource is registered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_KeyedRuleSetWithBadValue_FailsNamingTheKey()
    {
        var ex = await StartFails<OptionsValidationException>(s =>
        {
            s.AddPlanRules();
            s.AddPlanRules("pain", o => o.RulesDirectory = " ");
        });

        Assert.Contains("RulesDirectory of the rule set 'pain'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("pain", ex.OptionsName);
    }

    [Fact]
    public void Validation_ReadsNoRules()
    {
        var source = new InMemoryRuleSetSource();
        using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddSingleton<IRuleSetSource>(source);
            s.AddPlanRules(o => o.ReloadDebounce = TimeSpan.FromSeconds(1));
        });

        var options = provider.GetRequiredService<IOptionsMonitor<PlanRulesOptions>>().Get(Options.DefaultName);
        foreach (var validator in provider.GetServices<IValidateOptions<PlanRulesOptions>>())
            Assert.True(validator.Validate(Options.DefaultName, options).Succeeded);

        Assert.Equal(0, source.Loads);
        var recommender = provider.GetRequiredService<IPlanRecommender>();
        Assert.Equal(0, source.Loads); // resolving loads nothing either
        _ = recommender.RuleSet;
        Assert.Equal(1, source.Loads);
    }

    [Fact]
    public async Task Start_RulesDirectoryDoesNotExist_FailsWhenLoadingNamingTheDirectory()
    {
        var missing = Path.Combine(Path.GetTempPath(), "planrules-missing-" + Guid.NewGuid().ToString("N"), "rules");

        var ex = await StartFails<RuleSetLoadException>(s => s.AddPlanRules(o => o.RulesDirectory = missing));

        Assert.Contains($"The rule-set directory '{missing}' does not exist.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("PR1006", Assert.Single(ex.Diagnostics).Code);
        Assert.Null(ex.Key);
    }

    [Fact]
    public async Task Start_RelativeRulesDirectoryDoesNotExist_FailsShowingTheResolvedPath()
    {
        var ex = await StartFails<RuleSetLoadException>(s => s.AddPlanRules(o => o.RulesDirectory = "no-such-rules-folder"));

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

        var ex = await StartFails<RuleSetLoadException>(s => s.AddPlanRules(o => o.RulesDirectory = rules.Path));

        Assert.Contains("PlanRules: the rule set from directory '" + rules.Path + "' failed to load", ex.Message, StringComparison.Ordinal);
        Assert.Contains("error PR1001", ex.Message, StringComparison.Ordinal);
        foreach (var diagnostic in expected.Diagnostics) Assert.Contains(diagnostic.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(expected.Diagnostics.Select(d => d.ToString()), ex.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task Start_KeyedRuleSetDoesNotLoad_FailsNamingTheKey()
    {
        var missing = Path.Combine(Path.GetTempPath(), "planrules-missing-" + Guid.NewGuid().ToString("N"));

        var ex = await StartFails<RuleSetLoadException>(s =>
        {
            s.AddPlanRules();
            s.AddPlanRules("pain", o => o.RulesDirectory = missing);
        });

        Assert.Equal("pain", ex.Key);
        Assert.Contains("PlanRules: the rule set 'pain' from directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CustomSourceThrows_FailsWithPR1006()
    {
        var ex = await StartFails<RuleSetLoadException>(s => s.AddPlanRules<ThrowingSource>());

        Assert.Contains("error PR1006", ex.Message, StringComparison.Ordinal);
        Assert.Contains("database unavailable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ValidOptions_LoadsTheRuleSetBeforeHostedServicesStart()
    {
        var source = new AsyncRuleSetSource();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IRuleSetSource>(source);
        builder.Services.AddPlanRules();
        var probe = new LoadedAtStartProbe(source);
        builder.Services.AddSingleton<IHostedService>(probe);
        using var host = builder.Build();
        Assert.Equal(0, source.Loads);

        await host.StartAsync();

        Assert.Equal(1, probe.LoadsWhenStarted);
        Assert.Equal(RuleSet.LoadDefault().Identity.Sha256, host.Services.GetRequiredService<IPlanRecommender>().RuleSet.Sha256);
        Assert.Equal(1, source.Loads);
        await host.StopAsync();
    }

    [Fact]
    public void Resolve_WithoutHost_InvalidOptionsThrowOnFirstUse()
    {
        using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules(o => o.ReloadDebounce = TimeSpan.Zero));

        var recommender = provider.GetRequiredService<IPlanRecommender>();
        var ex = Assert.Throws<OptionsValidationException>(() => recommender.RuleSet);
        Assert.Contains("ReloadDebounce", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WithoutHost_RuleSetThatDoesNotLoadThrowsWithDiagnostics_AndIsTriedAgain()
    {
        using var rules = new TempRulesDirectory();
        rules.BreakRuleSetJson();
        using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules(o => o.RulesDirectory = rules.Path));

        var recommender = provider.GetRequiredService<IPlanRecommender>();
        var ex = Assert.Throws<RuleSetLoadException>(() => recommender.RuleSet);
        Assert.Contains("PR1001", ex.Message, StringComparison.Ordinal);

        rules.SetVersionFromScratch("2.0.0-fixed");
        Assert.Equal("2.0.0-fixed", provider.GetRequiredService<IPlanRecommender>().RuleSet.Version);
    }

    [Fact]
    public async Task AHostedService_MayTakeTheRecommenderInItsConstructor_WithoutLoadingBeforeStartUp()
    {
        var source = new AsyncRuleSetSource();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IRuleSetSource>(source);
        builder.Services.AddPlanRules();
        builder.Services.AddHostedService<TakesTheRecommender>();
        using var host = builder.Build();
        _ = host.Services.GetServices<IHostedService>().ToList(); // the host resolves its services: nothing loads
        Assert.Equal(0, source.Loads);

        await host.StartAsync();
        Assert.Equal(1, source.Loads);
        Assert.Equal(RuleSet.LoadDefault().Identity.Sha256, host.Services.GetRequiredService<IRuleSetMonitor>().Current.Identity.Sha256);
        await host.StopAsync();
    }

    private sealed class TakesTheRecommender(IPlanRecommender recommender, IRuleSetMonitor monitor) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Assert.Same(monitor.Current, monitor.Current);
            Assert.NotNull(recommender.RuleSet.Sha256);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class ThrowingSource : IRuleSetSource
    {
        public Task<IReadOnlyList<PlanRules.Rules.RuleSourceFile>> LoadAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database unavailable");
    }

    private sealed class AsyncRuleSetSource : IRuleSetSource
    {
        public int Loads;

        public async Task<IReadOnlyList<PlanRules.Rules.RuleSourceFile>> LoadAsync(CancellationToken cancellationToken)
        {
            await Task.Yield();
            Interlocked.Increment(ref Loads);
            return RuleSet.DefaultFiles();
        }
    }

    private sealed class LoadedAtStartProbe(AsyncRuleSetSource source) : IHostedService
    {
        public int LoadsWhenStarted { get; private set; } = -1;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            LoadsWhenStarted = Volatile.Read(ref source.Loads);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
