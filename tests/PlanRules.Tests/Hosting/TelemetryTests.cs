using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PlanRules.Hosting;

namespace PlanRules.Tests.Hosting;

/// <summary>
/// Plans and reloads are measured on the meter <c>PlanRules</c> and traced on the activity source <c>PlanRules</c>,
/// with rule-set identity and counts only. Each test uses a rule set keyed by a fresh key, so that measurements of
/// tests running in parallel are told apart.
/// </summary>
public sealed class TelemetryTests
{
    private sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    private static (MeterListener Listener, ConcurrentQueue<Recorded> Measurements) Listen(IMeterFactory factory)
    {
        var measurements = new ConcurrentQueue<Recorded>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PlanRulesTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            measurements.Enqueue(new Recorded(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        return (listener, measurements);
    }

    private static string NewKey() => "telemetry-" + Guid.NewGuid().ToString("N");

    [Fact]
    public void Plan_IsCountedTimedAndTraced_WithRuleSetTagsOnly()
    {
        var key = NewKey();
        using var provider = HostingTestData.BuildProvider(s => s.AddMetrics().AddPlanRules(key));
        var (listener, measurements) = Listen(provider.GetRequiredService<IMeterFactory>());
        using var _ = listener;
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PlanRulesTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (Equals(a.GetTagItem(PlanRulesTelemetry.RuleSetKeyTag), key)) activities.Enqueue(a);
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        var recommender = provider.GetRequiredKeyedService<IPlanRecommender>(key);
        var patientCase = HostingTestData.SampleCase(RuleSet.LoadDefault()) with { CaseId = "case-id-that-must-not-leak" };
        var plan = recommender.Recommend(patientCase);
        listener.RecordObservableInstruments();

        var identity = RuleSet.LoadDefault().Identity;
        var plans = Assert.Single(measurements, m => m.Instrument == PlanRulesTelemetry.PlansInstrument);
        Assert.Equal(1, plans.Value);
        Assert.Equal(key, plans.Tags[PlanRulesTelemetry.RuleSetKeyTag]);
        Assert.Equal(identity.Name, plans.Tags[PlanRulesTelemetry.RuleSetNameTag]);
        Assert.Equal(identity.Version, plans.Tags[PlanRulesTelemetry.RuleSetVersionTag]);
        var duration = Assert.Single(measurements, m => m.Instrument == PlanRulesTelemetry.PlanDurationInstrument);
        Assert.True(duration.Value >= 0);
        var rules = Assert.Single(measurements, m => m.Instrument == PlanRulesTelemetry.RuleSetRulesInstrument);
        Assert.Equal(RuleSet.LoadDefault().Rules.Count, rules.Value);
        Assert.Equal(identity.Version, rules.Tags[PlanRulesTelemetry.RuleSetVersionTag]);
        Assert.DoesNotContain(measurements, m => m.Instrument == PlanRulesTelemetry.PlanFailuresInstrument);

        var activity = Assert.Single(activities);
        Assert.Equal(PlanRulesTelemetry.PlanActivityName, activity.OperationName);
        Assert.Equal(identity.Version, activity.GetTagItem(PlanRulesTelemetry.RuleSetVersionTag));
        Assert.Equal(plan.Candidates.Count, activity.GetTagItem(PlanRulesTelemetry.CandidatesTag));
        Assert.Equal(plan.Excluded.Count, activity.GetTagItem(PlanRulesTelemetry.ExcludedTag));

        // Nothing from the case: every tag is a rule-set tag or a count.
        var allowed = new[]
        {
            PlanRulesTelemetry.RuleSetKeyTag, PlanRulesTelemetry.RuleSetNameTag, PlanRulesTelemetry.RuleSetVersionTag,
            PlanRulesTelemetry.CandidatesTag, PlanRulesTelemetry.ExcludedTag,
        };
        Assert.All(activity.TagObjects, t => Assert.Contains(t.Key, allowed));
        Assert.All(measurements.SelectMany(m => m.Tags), t => Assert.Contains(t.Key, allowed));
        Assert.DoesNotContain(activity.TagObjects, t => $"{t.Value}".Contains("case-id-that-must-not-leak", StringComparison.Ordinal));
    }

    [Fact]
    public void FailedPlan_IsCountedWithTheExceptionTypeOnly()
    {
        var key = NewKey();
        using var provider = HostingTestData.BuildProvider(s => s.AddMetrics().AddPlanRules(key));
        var (listener, measurements) = Listen(provider.GetRequiredService<IMeterFactory>());
        using var _ = listener;

        Assert.Throws<ArgumentNullException>(() => provider.GetRequiredKeyedService<IPlanRecommender>(key).Recommend(null!));

        var failure = Assert.Single(measurements, m => m.Instrument == PlanRulesTelemetry.PlanFailuresInstrument);
        Assert.Equal(typeof(ArgumentNullException).FullName, failure.Tags[PlanRulesTelemetry.ErrorTypeTag]);
        Assert.DoesNotContain(measurements, m => m.Instrument == PlanRulesTelemetry.PlansInstrument);
    }

    [Fact]
    public async Task Reloads_AreCountedByOutcome_AndFailuresSeparately()
    {
        var key = NewKey();
        using var rules = new TempRulesDirectory();
        using var provider = HostingTestData.BuildProvider(s => s.AddMetrics().AddPlanRules(key, o => o.RulesDirectory = rules.Path));
        var (listener, measurements) = Listen(provider.GetRequiredService<IMeterFactory>());
        using var _ = listener;
        var monitor = provider.GetRequiredKeyedService<IRuleSetMonitor>(key);

        await monitor.ReloadAsync();           // unchanged
        rules.BreakRuleSetJson();
        await monitor.ReloadAsync();           // failed
        rules.SetVersionFromScratch("4.0.0-metrics");
        await monitor.ReloadAsync();           // changed

        var reloads = measurements.Where(m => m.Instrument == PlanRulesTelemetry.ReloadsInstrument)
            .Select(m => (string)m.Tags[PlanRulesTelemetry.ReloadOutcomeTag]!).ToArray();
        Assert.Equal(["unchanged", "failed", "changed"], reloads);
        var failed = Assert.Single(measurements, m => m.Instrument == PlanRulesTelemetry.ReloadFailuresInstrument);
        Assert.Equal(key, failed.Tags[PlanRulesTelemetry.RuleSetKeyTag]);

        listener.RecordObservableInstruments();
        var gauge = Assert.Single(measurements, m => m.Instrument == PlanRulesTelemetry.RuleSetRulesInstrument);
        Assert.Equal("4.0.0-metrics", gauge.Tags[PlanRulesTelemetry.RuleSetVersionTag]);
    }

    [Fact]
    public async Task OpenTelemetry_PicksUpTheMeterAndTheActivitySource()
    {
        var key = NewKey();
        var metrics = new List<Metric>();
        var activities = new List<Activity>();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPlanRules(key);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(PlanRulesTelemetry.MeterName).AddInMemoryExporter(metrics))
            .WithTracing(t => t.AddSource(PlanRulesTelemetry.ActivitySourceName).AddInMemoryExporter(activities));
        using var host = builder.Build();
        await host.StartAsync();

        host.Services.GetRequiredKeyedService<IPlanRecommender>(key).Recommend(HostingTestData.SampleCase(RuleSet.LoadDefault()));
        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush());
        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush());

        var plans = Assert.Single(metrics, m => m.Name == PlanRulesTelemetry.PlansInstrument);
        var points = new List<long>();
        foreach (ref readonly var point in plans.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                if (tag.Key == PlanRulesTelemetry.RuleSetKeyTag && Equals(tag.Value, key)) points.Add(point.GetSumLong());
            }
        }
        Assert.Equal([1L], points);
        Assert.Contains(metrics, m => m.Name == PlanRulesTelemetry.PlanDurationInstrument);
        Assert.Contains(activities, a => a.OperationName == PlanRulesTelemetry.PlanActivityName && Equals(a.GetTagItem(PlanRulesTelemetry.RuleSetKeyTag), key));
        await host.StopAsync();
    }
}
