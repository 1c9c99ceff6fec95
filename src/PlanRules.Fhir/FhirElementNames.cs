using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;

namespace PlanRules.Fhir;

/// <summary>
/// The type and element names of FHIR R4 (from the Firely model), so that a location taken from a parse error can be
/// told apart from a key someone wrote into the JSON. Choice elements count with their type suffix
/// (<c>valueQuantity</c>). Built once; thread-safe.
/// </summary>
internal static class FhirElementNames
{
    private static readonly Lazy<(HashSet<string> Names, HashSet<string> Choices, HashSet<string> Types)> Known = new(Build);

    /// <summary>Whether <paramref name="name"/> is an R4 type name, an element name or a choice element with a type suffix.</summary>
    public static bool IsKnown(string name)
    {
        var (names, choices, types) = Known.Value;
        if (names.Contains(name)) return true;
        foreach (var choice in choices)
        {
            if (name.Length > choice.Length && name.StartsWith(choice, StringComparison.Ordinal) && types.Contains(name[choice.Length..])) return true;
        }
        return false;
    }

    private static (HashSet<string>, HashSet<string>, HashSet<string>) Build()
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "resourceType" };
        var choices = new HashSet<string>(StringComparer.Ordinal);
        var types = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in ModelInfo.ModelInspector.ClassMappings)
        {
            names.Add(mapping.Name);
            types.Add(mapping.Name);
            foreach (var property in mapping.PropertyMappings)
            {
                names.Add(property.Name);
                if (property.Choice != ChoiceType.None) choices.Add(property.Name);
            }
        }
        return (names, choices, types);
    }
}
