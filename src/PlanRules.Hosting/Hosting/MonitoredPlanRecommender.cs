using System.Diagnostics;
using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Rules;

namespace PlanRules.Hosting;

/// <summary>
/// The dependency-injection <see cref="IPlanRecommender"/>: plans with the monitor's current rule set, read once per
/// call, so an evaluation in flight finishes on the set it started with while a reload swaps in another. Each plan is
/// counted, timed and traced (<see cref="PlanRulesTelemetry"/>) with the rule set's key, name and version and the
/// plan's counts only: never a value of the case. Resolving it loads nothing: the rule set is loaded by the start-up
/// step, or by the first call when there is no host (so a hosted service may take it in its constructor). Thread-safe.
/// </summary>
internal sealed class MonitoredPlanRecommender(RuleSetBootstrap bootstrap) : IPlanRecommender
{
    /// <inheritdoc />
    public RuleSetIdentity RuleSet => bootstrap.GetMonitor().Current.Identity;

    /// <inheritdoc />
    public TreatmentPlan Recommend(PatientCase patientCase, CancellationToken cancellationToken = default)
    {
        var monitor = bootstrap.GetMonitor();
        var instruments = monitor.Instruments;
        var state = monitor.CurrentState;
        var tags = PlanRulesInstruments.Tags(monitor.Key, state.Rules.Identity);
        using var activity = PlanRulesInstruments.ActivitySource.StartActivity(PlanRulesTelemetry.PlanActivityName, ActivityKind.Internal);
        if (activity is not null)
        {
            foreach (var tag in tags) activity.SetTag(tag.Key, tag.Value);
        }
        var started = Stopwatch.GetTimestamp();
        TreatmentPlan plan;
        try
        {
            plan = state.Recommender.Recommend(patientCase, cancellationToken);
        }
        catch (Exception ex)
        {
            // The exception's type only: its message may quote the case.
            var errorType = ex.GetType().FullName ?? ex.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
            activity?.SetTag(PlanRulesTelemetry.ErrorTypeTag, errorType);
            var failureTags = tags;
            failureTags.Add(PlanRulesTelemetry.ErrorTypeTag, errorType);
            instruments.PlanFailures.Add(1, failureTags);
            throw;
        }
        instruments.PlanDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        instruments.Plans.Add(1, tags);
        if (activity is not null)
        {
            activity.SetTag(PlanRulesTelemetry.CandidatesTag, plan.Candidates.Count);
            activity.SetTag(PlanRulesTelemetry.ExcludedTag, plan.Excluded.Count);
        }
        return plan;
    }
}
