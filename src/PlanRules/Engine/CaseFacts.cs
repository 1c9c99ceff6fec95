using PlanRules.Cases;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// The facts of one case, in a canonical order (independent of the order of items in the case), with an index
/// by name used to explain outcomes.
/// </summary>
internal sealed class CaseFacts
{
    private readonly Dictionary<string, ScalarFact> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EntryFact>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _listKnown = new(StringComparer.Ordinal);

    private CaseFacts() => Facts = [];

    /// <summary>No facts (a reset view).</summary>
    public static CaseFacts Empty { get; } = new();

    public CaseFacts(PatientCase patientCase)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        var facts = new List<object>();
        var scalars = new List<ScalarFact>();
        if (patientCase.Patient.AgeYears is { } age) scalars.Add(new("patient.ageYears", FactValue.Number(age)));
        if (patientCase.Patient.Sex is { } sex) scalars.Add(new("patient.sex", FactValue.Word(sex)));
        if (patientCase.Patient.Pregnant is { } pregnant) scalars.Add(new("patient.pregnant", FactValue.Boolean(pregnant)));
        foreach (var (code, value) in patientCase.Findings) scalars.Add(new("finding." + code, value));
        foreach (var (code, value) in patientCase.Labs) scalars.Add(new("lab." + code, FactValue.Number(value)));
        scalars.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var s in scalars)
        {
            _scalars[s.Name] = s;
            facts.Add(s);
        }

        var h = patientCase.History;
        AddCodes("condition", h.Conditions, facts);
        AddCodes("allergy", h.Allergies, facts);
        AddCodes("device", h.Devices, facts);
        AddCodes("goal", patientCase.Goals, facts);
        AddEntries("medication", h.Medications?.Select(m => new EntryFact("medication", m.Code)
        {
            LastDoseHoursAgo = m.LastDoseHoursAgo,
            Dose = m.Dose,
            Indication = m.Indication,
        }), facts);
        AddEntries("procedure", h.Procedures?.Select(p => new EntryFact("procedure", p.Code)
        {
            WeeksAgo = p.WeeksAgo,
            ReliefPercent = p.ReliefPercent,
            ReliefWeeks = p.ReliefWeeks,
        }), facts);
        facts.Add(CaseGateFact.Instance);
        Facts = facts;
    }

    /// <summary>Every fact to insert into a session, in canonical order.</summary>
    public IReadOnlyList<object> Facts { get; }

    public bool TryGetScalar(string name, out ScalarFact fact) => _scalars.TryGetValue(name, out fact!);

    public bool IsListKnown(string section) => _listKnown.TryGetValue(section, out var known) && known;

    public IReadOnlyList<EntryFact> EntriesOf(string section) => _entries.TryGetValue(section, out var list) ? list : [];

    private void AddCodes(string section, IReadOnlyList<string>? codes, List<object> facts) =>
        AddEntries(section, codes?.Select(c => new EntryFact(section, c)), facts);

    private void AddEntries(string section, IEnumerable<EntryFact>? entries, List<object> facts)
    {
        var known = entries is not null;
        _listKnown[section] = known;
        facts.Add(new ListStatusFact(section, known));
        if (entries is null) return;
        var list = entries.OrderBy(e => e.Code, StringComparer.Ordinal)
            .ThenBy(e => e.WeeksAgo ?? double.MaxValue).ThenBy(e => e.ReliefPercent ?? -1).ThenBy(e => e.ReliefWeeks ?? -1)
            .ThenBy(e => e.LastDoseHoursAgo ?? double.MaxValue).ThenBy(e => e.Dose, StringComparer.Ordinal).ThenBy(e => e.Indication, StringComparer.Ordinal)
            .ToList();
        _entries[section] = list;
        facts.AddRange(list);
    }
}
