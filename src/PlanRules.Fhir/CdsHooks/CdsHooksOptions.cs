namespace PlanRules.Fhir.CdsHooks;

/// <summary>Options for <see cref="CdsHooksResponseBuilder"/>. Immutable.</summary>
public sealed record CdsHooksOptions
{
    /// <summary>The FHIR id of the patient in context (the hook's <c>context.patientId</c>): the subject of the suggested orders.</summary>
    /// <value>Defaults to <c>null</c>: the orders name no patient (the EHR fills it in).</value>
    public string? PatientId { get; init; }
}
