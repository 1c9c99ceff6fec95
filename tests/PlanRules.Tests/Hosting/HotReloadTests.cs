using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanRules.Hosting;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Hosting;

/// <summary>With <c>WatchForChanges</c>, edits are debounced, validated in the background and swapped in atomically.</summary>
public sealed class HotReloadTests
{
    private static ServiceProvider Watching(TempRulesDirectory rules, CapturingLoggerProvider? logs = null) =>
        HostingTestData.BuildProvider(s => s.AddPlanRules(o =>
        {
            o.RulesDirectory = rules.Path;
            o.WatchForChanges = true;
            o.ReloadDebounce = TimeSpan.FromMilliseconds(100);
        }), logs);

    [Fact]
    public async Task GoodEdit_IsPickedUp_AndPlansNameTheNewHash()
    {
        using var rules = new TempRulesDirectory();
        await using var provider = Watching(rules);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var recommender = provider.GetRequiredService<IPlanRecommender>();
        var before = monitor.Current;
        var patientCase = HostingTestData.SampleCase(before);
        Assert.Equal(before.Identity.Sha256, recommender.Recommend(patientCase).RuleSet.Sha256);

        var changed = monitor.NextChange();
        rules.SetVersion("2099.1.0-hot");
        var e = await changed.WithTimeout("the Changed event after a good edit");

        Assert.Same(before, e.Previous);
        Assert.Same(monitor.Current, e.Current);
        Assert.Equal("2099.1.0-hot", monitor.Current.Identity.Version);
        Assert.Equal(RuleSet.LoadDirectory(rules.Path).RuleSet!.Identity.Sha256, monitor.Current.Identity.Sha256);
        Assert.Equal(monitor.Current.Identity, recommender.RuleSet);
        Assert.Equal(monitor.Current.Identity.Sha256, recommender.Recommend(patientCase).RuleSet.Sha256);
        Assert.Empty(monitor.LastErrors);
        Assert.Null(monitor.LastReloadFailedAt);
    }

    [Fact]
    public async Task BrokenEdit_KeepsServingTheLastGoodSet_ExposesDiagnostics_ThenAFixRecovers()
    {
        using var rules = new TempRulesDirectory();
        var logs = new CapturingLoggerProvider();
        await using var provider = Watching(rules, logs);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var recommender = provider.GetRequiredService<IPlanRecommender>();
        var good = monitor.Current;
        var patientCase = HostingTestData.SampleCase(good);
        var expectedPlan = recommender.Recommend(patientCase).ToJson();

        var failed = monitor.NextFailure();
        rules.BreakRuleSetJson();
        var failure = await failed.WithTimeout("the ReloadFailed event after a broken edit");

        Assert.Same(good, monitor.Current);
        Assert.Same(good, failure.Current);
        Assert.Equal(expectedPlan, recommender.Recommend(patientCase).ToJson());
        Assert.Contains(monitor.LastErrors, d => d is { Code: "PR1001", Severity: DiagnosticSeverity.Error, File: "ruleset.json" });
        Assert.Equal(failure.Diagnostics, monitor.LastErrors);
        Assert.Equal(failure.FailedAt, monitor.LastReloadFailedAt);
        Assert.Contains(logs.Lines, l => l.EventId.Id == 107 && l.Level == LogLevel.Error && l.Message.Contains(good.Identity.Sha256, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.EventId.Id == 108 && l.Message.Contains("ruleset.json", StringComparison.Ordinal) && l.Message.Contains("PR1001", StringComparison.Ordinal));

        var changed = monitor.NextChange();
        rules.SetVersionFromScratch("2099.2.0-fixed");
        var e = await changed.WithTimeout("the Changed event after the fix");

        Assert.Same(good, e.Previous);
        Assert.Equal("2099.2.0-fixed", monitor.Current.Identity.Version);
        Assert.Empty(monitor.LastErrors);
        Assert.Null(monitor.LastReloadFailedAt);
        Assert.Equal(monitor.Current.Identity.Sha256, recommender.Recommend(patientCase).RuleSet.Sha256);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("example-lumbar-radicular", StringComparison.Ordinal)
                                               || l.Message.Contains("apixaban", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task BurstOfEdits_IsDebouncedIntoOneSwap()
    {
        using var rules = new TempRulesDirectory();
        await using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules(o =>
        {
            o.RulesDirectory = rules.Path;
            o.WatchForChanges = true;
            o.ReloadDebounce = TimeSpan.FromMilliseconds(400);
        }));
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var changes = 0;
        monitor.Changed += (_, _) => Interlocked.Increment(ref changes);

        var changed = monitor.NextChange();
        for (var i = 1; i <= 5; i++) rules.SetVersion("2099.3." + i);
        var e = await changed.WithTimeout("the Changed event after a burst of edits");

        Assert.Equal("2099.3.5", e.Current.Identity.Version);
        // A manual reload waits for any background reload and finds nothing new.
        var again = await monitor.ReloadAsync();
        Assert.Equal(monitor.Current.Identity, again.RuleSet!.Identity);
        Assert.Equal(1, Volatile.Read(ref changes));
    }

    [Fact]
    public async Task ReloadAsync_WithoutWatching_SwapsInTheNewSet()
    {
        var source = new InMemoryRuleSetSource();
        await using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddSingleton<IRuleSetSource>(source);
            s.AddPlanRules();
        });
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var before = monitor.Current;

        source.Files = InMemoryRuleSetSource.WithVersion("2099.4.0");
        var result = await monitor.ReloadAsync();

        Assert.True(result.Succeeded);
        Assert.Same(result.RuleSet, monitor.Current);
        Assert.NotEqual(before.Identity.Sha256, monitor.Current.Identity.Sha256);

        source.Files = [.. source.Files.Where(f => f.Path != "vocabulary.json")];
        var broken = await monitor.ReloadAsync();
        Assert.False(broken.Succeeded);
        Assert.Same(result.RuleSet, monitor.Current);
        Assert.Contains(monitor.LastErrors, d => d.Code == "PR1006");
    }

