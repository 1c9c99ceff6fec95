namespace PlanRules.Rules;

/// <summary>A named number of the rule set (<c>parameters.json</c>) that a clinical lead may tune. Immutable.</summary>
/// <param name="Name">The name rules use after <c>$</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">The unit, e.g. <c>weeks</c>.</param>
/// <param name="Label">What it means, in plain words.</param>
/// <param name="Source">Where the number comes from.</param>
/// <param name="PolicyChoice">Whether it is a choice of the policy rather than a sourced number.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record Parameter(string Name, double Value, string Unit, string Label, string Source, bool PolicyChoice, SourceLocation Location);
