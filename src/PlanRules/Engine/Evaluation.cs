namespace PlanRules.Engine;

/// <summary>The outcome of evaluating one case: its facts and the firings, in rule-set order (stage, rule, target, alternative).</summary>
/// <param name="Facts">The case's facts.</param>
/// <param name="Firings">What fired.</param>
internal sealed record Evaluation(CaseFacts Facts, IReadOnlyList<Firing> Firings);
