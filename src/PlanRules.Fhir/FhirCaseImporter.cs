using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PlanRules.Rules;

namespace PlanRules.Fhir;

/// <summary>
/// Maps a FHIR R4 <see cref="Bundle"/> (a patient's record, e.g. a CDS Hooks prefetch) into a PlanRules case, and
/// reports every decision as a <see cref="FhirMappingNote"/>: what became which fact, what was dropped (identifiers,
/// names, addresses, contacts, the birth date once the age is computed) and what could not be mapped. Nothing is
/// dropped silently. Standard codes come from the vocabulary's <c>codes</c> (SNOMED CT, LOINC, RxNorm, CPT), then
/// from a small local table that is reported as such, then from the PlanRules vocabulary code system
/// (<see cref="FhirCodeSystems.Vocabulary"/>) for facts no standard code covers. Times are relative to an explicit
/// <c>asOf</c> instant; there is no ambient clock. The conventions are documented in <c>src/PlanRules.Fhir/README.md</c>.
/// Stateless and thread-safe.
/// </summary>
public static partial class FhirCaseImporter
{
    /// <summary>Maps a parsed bundle.</summary>
    /// <param name="bundle">The bundle: one Patient and the resources about them.</param>
    /// <param name="vocabulary">The vocabulary the case must satisfy (usually <c>RuleSet.Vocabulary</c>); its standard codes drive the mapping.</param>
    /// <param name="asOf">The instant the case describes: ages, weeks since procedures and hours since last doses are counted to it.</param>
    /// <param name="caseId">The opaque label for the case; <c>null</c> for none. Never taken from the bundle.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bundle"/> or <paramref name="vocabulary"/> is <c>null</c>.</exception>
    public static FhirImportResult Import(Bundle bundle, Vocabulary vocabulary, DateTimeOffset asOf, string? caseId = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new CaseMapper(vocabulary, asOf).Map(bundle, caseId);
    }

    /// <summary>
    /// Parses FHIR R4 JSON (a Bundle) with the Firely deserializer and maps it. Unreadable JSON, a resource that is not
    /// a Bundle or a bundle that breaks FHIR's structural rules gives an <see cref="FhirMappingOutcome.Invalid"/> note
    /// (with the error code and location, never the offending value) and no case.
    /// </summary>
    /// <param name="json">The bundle as FHIR JSON.</param>
    /// <param name="vocabulary">The vocabulary the case must satisfy.</param>
    /// <param name="asOf">The instant the case describes.</param>
    /// <param name="caseId">The opaque label for the case.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="vocabulary"/> is <c>null</c>.</exception>
    public static FhirImportResult ImportJson(string json, Vocabulary vocabulary, DateTimeOffset asOf, string? caseId = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(vocabulary);
        Resource resource;
        try
        {
            resource = FhirJsonDeserializer.DEFAULT.DeserializeResource(json);
        }
        catch (DeserializationFailedException ex)
        {
            var notes = ex.Exceptions.Select(e => new FhirMappingNote(FhirMappingOutcome.Invalid, "Bundle", Where(e.Message), null,
                "the JSON is not valid FHIR R4 (" + e.ErrorCode + ")")).ToList();
            return new FhirImportResult(null, notes);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return new FhirImportResult(null, [new FhirMappingNote(FhirMappingOutcome.Invalid, "Bundle", null, null, "the input is not FHIR JSON (" + ex.GetType().Name + ")")]);
        }
        if (resource is not Bundle bundle)
            return new FhirImportResult(null, [new FhirMappingNote(FhirMappingOutcome.Invalid, resource.TypeName, null, null, "expected a Bundle, found a " + resource.TypeName)]);
        return Import(bundle, vocabulary, asOf, caseId);
    }

    // The location of a parse error ("At Bundle.entry[0].resource.status, line 1, position 40"), without its value.
    // The path is kept only as far as its segments are FHIR R4 type and element names: an unknown element name is
    // input (a key of the JSON), so the path stops there.
    private static string? Where(string message)
    {
        var m = AtPattern().Match(message);
        if (!m.Success) return null;
        var kept = new List<string>();
        foreach (var segment in m.Groups[1].Value.Split('.'))
        {
            var name = IndexPattern().Replace(segment, "");
            if (!FhirElementNames.IsKnown(name) || !SegmentPattern().IsMatch(segment)) { kept.Add("(an element that FHIR R4 does not define)"); break; }
            kept.Add(segment);
        }
        return string.Join(".", kept) + m.Groups[2].Value;
    }

    [GeneratedRegex(@"At ([^,]+)((?:, line \d+, position \d+)?)\.?\s*$")]
    private static partial Regex AtPattern();

    [GeneratedRegex(@"\[\d+\]$")]
    private static partial Regex IndexPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\[\d+\])?\z")]
    private static partial Regex SegmentPattern();
}
