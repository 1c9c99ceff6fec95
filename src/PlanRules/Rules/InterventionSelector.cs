namespace PlanRules.Rules;

/// <summary>
/// Which candidates a rule applies to: a candidate matches when any part matches. Immutable.
/// </summary>
public sealed record InterventionSelector
{
    /// <summary>Every candidate.</summary>
    public bool Any { get; init; }

    /// <summary>Intervention codes; <c>x.*</c> selects every code starting with <c>x.</c>.</summary>
    public IReadOnlyList<string> Interventions { get; init; } = [];

    /// <summary>Bleeding-risk categories, after modifiers (<c>low</c>, <c>intermediate</c>, <c>high</c>).</summary>
    public IReadOnlyList<string> BleedingRisk { get; init; } = [];

    /// <summary>Catalog tags such as <c>steroid</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The intervention codes selected by <see cref="Interventions"/> and <see cref="Tags"/> (resolved at load).</summary>
    public IReadOnlyList<string> StaticCodes { get; init; } = [];
}
