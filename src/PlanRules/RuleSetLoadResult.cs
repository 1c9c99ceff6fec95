using PlanRules.Diagnostics;

namespace PlanRules;

/// <summary>
/// The outcome of loading a rule set: the rule set, or <c>null</c> when any error was found, and every diagnostic
/// (errors, warnings, advice). Immutable.
/// </summary>
/// <param name="RuleSet">The usable rule set; <c>null</c> when <paramref name="Diagnostics"/> holds an error.</param>
/// <param name="Diagnostics">Every problem found, ordered by file, line and column.</param>
public sealed record RuleSetLoadResult(RuleSet? RuleSet, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary><c>true</c> when the rule set loaded without errors.</summary>
    public bool Succeeded => RuleSet is not null;
}
