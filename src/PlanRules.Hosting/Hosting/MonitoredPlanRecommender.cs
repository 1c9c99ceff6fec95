using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Rules;

namespace PlanRules.Hosting;

/// <summary>
/// The dependency-injection <see cref="IPlanRecommender"/>: plans with the monitor's current rule set, read once per
/// call, so an evaluation in flight finishes on the set it started with while a reload swaps in another. Thread-safe.
/// </summary>
internal sealed class MonitoredPlanRecommender(RuleSetMonitor monitor) : IPlanRecommender
{
    /// <inheritdoc />
    public RuleSetIdentity RuleSet => monitor.Current.Identity;

    /// <inheritdoc />
    public TreatmentPlan Recommend(PatientCase patientCase, CancellationToken cancellationToken = default) =>
        monitor.CurrentRecommender.Recommend(patientCase, cancellationToken);
}
