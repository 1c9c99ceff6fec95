using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PlanRules.Hosting;

/// <summary>
/// The <see cref="Meter"/> and <see cref="ActivitySource"/> named <see cref="PlanRulesTelemetry.MeterName"/>, one per
/// container (the meter from the container's <see cref="IMeterFactory"/> when registered). Rule sets register
/// themselves for the rule-count gauge once loaded.
/// </summary>
internal sealed class PlanRulesInstruments : IDisposable
{
    internal static readonly ActivitySource ActivitySource = new(PlanRulesTelemetry.ActivitySourceName);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly ConcurrentDictionary<RuleSetBootstrap, byte> _loaded = new();

    public PlanRulesInstruments(IMeterFactory? meterFactory)
    {
        if (meterFactory is not null)
        {
            _meter = meterFactory.Create(new MeterOptions(PlanRulesTelemetry.MeterName));
        }
        else
        {
            _meter = new Meter(PlanRulesTelemetry.MeterName);
            _ownsMeter = true;
        }
        Plans = _meter.CreateCounter<long>(PlanRulesTelemetry.PlansInstrument, "{plan}", "Plans made.");
        PlanFailures = _meter.CreateCounter<long>(PlanRulesTelemetry.PlanFailuresInstrument, "{plan}", "Plans that failed with an exception.");
        PlanDuration = _meter.CreateHistogram<double>(PlanRulesTelemetry.PlanDurationInstrument, "ms", "Time to make a plan.");
        Reloads = _meter.CreateCounter<long>(PlanRulesTelemetry.ReloadsInstrument, "{reload}", "Completed reloads of a rule set.");
        ReloadFailures = _meter.CreateCounter<long>(PlanRulesTelemetry.ReloadFailuresInstrument, "{reload}", "Reloads that failed; the previous rule set keeps serving.");
        _meter.CreateObservableGauge(PlanRulesTelemetry.RuleSetRulesInstrument, ObserveRuleCounts, "{rule}", "Rules in each loaded rule set.");
    }

    public Counter<long> Plans { get; }

    public Counter<long> PlanFailures { get; }

    public Histogram<double> PlanDuration { get; }

    public Counter<long> Reloads { get; }

    public Counter<long> ReloadFailures { get; }

    public void Track(RuleSetBootstrap bootstrap) => _loaded.TryAdd(bootstrap, 0);

    public void Untrack(RuleSetBootstrap bootstrap) => _loaded.TryRemove(bootstrap, out _);

    /// <summary>The key, name and version tags of a rule set.</summary>
    public static TagList Tags(string? key, PlanRules.Rules.RuleSetIdentity identity)
    {
        var tags = new TagList();
        if (key is not null) tags.Add(PlanRulesTelemetry.RuleSetKeyTag, key);
        tags.Add(PlanRulesTelemetry.RuleSetNameTag, identity.Name);
        tags.Add(PlanRulesTelemetry.RuleSetVersionTag, identity.Version);
        return tags;
    }

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }

    private IEnumerable<Measurement<int>> ObserveRuleCounts()
    {
        foreach (var bootstrap in _loaded.Keys)
        {
            if (bootstrap.LoadedMonitor is not { } monitor) continue;
            var rules = monitor.Current;
            yield return new Measurement<int>(rules.Rules.Count, Tags(bootstrap.Key, rules.Identity));
        }
    }
}
