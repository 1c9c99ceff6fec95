using PlanRules.Plans;
using PlanRules.Diagnostics;

namespace PlanRules.Replay;

/// <summary>One replayed case: its outcome, the unmet expectations, the plan and the reader's diagnostics. Immutable.</summary>
public sealed record ReplayCaseResult
{
    /// <summary>The case as planned.</summary>
    public required PlannedCase Case { get; init; }

    /// <summary>Passed, failed or error.</summary>
    public required ReplayOutcome Outcome { get; init; }

    /// <summary>Every unmet expectation (empty unless <see cref="Outcome"/> is <see cref="ReplayOutcome.Failed"/>).</summary>
    public IReadOnlyList<ExpectationFailure> Failures { get; init; } = [];

    /// <summary>Whether the case carries an <c>expect</c> block.</summary>
    public bool HasExpectations { get; init; }

    /// <summary>The case's name in the corpus.</summary>
    public string Name => Case.Name;

    /// <summary>The plan, or <c>null</c> for an error.</summary>
    public TreatmentPlan? Plan => Case.Plan;

    /// <summary>The reader's diagnostics (never an identifier's value).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Case.Diagnostics;

    /// <summary>The time spent reading, planning and checking the case.</summary>
    public TimeSpan Elapsed => Case.Elapsed;
}
