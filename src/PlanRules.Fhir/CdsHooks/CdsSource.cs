using System.Text.Json.Serialization;

namespace PlanRules.Fhir.CdsHooks;

/// <summary>The source of a card: a label (the rule's first evidence citation), a URL when the evidence gives one, and the rule as a topic. Immutable.</summary>
/// <param name="Label">A short label.</param>
/// <param name="Url">A link to the evidence, when its citation contains one.</param>
/// <param name="Topic">The rule (<see cref="FhirCodeSystems.Rules"/>, rule id, rule title).</param>
public sealed record CdsSource(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("topic")] CdsCoding? Topic = null);
