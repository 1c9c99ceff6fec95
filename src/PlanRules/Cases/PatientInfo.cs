namespace PlanRules.Cases;

/// <summary>The few patient facts a case carries (<c>patient.*</c>); <c>null</c> means unknown. Immutable.</summary>
public sealed record PatientInfo
{
    /// <summary><c>patient.ageYears</c>.</summary>
    public double? AgeYears { get; init; }

    /// <summary><c>patient.sex</c>: <c>female</c>, <c>male</c> or <c>other</c>.</summary>
    public string? Sex { get; init; }

    /// <summary><c>patient.pregnant</c>.</summary>
    public bool? Pregnant { get; init; }
}
