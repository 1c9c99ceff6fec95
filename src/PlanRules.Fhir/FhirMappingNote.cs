namespace PlanRules.Fhir;

/// <summary>
/// One mapping decision of <see cref="FhirCaseImporter"/>. Notes name resources by type and bundle position
/// (<c>Observation (entry 3)</c>) and codes by system and code; they never repeat an identifier, a name, an address,
/// a date of birth or free text from the bundle. Immutable.
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
