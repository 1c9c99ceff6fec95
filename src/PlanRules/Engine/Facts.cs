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
    public string Name { get; } = section + "." + code;
    public double? WeeksAgo { get; init; }
    public double? ReliefPercent { get; init; }
    public double? ReliefWeeks { get; init; }
    public double? LastDoseHoursAgo { get; init; }
    public string? Dose { get; init; }
    public string? Indication { get; init; }
}
