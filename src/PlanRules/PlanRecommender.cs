using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules;

/// <summary>
/// Plans cases with one compiled rule set. Thread-safe: one instance serves any number of threads; each call
/// evaluates in an NRules session of its own for the duration of the call (taken from the rule set's pool and
/// completely reset before reuse), then assembles the plan.
/// </summary>
public sealed class PlanRecommender : IPlanRecommender
{
    private readonly RuleSet _rules;

    /// <summary>Creates a recommender for a loaded rule set.</summary>
    public PlanRecommender(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
    }

    /// <inheritdoc />
    public RuleSetIdentity RuleSet => _rules.Identity;

    /// <inheritdoc />
    public TreatmentPlan Recommend(PatientCase patientCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        if (!ValidatedCases.WereChecked(patientCase, _rules.Vocabulary))
        {
            var problems = patientCase.Validate(_rules.Vocabulary);
            if (problems.Any(d => d.Severity == DiagnosticSeverity.Error)) throw new InvalidCaseException(problems);
            ValidatedCases.Remember(patientCase, _rules.Vocabulary);
        }
        return PlanAssembler.Assemble(_rules.Compiled, patientCase, _rules.Compiled.Evaluate(patientCase, cancellationToken));
    }
}
