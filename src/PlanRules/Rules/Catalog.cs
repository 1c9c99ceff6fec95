namespace PlanRules.Rules;

/// <summary>The interventions, tags, companions and referrals of a rule set (<c>catalog.json</c>). Immutable.</summary>
public sealed class Catalog
{
    private readonly Dictionary<string, Intervention> _byCode;

    internal static Catalog Empty { get; } = new([], new Dictionary<string, string>(), new Dictionary<string, CatalogEntry>(), new Dictionary<string, CatalogEntry>());

    internal Catalog(IReadOnlyList<Intervention> interventions, IReadOnlyDictionary<string, string> tags,
        IReadOnlyDictionary<string, CatalogEntry> companions, IReadOnlyDictionary<string, CatalogEntry> referrals)
    {
        Interventions = interventions;
        Tags = tags;
        Companions = companions;
        Referrals = referrals;
        _byCode = new Dictionary<string, Intervention>(StringComparer.Ordinal);
        foreach (var i in interventions) _byCode.TryAdd(i.Code, i);
    }

    /// <summary>The interventions, in catalog order.</summary>
    public IReadOnlyList<Intervention> Interventions { get; }

    /// <summary>Tag descriptions by tag.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>Companions by code.</summary>
    public IReadOnlyDictionary<string, CatalogEntry> Companions { get; }

    /// <summary>Referrals by code.</summary>
    public IReadOnlyDictionary<string, CatalogEntry> Referrals { get; }

    /// <summary>Looks up an intervention.</summary>
    public bool TryGet(string code, out Intervention intervention) => _byCode.TryGetValue(code, out intervention!);
}
