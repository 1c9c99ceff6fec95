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

/// <summary>Whether a history list is known (given in the case, possibly empty) or unknown (absent).</summary>
internal sealed class ListStatusFact(string section, bool known)
{
    public string Section { get; } = section;
    public bool Known { get; } = known;
}

/// <summary>An intervention a candidate rule proposed. Equal by intervention, so each is proposed once.</summary>
internal sealed class ProposalFact(string intervention, string risk) : IEquatable<ProposalFact>
{
    public string Intervention { get; } = intervention;
    public string Risk { get; } = risk;
    public bool Equals(ProposalFact? other) => other is not null && other.Intervention == Intervention;
    public override bool Equals(object? obj) => Equals(obj as ProposalFact);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Intervention);
}

/// <summary>A proposed intervention with its effective bleeding-risk category, which assessment rules match. Equal by intervention.</summary>
internal sealed class TargetFact(string intervention, string risk) : IEquatable<TargetFact>
{
    public string Intervention { get; } = intervention;
    public string Risk { get; } = risk;
    public bool Equals(TargetFact? other) => other is not null && other.Intervention == Intervention;
    public override bool Equals(object? obj) => Equals(obj as TargetFact);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Intervention);
}

/// <summary>Present when a bleeding-risk modifier holds. All instances are equal.</summary>
internal sealed class RiskRaiseFact : IEquatable<RiskRaiseFact>
{
    public static readonly RiskRaiseFact Instance = new();
    public bool Equals(RiskRaiseFact? other) => other is not null;
    public override bool Equals(object? obj) => obj is RiskRaiseFact;
    public override int GetHashCode() => 17;
}

/// <summary>Inserted after all of a case's facts; rules that would start with NOT/EXISTS start with it instead.</summary>
internal sealed class CaseGateFact
{
    public static readonly CaseGateFact Instance = new();
}
