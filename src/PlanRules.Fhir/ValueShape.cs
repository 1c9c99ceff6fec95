using System.Globalization;
using Hl7.Fhir.Model;

namespace PlanRules.Fhir;

/// <summary>
/// Describes values from a bundle by their shape, never their content: a code system is named only when it is one
/// of the systems this project knows (<see cref="FhirCodeSystems"/>), a code or a text only by its length, an
/// identifier only by its kind. Every mapping note that speaks about an input value goes through here, so that no
/// code, display, free text, identifier or key from a record reaches a note, a CDS card or a log. Stateless.
/// </summary>
internal static class ValueShape
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The HL7 v2 identifier type table (<c>Identifier.type</c>).</summary>
    internal const string IdentifierTypeSystem = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private static readonly IReadOnlyDictionary<string, string> KnownSystems = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FhirCodeSystems.Snomed] = "SNOMED CT",
        [FhirCodeSystems.Loinc] = "LOINC",
        [FhirCodeSystems.RxNorm] = "RxNorm",
        [FhirCodeSystems.Cpt] = "CPT",
        [FhirCodeSystems.Ucum] = "UCUM",
        [FhirCodeSystems.Vocabulary] = "PlanRules vocabulary",
        [FhirCodeSystems.Words] = "PlanRules words",
        [FhirCodeSystems.Interventions] = "PlanRules interventions",
        [FhirCodeSystems.Issues] = "PlanRules issues",
        [FhirCodeSystems.Rules] = "PlanRules rules",
        [IdentifierTypeSystem] = "HL7 v2 identifier type",
    };

    // HL7 v2 table 0203: the identifier kinds a note may name. Any other type is "of an unknown kind".
    private static readonly IReadOnlyDictionary<string, string> IdentifierTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MR"] = "a medical record number",
        ["SS"] = "a social security number",
        ["DL"] = "a driver's license number",
        ["PPN"] = "a passport number",
        ["NI"] = "a national identifier",
        ["NH"] = "a national health plan identifier",
        ["SB"] = "a social beneficiary identifier",
        ["MA"] = "a Medicaid number",
        ["MC"] = "a Medicare number",
        ["AN"] = "an account number",
        ["PI"] = "a patient internal identifier",
        ["TAX"] = "a tax identifier",
        ["PRN"] = "a provider number",
        ["DR"] = "a donor registration number",
    };

    /// <summary>The project's name for a code system (e.g. <c>SNOMED CT</c>), or <c>an unknown code system</c>.</summary>
    public static string SystemName(string? system) =>
        system is null ? "no code system" : KnownSystems.TryGetValue(system, out var name) ? name : "an unknown code system";

    /// <summary>A concept that did not map, by shape: how many codings, in which known systems, how long their codes are.</summary>
    public static string Concept(CodeableConcept? concept)
    {
        if (concept is null || concept.Coding.Count == 0)
            return concept?.Text is { Length: > 0 } ? "a concept with text only (text is not interpreted)" : "a concept without codes";
        var codings = concept.Coding.Select(Coding).ToList();
        return (codings.Count == 1 ? "a concept with " : "a concept with " + codings.Count.ToString(Invariant) + " codings: ")
               + string.Join("; ", codings)
               + (concept.Text is { Length: > 0 } || concept.Coding.Any(c => c.Display is { Length: > 0 }) ? " (text and displays are not read)" : "");
    }

    /// <summary>One coding by shape: <c>a SNOMED CT code of 8 characters</c>, <c>a code of 5 characters in an unknown code system</c>.</summary>
    public static string Coding(Coding coding)
    {
        var code = coding.Code is { Length: > 0 } c ? "a code of " + Text(c.Length) : "no code";
        return coding.System is { } s && KnownSystems.TryGetValue(s, out var name)
            ? (coding.Code is { Length: > 0 } k ? Article(name) + " code of " + Text(k.Length) : Article(name) + " coding without a code")
            : code + (coding.System is null ? " without a code system" : " in an unknown code system");
    }

    /// <summary>A text by its length only: <c>a text of 23 characters</c>.</summary>
    public static string TextOf(string? text) => text is null ? "no text" : "a text of " + Text(text.Length);

    /// <summary>The kind of an identifier (from <c>Identifier.type</c> in HL7 v2 table 0203), never its value or system.</summary>
    public static string IdentifierKind(Identifier identifier)
    {
        foreach (var coding in identifier.Type?.Coding ?? [])
        {
            if (coding.System == IdentifierTypeSystem && coding.Code is { } code && IdentifierTypes.TryGetValue(code, out var kind)) return kind;
        }
        return "an identifier of an unknown kind";
    }

    /// <summary>The kinds of several identifiers, grouped: <c>a medical record number, 2 × an identifier of an unknown kind</c>.</summary>
    public static string IdentifierKinds(IEnumerable<Identifier> identifiers) =>
        string.Join(", ", identifiers.Select(IdentifierKind).GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.Key : g.Count().ToString(Invariant) + " × " + g.Key));

    // "an RxNorm code", "an HL7 v2 …", "a SNOMED CT code".
    private static string Article(string name) => (name.StartsWith("Rx", StringComparison.Ordinal) || name.StartsWith("HL7", StringComparison.Ordinal) ? "an " : "a ") + name;

    private static string Text(int length) => length.ToString(Invariant) + (length == 1 ? " character" : " characters");
}
