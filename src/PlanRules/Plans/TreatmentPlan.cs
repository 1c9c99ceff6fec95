using PlanRules.Rules;

namespace PlanRules.Plans;

/// <summary>
/// The plan for one case (<c>planrules.plan/1</c>, see <c>docs/plan-format.md</c>). Immutable and safe to share
/// across threads. The same case and rule set always give the same plan, and <see cref="ToJson"/> the same bytes.
/// </summary>
public sealed record TreatmentPlan
{
    /// <summary>The schema identifier written into the JSON.</summary>
    public const string Schema = "planrules.plan/1";

    /// <summary>The case's opaque label.</summary>
    public string? CaseId { get; init; }

    /// <summary>The rule set that made the plan.</summary>
    public required RuleSetIdentity RuleSet { get; init; }

    /// <summary>
    /// How many distinct rules with status <c>draft</c> contributed to this plan (cited by a candidate, an exclusion,
    /// a warning, a prerequisite, missing information, a referral, a companion or a follow-up); 0 when none.
    /// </summary>
    public int DraftRulesUsed { get; init; }

    /// <summary>Every screening fact of the vocabulary (red flags, pregnancy) whose value the case records, by fact name.</summary>
    public IReadOnlyList<ScreeningFact> Screening { get; init; } = [];

    /// <summary>The screening facts of the vocabulary the case does not record, by name (shown by <see cref="ToText"/>; not in the JSON).</summary>
    internal IReadOnlyList<string> ScreeningNotRecorded { get; init; } = [];

    /// <summary>Interventions worth considering, best first.</summary>
    public IReadOnlyList<Candidate> Candidates { get; init; } = [];

    /// <summary>Proposed interventions that were removed, with reasons.</summary>
    public IReadOnlyList<Exclusion> Excluded { get; init; } = [];

    /// <summary>Warnings, most severe first.</summary>
    public IReadOnlyList<PlanWarning> Warnings { get; init; } = [];

    /// <summary>Unknown facts that are needed: safety first, then screening, then eligibility; by fact within each.</summary>
    public IReadOnlyList<MissingInformation> MissingInformation { get; init; } = [];

    /// <summary>Referrals.</summary>
    public IReadOnlyList<Referral> Referrals { get; init; } = [];

    /// <summary>Non-interventional parts of the plan.</summary>
    public IReadOnlyList<Companion> Companions { get; init; } = [];

    /// <summary>Outcome checks.</summary>
    public IReadOnlyList<FollowUp> FollowUp { get; init; } = [];

    /// <summary>Every rule that fired, in firing order.</summary>
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];

    /// <summary>The plan as indented JSON (camelCase, <c>\n</c> line endings); deterministic.</summary>
    public string ToJson() => PlanJsonWriter.Write(this);

    /// <summary>The plan as readable plain text (candidates with why, warnings, missing information, education summary).</summary>
    public string ToText() => PlanTextWriter.Write(this);
}
