namespace PlanRules.Cases;

/// <summary>One medication the patient takes (<c>history.medications[]</c>). Attributes are <c>null</c> when unknown. Immutable.</summary>
/// <param name="Code">A medication code of the vocabulary, e.g. <c>apixaban</c> (without the <c>medication.</c> section).</param>
public sealed record MedicationEntry(string Code)
{
    /// <summary>Hours since the last dose, when known.</summary>
    public double? LastDoseHoursAgo { get; init; }

    /// <summary><c>prophylactic</c> or <c>therapeutic</c> (heparins), when known.</summary>
    public string? Dose { get; init; }

    /// <summary><c>primary_prevention</c> or <c>secondary_prevention</c> (aspirin), when known.</summary>
    public string? Indication { get; init; }
}
