namespace PlanRules.Replay;

/// <summary>How often one rule fired over a corpus. Immutable.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">Its kind, e.g. <c>candidate</c>.</param>
/// <param name="Source">Where it stands (<c>file:line</c>).</param>
/// <param name="Status"><c>draft</c> or <c>approved</c>.</param>
/// <param name="CasesFired">Cases in whose plan trace the rule fired (outcome <c>fired</c>), each case counted once.</param>
/// <param name="CasesUnknown">Cases in which the rule could not be decided for lack of facts (outcome <c>unknown</c>) and did not fire.</param>
public sealed record RuleCoverageEntry(string Rule, string Title, string Kind, string Source, string Status, int CasesFired, int CasesUnknown)
{
    /// <summary><c>true</c> when no case fired the rule.</summary>
    public bool NeverFired => CasesFired == 0;
}
