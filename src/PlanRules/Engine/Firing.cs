namespace PlanRules.Engine;

/// <summary>One firing of a generated rule during an evaluation.</summary>
/// <param name="Variant">What fired.</param>
/// <param name="Target">The candidate it applied to, for rules with <c>appliesTo</c>.</param>
/// <param name="Matched">The facts it matched: fact name → value (a list's value is its number of matching entries).</param>
internal sealed record Firing(CompiledVariant Variant, string? Target, IReadOnlyList<KeyValuePair<string, object>> Matched);
