using System.Text.Json.Serialization;
using PlanRules.Diagnostics;

namespace PlanRules.Fhir.CdsHooks;

/// <summary>One CDS Hooks card. Immutable.</summary>
public sealed record CdsCard
{
    /// <summary>A fresh id of the card (a new UUID on every response).</summary>
    [JsonPropertyName("uuid")]
    public required string Uuid { get; init; }

    /// <summary>One line, at most 140 characters.</summary>
    [JsonPropertyName("summary")]
    public required string Summary { get; init; }

    /// <summary>Detail in GitHub-flavoured Markdown.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    /// <summary><c>critical</c>, <c>warning</c> or <c>info</c>.</summary>
    [JsonPropertyName("indicator")]
    public required string Indicator { get; init; }

    /// <summary>Where the advice comes from: the rule and its evidence.</summary>
    [JsonPropertyName("source")]
    public required CdsSource Source { get; init; }

    /// <summary>Actions the clinician may accept (a proposed order for a candidate).</summary>
    [JsonPropertyName("suggestions")]
    public IReadOnlyList<CdsSuggestion>? Suggestions { get; init; }

    /// <summary><c>at-most-one</c> when there are suggestions; absent otherwise.</summary>
    [JsonPropertyName("selectionBehavior")]
    public string? SelectionBehavior { get; init; }
}
