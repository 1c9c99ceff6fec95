using System.Text.Json.Serialization;

namespace PlanRules.Fhir.CdsHooks;

/// <summary>A suggestion on a card: accepting it proposes the candidate as an order. Immutable.</summary>
/// <param name="Label">What accepting does.</param>
/// <param name="Uuid">A fresh id (a new UUID on every response).</param>
/// <param name="IsRecommended">Whether it is the plan's top recommendation.</param>
/// <param name="Actions">The actions (one <c>create</c> of a draft ServiceRequest).</param>
public sealed record CdsSuggestion(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("isRecommended")] bool IsRecommended,
    [property: JsonPropertyName("actions")] IReadOnlyList<CdsAction> Actions);
