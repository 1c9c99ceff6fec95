namespace PlanRules.Fhir;

/// <summary>Options for <see cref="FhirPlanExporter"/>. Immutable.</summary>
public sealed record FhirExportOptions
{
    /// <summary>
    /// When the plan was made: <c>Provenance.recorded</c>, <c>Bundle.timestamp</c>, <c>RequestGroup.authoredOn</c>,
    /// <c>DetectedIssue.identified</c> and <c>Task.authoredOn</c>. Required: the library reads no clock.
    /// </summary>
    public required DateTimeOffset Recorded { get; init; }

    /// <summary>
    /// A reference to the patient in the receiving system (e.g. <c>Patient/123</c>), set as the subject of every
    /// resource; <c>null</c> (the default) leaves the resources without a subject, as the case carries no identifier.
    /// </summary>
    /// <value>Defaults to <c>null</c>.</value>
    public string? PatientReference { get; init; }
}
