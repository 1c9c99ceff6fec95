using PlanRules.Cases;

namespace PlanRules.Fhir;

/// <summary>
/// The outcome of mapping a FHIR bundle into a case: the case (or <c>null</c> when the input was invalid) and every
/// mapping decision, in bundle order. Nothing in the bundle is dropped silently: each resource and each identifying
/// element has at least one note, and no note carries a value from the bundle (see <see cref="FhirMappingNote"/>). Immutable.
/// </summary>
/// <param name="Case">The case; <c>null</c> when a note is <see cref="FhirMappingOutcome.Invalid"/> in a way that makes the case unsafe to use.</param>
/// <param name="Notes">Every decision.</param>
public sealed record FhirImportResult(PatientCase? Case, IReadOnlyList<FhirMappingNote> Notes)
{
    /// <summary><c>true</c> when a case was produced.</summary>
    public bool Succeeded => Case is not null;

    /// <summary>The notes with the given outcome.</summary>
    public IEnumerable<FhirMappingNote> NotesWith(FhirMappingOutcome outcome) => Notes.Where(n => n.Outcome == outcome);
}
