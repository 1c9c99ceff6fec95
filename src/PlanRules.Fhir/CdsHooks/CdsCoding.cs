using System.Text.Json.Serialization;

namespace PlanRules.Fhir.CdsHooks;

/// <summary>A coding in a card (a CDS Hooks <c>Coding</c>). Immutable.</summary>
/// <param name="System">The code system.</param>
/// <param name="Code">The code.</param>
/// <param name="Display">Its display text.</param>
public sealed record CdsCoding(
    [property: JsonPropertyName("system")] string System,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("display")] string? Display = null);
