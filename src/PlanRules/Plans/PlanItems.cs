using PlanRules.Cases;
using PlanRules.Rules;

namespace PlanRules.Plans;

/// <summary>A rule that contributed to a plan item, where it stands, and the facts it matched. Immutable.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Source">Where it stands (<c>file:line</c>).</param>
/// <param name="Matched">Facts it matched, by name (a history list's value is the number of matching entries).</param>
public sealed record RuleCitation(string Rule, string Source, IReadOnlyDictionary<string, FactValue> Matched);

/// <summary>Something that must happen before a candidate, e.g. holding a blood thinner. Immutable.</summary>
/// <param name="Code">E.g. <c>hold.apixaban</c>.</param>
/// <param name="Message">What to do.</param>
/// <param name="Rule">The rule that asked for it.</param>
/// <param name="Source">Where the rule stands.</param>
public sealed record Prerequisite(string Code, string Message, string Rule, string Source);

/// <summary>An intervention worth considering, with why. Immutable.</summary>
public sealed record Candidate
{
    /// <summary>The intervention code.</summary>
    public required string Intervention { get; init; }

    /// <summary>Its clinical name.</summary>
    public required string Name { get; init; }

    /// <summary><c>recommended</c> or <c>consider</c>.</summary>
    public required string Strength { get; init; }

    /// <summary>1 = best.</summary>
    public required int Rank { get; init; }

    /// <summary>The catalog's bleeding-risk category.</summary>
    public required string BleedingRisk { get; init; }

    /// <summary>The category after bleeding-risk modifiers, when it differs.</summary>
    public string? EffectiveBleedingRisk { get; init; }

    /// <summary>The facts that raised the category (e.g. <c>condition.renal_impairment</c>); empty when it was not raised.</summary>
    public IReadOnlyList<string> EffectiveBleedingRiskBecause { get; init; } = [];

    /// <summary>The rules that proposed it.</summary>
    public required IReadOnlyList<RuleCitation> Because { get; init; }

    /// <summary>What must happen first.</summary>
    public IReadOnlyList<Prerequisite> Prerequisites { get; init; } = [];

    /// <summary>How it fits the patient's goals and preferences (from preference rules).</summary>
    public IReadOnlyList<string> Fit { get; init; } = [];

    /// <summary>Plain-language patient education.</summary>
    public required Education Education { get; init; }

    /// <summary>Plain-language note on restarting blood thinners afterwards, when the patient takes one.</summary>
    public string? Restart { get; init; }
}

/// <summary>Why a proposed intervention was removed. Immutable.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Source">Where it stands.</param>
/// <param name="Severity"><c>absolute</c>.</param>
/// <param name="About">The facts that raised it.</param>
/// <param name="Message">Why.</param>
public sealed record ExclusionReason(string Rule, string Source, string Severity, IReadOnlyList<string> About, string Message)
{
    /// <summary>
    /// The case's numbers behind the reason, so that it is specific: the facts the rule matched and, for an earlier
    /// procedure or medication, the most recent matching entry's recorded attributes
    /// (<c>procedure.esi.lumbar.transforaminal.weeksAgo</c> = 4). Empty when the rule matched nothing countable.
    /// </summary>
    public IReadOnlyDictionary<string, FactValue> Matched { get; init; } = new SortedDictionary<string, FactValue>(StringComparer.Ordinal);
}

/// <summary>An intervention a rule proposed but another removed. Immutable.</summary>
/// <param name="Intervention">The intervention code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Reasons">Every reason, in rule order.</param>
public sealed record Exclusion(string Intervention, string Name, IReadOnlyList<ExclusionReason> Reasons);

/// <summary>A warning: <c>critical</c> must be resolved before the procedure; <c>warning</c>; <c>info</c>. Immutable.</summary>
public sealed record PlanWarning
{
    /// <summary>E.g. <c>antithrombotic.hold</c>.</summary>
    public required string Code { get; init; }

    /// <summary><c>critical</c>, <c>warning</c> or <c>info</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>The candidates it applies to (empty for the whole plan).</summary>
    public required IReadOnlyList<string> AppliesTo { get; init; }

    /// <summary>The facts that raised it.</summary>
    public required IReadOnlyList<string> About { get; init; }

