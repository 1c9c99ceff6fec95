using PlanRules.Cases;
using PlanRules.Plans;

namespace PlanRules;

/// <summary>Turns a patient case into a treatment plan. Implementations are thread-safe.</summary>
public interface IPlanRecommender
{
    /// <summary>The identity of the rule set plans are made with.</summary>
    Rules.RuleSetIdentity RuleSet { get; }

    /// <summary>Plans one case. Thread-safe.</summary>
    /// <param name="patientCase">The case; its codes must be known to the rule set's vocabulary.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <exception cref="InvalidCaseException">The case carries an unknown code, an out-of-range value or an identifier.</exception>
    TreatmentPlan Recommend(PatientCase patientCase, CancellationToken cancellationToken = default);
}
