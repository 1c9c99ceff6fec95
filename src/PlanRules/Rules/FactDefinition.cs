namespace PlanRules.Rules;

/// <summary>
/// One vocabulary entry: a fact such as <c>finding.pain.nrs</c>, or an attribute of a history entry
/// such as <c>procedure.*.reliefPercent</c>. Immutable.
/// </summary>
/// <param name="Name">The full name, e.g. <c>finding.pain.nrs</c>; for an attribute just its key, e.g. <c>reliefPercent</c>.</param>
/// <param name="Type">Number, boolean or word.</param>
/// <param name="Label">A plain-language label for reviewers.</param>
public sealed record FactDefinition(string Name, FactType Type, string Label)
{
    /// <summary>The unit of a number (e.g. <c>weeks</c>), or <c>null</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>The smallest allowed number, or <c>null</c>.</summary>
    public double? Min { get; init; }

    /// <summary>The largest allowed number, or <c>null</c>.</summary>
    public double? Max { get; init; }

    /// <summary>The allowed words of a <see cref="FactType.Word"/> fact; empty otherwise.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>Standard codes this entry maps to, e.g. <c>LOINC</c> → <c>6301-6</c>.</summary>
    public IReadOnlyDictionary<string, string> StandardCodes { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether the fact is a screening fact (a red flag, pregnancy): its value is listed in every plan's
    /// <c>screening</c>, and missing information about it has the purpose <c>screening</c>.
    /// </summary>
    public bool Screening { get; init; }

    /// <summary>The section: <c>patient</c>, <c>finding</c>, <c>lab</c>, <c>condition</c>, <c>medication</c>, <c>allergy</c>, <c>device</c>, <c>procedure</c> or <c>goal</c>.</summary>
    public string Section => Name.IndexOf('.') is var i and > 0 ? Name[..i] : Name;

    /// <summary>The name without its section, e.g. <c>pain.nrs</c> for <c>finding.pain.nrs</c>.</summary>
    public string Code => Name.IndexOf('.') is var i and > 0 ? Name[(i + 1)..] : Name;
}
