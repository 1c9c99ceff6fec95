namespace PlanRules.Fhir.CdsHooks;

/// <summary>Options for <see cref="CdsHooksResponseBuilder"/>. Immutable.</summary>
public sealed record CdsHooksOptions
{
    /// <summary>
    /// The FHIR id of the patient in context: the subject of the suggested orders. This is the one value from outside
    /// the rule set that a response can carry, and only when the caller sets it deliberately; leave it unset to keep
    /// responses free of any identifier (the CDS Hooks sample does).
    /// </summary>
    /// <value>Defaults to <c>null</c>: the orders name "the patient in context" (the EHR applies them to that patient).
    /// A value that is not a valid FHIR id (1–64 of <c>A–Z a–z 0–9 - .</c>) is never used.</value>
    public string? PatientId { get; init; }

    /// <summary>
    /// The source of card and suggestion ids. CDS Hooks asks for a fresh UUID per card and per suggestion on every
    /// response (the EHR uses them to report which card and suggestion were accepted), so ids never repeat across
    /// responses, even for the same plan.
    /// </summary>
    /// <value>Defaults to <see cref="Guid.NewGuid"/>; tests may inject a sequence.</value>
    public Func<Guid> NewId { get; init; } = Guid.NewGuid;
}
