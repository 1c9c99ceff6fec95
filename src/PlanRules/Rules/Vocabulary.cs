using PlanRules.Diagnostics;

namespace PlanRules.Rules;

/// <summary>
/// The codes a rule set understands: facts by full name (<c>finding.pain.nrs</c>, <c>medication.apixaban</c>,
/// <c>procedure.mbb.lumbar</c>) and the attributes of history entries (medications, procedures).
/// Immutable and thread-safe.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Sections whose facts are single values: <c>patient</c>, <c>finding</c>, <c>lab</c>.</summary>
    public static readonly IReadOnlyList<string> ScalarSections = ["patient", "finding", "lab"];

    /// <summary>Sections whose facts are list memberships: <c>condition</c>, <c>medication</c>, <c>allergy</c>, <c>device</c>, <c>procedure</c>, <c>goal</c>.</summary>
    public static readonly IReadOnlyList<string> ListSections = ["condition", "medication", "allergy", "device", "procedure", "goal"];

    private readonly Dictionary<string, FactDefinition> _facts;
    private readonly Dictionary<string, IReadOnlyDictionary<string, FactDefinition>> _attributes;

    /// <summary>Creates a vocabulary.</summary>
    /// <param name="facts">Every fact, by full name.</param>
    /// <param name="attributes">Per list section (e.g. <c>procedure</c>), the attributes its entries may carry.</param>
    public Vocabulary(IEnumerable<FactDefinition> facts, IReadOnlyDictionary<string, IReadOnlyDictionary<string, FactDefinition>> attributes)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(attributes);
        _facts = new Dictionary<string, FactDefinition>(StringComparer.Ordinal);
        foreach (var f in facts) _facts[f.Name] = f;
        _attributes = new Dictionary<string, IReadOnlyDictionary<string, FactDefinition>>(attributes, StringComparer.Ordinal);
        Facts = _facts.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every fact, ordered by name.</summary>
    public IReadOnlyList<FactDefinition> Facts { get; }

    /// <summary>Looks up a fact by its full name.</summary>
    public bool TryGetFact(string name, out FactDefinition fact)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _facts.TryGetValue(name, out fact!);
    }

    /// <summary>Looks up an attribute of the entries of a list section (e.g. <c>procedure</c>, <c>reliefPercent</c>).</summary>
    public bool TryGetAttribute(string section, string attribute, out FactDefinition definition)
    {
        definition = null!;
        return _attributes.TryGetValue(section, out var attrs) && attrs.TryGetValue(attribute, out definition!);
    }

    /// <summary>The attributes the entries of a list section may carry.</summary>
    public IReadOnlyDictionary<string, FactDefinition> AttributesOf(string section) =>
        _attributes.TryGetValue(section, out var attrs) ? attrs : new Dictionary<string, FactDefinition>();

    private IReadOnlySet<string>? _caseKeys;
    private IReadOnlySet<string>? _names;

    /// <summary>
    /// The keys a case path may write out (<see cref="Privacy.CasePath"/>): the case format's own keys, every fact's
    /// code and every attribute name. Anything else a case uses as a key is shown by position, never by name.
    /// </summary>
    internal IReadOnlySet<string> CaseKeys => _caseKeys ??= new HashSet<string>(
        Privacy.CaseFormatKeys.All
            .Concat(_facts.Values.Select(f => f.Code))
            .Concat(_attributes.Values.SelectMany(a => a.Keys)), StringComparer.Ordinal);

    /// <summary>Every fact's full name (<c>finding.pain.nrs</c>): the words a message may name facts by.</summary>
    internal IReadOnlySet<string> Names => _names ??= new HashSet<string>(_facts.Keys, StringComparer.Ordinal);

    /// <summary>The known fact names closest to <paramref name="name"/>, for "did you mean" suggestions.</summary>
    public string? Suggest(string name) => Suggestions.Closest(name, _facts.Keys);
}
