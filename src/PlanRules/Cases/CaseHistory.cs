namespace PlanRules.Cases;

/// <summary>
/// The patient's history. A list that is <c>null</c> is unknown (nothing can be concluded from it);
/// an empty list is a known "none". Immutable.
/// </summary>
public sealed record CaseHistory
{
    /// <summary>Condition codes, e.g. <c>diabetes.type2</c>.</summary>
    public IReadOnlyList<string>? Conditions { get; init; }

    /// <summary>Medications with their attributes.</summary>
    public IReadOnlyList<MedicationEntry>? Medications { get; init; }

    /// <summary>Allergy codes, e.g. <c>iodinated_contrast</c>.</summary>
    public IReadOnlyList<string>? Allergies { get; init; }

    /// <summary>Implanted device codes, e.g. <c>pacemaker</c>.</summary>
    public IReadOnlyList<string>? Devices { get; init; }

    /// <summary>Earlier interventions with their relief.</summary>
    public IReadOnlyList<ProcedureEntry>? Procedures { get; init; }
}
