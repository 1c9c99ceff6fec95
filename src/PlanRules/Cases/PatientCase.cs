using PlanRules.Rules;

namespace PlanRules.Cases;

/// <summary>
/// One patient's anonymized evaluation (<c>planrules.case/1</c>, see <c>docs/case-format.md</c>).
/// Absent means unknown, never "no": a finding missing from <see cref="Findings"/>, a <c>null</c> patient field
/// or a <c>null</c> history list is unknown. Immutable; safe to share across threads.
/// </summary>
public sealed partial record PatientCase
{
    /// <summary>The schema identifier this library reads and writes.</summary>
    public const string Schema = "planrules.case/1";

    /// <summary>An opaque label chosen by whoever anonymized the case.</summary>
    public string? CaseId { get; init; }

    /// <summary>Age, sex, pregnancy.</summary>
    public PatientInfo Patient { get; init; } = new();

    /// <summary>Evaluation findings by code without the section (e.g. <c>pain.nrs</c>).</summary>
    public IReadOnlyDictionary<string, FactValue> Findings { get; init; } = new Dictionary<string, FactValue>();

    /// <summary>Conditions, medications, allergies, devices and earlier procedures.</summary>
    public CaseHistory History { get; init; } = new();

    /// <summary>Laboratory values by code without the section (e.g. <c>inr</c>).</summary>
    public IReadOnlyDictionary<string, double> Labs { get; init; } = new Dictionary<string, double>();

    /// <summary>The patient's goals (e.g. <c>avoid_implant</c>); <c>null</c> when unknown.</summary>
    public IReadOnlyList<string>? Goals { get; init; }
}
