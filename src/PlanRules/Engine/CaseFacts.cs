using PlanRules.Cases;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// The facts of one case, indexed by name, with each history list in a canonical order (independent of the order of
/// items in the case). What the engine's conditions read.
/// </summary>
internal sealed class CaseFacts
{
    private readonly Dictionary<string, ScalarFact> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EntryFact>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _listKnown = new(StringComparer.Ordinal);

    private CaseFacts()
    {
    }

    /// <summary>No facts (a reset view).</summary>
    public static CaseFacts Empty { get; } = new();

    public CaseFacts(PatientCase patientCase)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        if (patientCase.Patient.AgeYears is { } age) Add(new("patient.ageYears", FactValue.Number(age)));
        if (patientCase.Patient.Sex is { } sex) Add(new("patient.sex", FactValue.Word(sex)));
        if (patientCase.Patient.Pregnant is { } pregnant) Add(new("patient.pregnant", FactValue.Boolean(pregnant)));
        foreach (var (code, value) in patientCase.Findings) Add(new(Names.Of("finding", code), value));
        foreach (var (code, value) in patientCase.Labs) Add(new(Names.Of("lab", code), FactValue.Number(value)));

        var h = patientCase.History;
        AddCodes("condition", h.Conditions);
        AddCodes("allergy", h.Allergies);
        AddCodes("device", h.Devices);
        AddCodes("goal", patientCase.Goals);
        AddEntries("medication", h.Medications?.Select(m => new EntryFact("medication", m.Code)
        {
            LastDoseHoursAgo = m.LastDoseHoursAgo,
            Dose = m.Dose,
            Indication = m.Indication,
        }));
        AddEntries("procedure", h.Procedures?.Select(p => new EntryFact("procedure", p.Code)
        {
            WeeksAgo = p.WeeksAgo,
            ReliefPercent = p.ReliefPercent,
            ReliefWeeks = p.ReliefWeeks,
        }));
    }

    private void Add(ScalarFact fact) => _scalars[fact.Name] = fact;

    public bool TryGetScalar(string name, out ScalarFact fact) => _scalars.TryGetValue(name, out fact!);

    public bool IsListKnown(string section) => _listKnown.TryGetValue(section, out var known) && known;

    public IReadOnlyList<EntryFact> EntriesOf(string section) => _entries.TryGetValue(section, out var list) ? list : [];

    private void AddCodes(string section, IReadOnlyList<string>? codes)
    {
        _listKnown[section] = codes is not null;
        if (codes is null) return;
        var list = new List<EntryFact>(codes.Count);
        foreach (var code in codes) list.Add(new EntryFact(section, code));
        if (list.Count > 1) list.Sort(Canonical);
        _entries[section] = list;
    }

    private void AddEntries(string section, IEnumerable<EntryFact>? entries)
    {
        _listKnown[section] = entries is not null;
        if (entries is null) return;
        var list = entries.ToList();
        if (list.Count > 1) list.Sort(Canonical);
        _entries[section] = list;
    }

    /// <summary>Code, then weeks ago, relief, relief weeks, last dose, dose, indication (unknown numbers last or first as before).</summary>
    private static int Canonical(EntryFact a, EntryFact b)
    {
        var c = string.CompareOrdinal(a.Code, b.Code);
        if (c == 0) c = (a.WeeksAgo ?? double.MaxValue).CompareTo(b.WeeksAgo ?? double.MaxValue);
        if (c == 0) c = (a.ReliefPercent ?? -1).CompareTo(b.ReliefPercent ?? -1);
        if (c == 0) c = (a.ReliefWeeks ?? -1).CompareTo(b.ReliefWeeks ?? -1);
        if (c == 0) c = (a.LastDoseHoursAgo ?? double.MaxValue).CompareTo(b.LastDoseHoursAgo ?? double.MaxValue);
        if (c == 0) c = string.CompareOrdinal(a.Dose, b.Dose);
        if (c == 0) c = string.CompareOrdinal(a.Indication, b.Indication);
        return c;
    }
}