    /// <summary>What to do about it.</summary>
    public required string Message { get; init; }

    /// <summary>The rule.</summary>
    public required string Rule { get; init; }

    /// <summary>Where the rule stands.</summary>
    public required string Source { get; init; }

    /// <summary>The rule's evidence.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}

/// <summary>A fact that is unknown and needed. Immutable.</summary>
/// <param name="Fact">The fact, e.g. <c>lab.inr</c>.</param>
/// <param name="NeededFor">The interventions that need it (empty for the whole plan).</param>
/// <param name="Why">Why it is needed.</param>
/// <param name="Rules">The rules that need it.</param>
public sealed record MissingInformation(string Fact, IReadOnlyList<string> NeededFor, string Why, IReadOnlyList<string> Rules)
{
    /// <summary>Purposes of missing information, in the order a plan lists them: <c>safety</c>, <c>screening</c>, <c>eligibility</c>.</summary>
    public static readonly IReadOnlyList<string> Purposes = ["safety", "screening", "eligibility"];

    /// <summary>
    /// Why it is asked for: <c>safety</c> (it could exclude or warn on a proposed candidate), <c>screening</c>
    /// (red flags, pregnancy) or <c>eligibility</c> (it could add a candidate).
    /// </summary>
    public string Purpose { get; init; } = "eligibility";

    /// <summary>
    /// When <see cref="Fact"/> names a whole history list that is unknown (e.g. <c>history.conditions</c>), the
    /// rule patterns that met it, each written as its prefix without the star (<c>condition.diabetes.</c> for a
    /// rule's <c>condition.diabetes.*</c>; several joined by <c>", "</c>); otherwise <c>null</c>.
    /// </summary>
    public string? Detail { get; init; }
}

/// <summary>The value of a screening fact (a red flag, pregnancy) that is known in the case. Immutable.</summary>
/// <param name="Fact">The vocabulary fact, e.g. <c>finding.redflag.cauda_equina</c>.</param>
/// <param name="Value">Its validated value.</param>
public sealed record ScreeningFact(string Fact, FactValue Value);

/// <summary>A referral; a red flag stops the plan. Immutable.</summary>
/// <param name="Code">E.g. <c>urgent_evaluation</c>.</param>
/// <param name="About">The facts that raised it.</param>
/// <param name="Message">What to do.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Source">Where it stands.</param>
/// <param name="StopsPlan">Whether it removed every candidate.</param>
public sealed record Referral(string Code, IReadOnlyList<string> About, string Message, string Rule, string Source, bool StopsPlan);

/// <summary>A non-interventional part of the plan (active rehabilitation, pain psychology). Immutable.</summary>
/// <param name="Code">E.g. <c>rehab.home_exercise</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Message">What it is for.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Source">Where it stands.</param>
public sealed record Companion(string Code, string Name, string Message, string Rule, string Source);

/// <summary>A patient-reported outcome check that decides what comes next. Immutable.</summary>
/// <param name="Measure">The fact measured, e.g. <c>finding.pain.nrs</c>.</param>
/// <param name="AfterWeeks">When.</param>
/// <param name="Message">Why it matters.</param>
/// <param name="AppliesTo">The candidates it follows.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Source">Where it stands.</param>
public sealed record FollowUp(string Measure, double AfterWeeks, string Message, IReadOnlyList<string> AppliesTo, string Rule, string Source)
{
    /// <summary>The kind of check written for restart rules: <c>restart</c>.</summary>
    public const string RestartKind = "restart";

    /// <summary>
    /// <see cref="RestartKind"/> when the check is about restarting a held medication (then <see cref="Measure"/>
    /// is the medication fact, e.g. <c>medication.apixaban</c>); <c>null</c> for an outcome check.
    /// </summary>
    public string? Kind { get; init; }
}

/// <summary>One rule firing, in firing order. Immutable.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Source">Where it stands.</param>
/// <param name="Outcome"><c>fired</c>, or <c>unknown</c> when it could not be decided for lack of facts.</param>
/// <param name="Intervention">The candidate it applied to, if any.</param>
public sealed record TraceEntry(string Rule, string Source, string Outcome, string? Intervention);
