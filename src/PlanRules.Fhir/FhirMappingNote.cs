namespace PlanRules.Fhir;

/// <summary>
/// One mapping decision of <see cref="FhirCaseImporter"/>. Notes name resources by type and bundle position
/// (<c>Observation (entry 3)</c>) and elements by FHIR path, and describe input values by their shape only: a code
/// that maps is named by the vocabulary (or local table) code it matched; any other code by its known system and
/// length (<c>a SNOMED CT code of 8 characters</c>, <c>a code of 5 characters in an unknown code system</c>); texts,
/// units and words that did not validate by length; identifiers by kind; numbers that failed validation by the
/// range they missed. A note never repeats a code, display, free text, identifier, key or rejected number from the
/// bundle, so notes are safe to print (<c>planrules plan --fhir</c> writes them to stderr) and to show in a CDS card.
/// Immutable.
/// </summary>
/// <param name="Outcome">Mapped, dropped, unmapped or invalid.</param>
/// <param name="Resource">The resource, e.g. <c>Observation (entry 3)</c>, or <c>Bundle</c>.</param>
/// <param name="Element">The element concerned, e.g. <c>Patient.identifier</c> or <c>Observation.code</c>; <c>null</c> for the whole resource.</param>
/// <param name="Target">The case fact it became, e.g. <c>finding.pain.nrs</c>; <c>null</c> when nothing was mapped.</param>
/// <param name="Message">What was decided and why.</param>
public sealed record FhirMappingNote(FhirMappingOutcome Outcome, string Resource, string? Element, string? Target, string Message)
{
    /// <summary>One line: <c>mapped Observation (entry 3) Observation.value[x] → finding.pain.nrs: …</c>.</summary>
    public override string ToString() =>
        Outcome.ToString().ToLowerInvariant() + " " + Resource + (Element is null ? "" : " " + Element) + (Target is null ? "" : " → " + Target) + ": " + Message;
}
