using Microsoft.Extensions.DependencyInjection;
using PlanRules.Hosting;
using PlanRules.Plans;

namespace PlanRules.Tests.Hosting;

/// <summary>Evaluations in flight finish on the rule set they started with while reloads swap sets underneath them.</summary>
public sealed class HotReloadConcurrencyTests
{
    [Fact]
    public async Task PlanningThreads_WhileReloading_EveryPlanMatchesTheSetNamedByItsHash()
    {
        var filesA = InMemoryRuleSetSource.WithVersion("2099.7.0-a");
        var filesB = InMemoryRuleSetSource.WithVersion("2099.7.0-b");
        var setA = RuleSet.Load(filesA).RuleSet!;
        var setB = RuleSet.Load(filesB).RuleSet!;
        Assert.NotEqual(setA.Identity.Sha256, setB.Identity.Sha256);
        var patientCase = HostingTestData.SampleCase(setA);
        var expected = new Dictionary<string, string>
        {
            [setA.Identity.Sha256] = new PlanRecommender(setA).Recommend(patientCase).ToJson(),
            [setB.Identity.Sha256] = new PlanRecommender(setB).Recommend(patientCase).ToJson(),
        };

        var source = new InMemoryRuleSetSource { Files = filesA };
        await using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddSingleton<IRuleSetSource>(source);
            s.AddPlanRules();
        });
        var recommender = provider.GetRequiredService<IPlanRecommender>();
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();

        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var plans = 0;
        var planners = Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount)).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                TreatmentPlan plan = recommender.Recommend(patientCase);
                Interlocked.Increment(ref plans);
                var hash = plan.RuleSet.Sha256;
                seen.AddOrUpdate(hash, 1, (_, n) => n + 1);
                if (!expected.TryGetValue(hash, out var json)) problems.Enqueue("unknown hash " + hash);
                else if (plan.ToJson() != json) problems.Enqueue("plan differs from the plan of its set " + hash);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray(); // own threads: reloads use the pool

        const int reloads = 4; // each reload compiles a full rule set; planners keep running throughout
        for (var i = 1; i <= reloads; i++)
        {
            source.Files = i % 2 == 1 ? filesB : filesA;
            var result = await monitor.ReloadAsync();
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Assert.Equal(result.RuleSet!.Identity.Sha256, monitor.Current.Identity.Sha256);
            var target = Volatile.Read(ref plans) + 20;
            while (Volatile.Read(ref plans) < target) await Task.Yield(); // let the planners run on this set
        }
        await stop.CancelAsync();
        await Task.WhenAll(planners).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(problems);
        Assert.Equal(2, seen.Count);
        Assert.Equal(setA.Identity.Sha256, monitor.Current.Identity.Sha256); // an even number of reloads ends on A
    }

    [Fact]
    public async Task PlanningThreads_WhileTheFolderIsEdited_EveryPlanNamesAKnownSet()
    {
        using var rules = new TempRulesDirectory();
        var original = RuleSet.LoadDirectory(rules.Path).RuleSet!;
        await using var provider = HostingTestData.BuildProvider(s => s.AddPlanRules(o =>
        {
            o.RulesDirectory = rules.Path;
            o.WatchForChanges = true;
            o.ReloadDebounce = TimeSpan.FromMilliseconds(50);
        }));
        var recommender = provider.GetRequiredService<IPlanRecommender>();
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var patientCase = HostingTestData.SampleCase(original);
        var known = new System.Collections.Concurrent.ConcurrentDictionary<string, RuleSet>();
        known[original.Identity.Sha256] = original;
        monitor.Changed += (_, e) => known[e.Current.Identity.Sha256] = e.Current;

        using var stop = new CancellationTokenSource();
        var hashes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var planners = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested) hashes.AddOrUpdate(recommender.Recommend(patientCase).RuleSet.Sha256, 1, (_, n) => n + 1);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        for (var i = 1; i <= 2; i++)
        {
            var changed = monitor.NextChange();
            rules.SetVersion("2099.8." + i);
            var e = await changed.WithTimeout("edit " + i + " to be swapped in");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!hashes.ContainsKey(e.Current.Identity.Sha256) && DateTime.UtcNow < deadline) await Task.Delay(5);
        }
        await stop.CancelAsync();
        await Task.WhenAll(planners).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("2099.8.2", monitor.Current.Identity.Version);
        Assert.All(hashes.Keys, h => Assert.True(known.ContainsKey(h), "a plan named an unknown rule set " + h));
        Assert.True(hashes.ContainsKey(monitor.Current.Identity.Sha256), "no plan was made with the final rule set");
    }
}
