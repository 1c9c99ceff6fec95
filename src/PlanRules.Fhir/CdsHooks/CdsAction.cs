using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlanRules.Fhir.CdsHooks;

/// <summary>An action of a suggestion. Immutable.</summary>
/// <param name="Type"><c>create</c>, <c>update</c> or <c>delete</c>.</param>
/// <param name="Description">What it does.</param>
/// <param name="Resource">The FHIR resource (JSON) to create.</param>
public sealed record CdsAction(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("resource")] JsonNode? Resource);
