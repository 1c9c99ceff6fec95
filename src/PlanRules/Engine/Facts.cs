using PlanRules.Cases;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>A known single-value fact of a case (<c>patient.*</c>, <c>finding.*</c>, <c>lab.*</c>). Identity equality.</summary>
internal sealed class ScalarFact(string name, FactValue value)
{
    public string Name { get; } = name;
    public FactValue Value { get; } = value;
    public double Number { get; } = value.Type == FactType.Number ? value.NumberValue : 0;
    public bool Boolean { get; } = value.Type == FactType.Boolean && value.BooleanValue;
    public string? Word { get; } = value.WordValue;
}

/// <summary>One entry of a history list (a condition, medication, allergy, device, earlier procedure or goal). Identity equality.</summary>
internal sealed class EntryFact(string section, string code)
{
    public string Section { get; } = section;
    public string Code { get; } = code;
    public string Name { get; } = Names.Of(section, code);
    public double? WeeksAgo { get; init; }
    public double? ReliefPercent { get; init; }
    public double? ReliefWeeks { get; init; }
    public double? LastDoseHoursAgo { get; init; }
    public string? Dose { get; init; }
    public string? Indication { get; init; }
}

/// <summary>
/// Full fact names (<c>finding.pain.region</c>) built once per distinct section and code rather than once per case;
/// bounded, so that unvalidated input cannot grow it without limit. Thread-safe.
/// </summary>
internal static class Names
{
    private const int Limit = 20_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Section, string Code), string> Cache = new();

    public static string Of(string section, string code)
    {
        if (Cache.TryGetValue((section, code), out var name)) return name;
        name = section + "." + code;
        if (Cache.Count < Limit) Cache.TryAdd((section, code), name);
        return name;
    }
}
