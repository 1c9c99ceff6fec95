using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanRules.Fhir.CdsHooks;

/// <summary>A CDS Hooks service response: the cards (CDS Hooks 2.0, <c>cards</c>). Immutable.</summary>
/// <param name="Cards">The cards, most urgent first.</param>
public sealed record CdsHooksResponse([property: JsonPropertyName("cards")] IReadOnlyList<CdsCard> Cards)
{
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The response as JSON (indented, <c>\n</c> line ends), as a CDS service returns it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions).Replace("\r\n", "\n", StringComparison.Ordinal);
}