    [Fact]
    public async Task BrokenFileInASubdirectory_IsReported_AndRemovingItRecoversWithoutAChange()
    {
        using var rules = new TempRulesDirectory();
        await using var provider = Watching(rules);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var good = monitor.Current;
        var changes = 0;
        monitor.Changed += (_, _) => Interlocked.Increment(ref changes);
        var broken = Path.Combine(rules.Path, "spine", "zz-draft.json");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);

        var failed = monitor.NextFailure();
        File.WriteAllText(broken, "{ \"rules\": [ { \"id\": ");
        var failure = await failed.WithTimeout("the ReloadFailed event after a broken file was added under spine/");
        Assert.Contains(failure.Diagnostics, d => d is { Code: "PR1001", File: "spine/zz-draft.json" });
        Assert.Same(good, monitor.Current);

        File.Delete(broken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (monitor.LastErrors.Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Empty(monitor.LastErrors);
        Assert.Null(monitor.LastReloadFailedAt);
        Assert.Same(good, monitor.Current); // same content: the compiled set in use is kept, and no Changed is raised
        Assert.Equal(0, Volatile.Read(ref changes));
    }

    [Fact]
    public async Task ReloadAsync_BrokenThenRevertedToTheSameContent_ClearsErrorsWithoutAChange()
    {
        var source = new InMemoryRuleSetSource();
        await using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddSingleton<IRuleSetSource>(source);
            s.AddPlanRules();
        });
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var good = monitor.Current;
        var original = source.Files;
        var changes = 0;
        monitor.Changed += (_, _) => Interlocked.Increment(ref changes);

        source.Files = [.. original, new PlanRules.Rules.RuleSourceFile("broken.json", "{")];
        Assert.False((await monitor.ReloadAsync()).Succeeded);
        Assert.NotEmpty(monitor.LastErrors);
        Assert.NotNull(monitor.LastReloadFailedAt);

        source.Files = original;
        Assert.True((await monitor.ReloadAsync()).Succeeded);
        Assert.Empty(monitor.LastErrors);
        Assert.Null(monitor.LastReloadFailedAt);
        Assert.Same(good, monitor.Current);
        Assert.Equal(0, Volatile.Read(ref changes));
    }

    [Fact]
    public async Task ReloadAsync_Cancelled_ChangesNothing()
    {
        await using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules<InMemoryRuleSetSource>());
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var before = monitor.Current;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => monitor.ReloadAsync(new CancellationToken(canceled: true)));
        Assert.Same(before, monitor.Current);
    }

    [Fact]
    public async Task ChangedHandlerThatThrows_DoesNotStopTheMonitor()
    {
        var source = new InMemoryRuleSetSource();
        var logs = new CapturingLoggerProvider();
        await using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddSingleton<IRuleSetSource>(source);
            s.AddPlanRules();
        }, logs);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        monitor.Changed += (_, _) => throw new InvalidOperationException("subscriber bug");
        var secondHandlerCalled = false;
        monitor.Changed += (_, _) => secondHandlerCalled = true;

        source.Files = InMemoryRuleSetSource.WithVersion("2099.5.0");
        await monitor.ReloadAsync();

        Assert.Equal("2099.5.0", monitor.Current.Identity.Version);
        Assert.True(secondHandlerCalled);
        Assert.Contains(logs.Lines, l => l.EventId.Id == 111);
    }

    [Fact]
    public async Task DisposedProvider_StopsWatching()
    {
        using var rules = new TempRulesDirectory();
        var provider = Watching(rules);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var before = monitor.Current;
        var changes = 0;
        monitor.Changed += (_, _) => Interlocked.Increment(ref changes);

        await provider.DisposeAsync();
        rules.SetVersion("2099.6.0");

        await Task.Delay(500); // five debounce periods: a live watcher would have reloaded by now
        Assert.Equal(0, Volatile.Read(ref changes));
        Assert.Same(before, monitor.Current);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => monitor.ReloadAsync());
    }
}
