using System.Globalization;
using PlanRules.Rules;

namespace PlanRules.Replay;

/// <summary>The totals of a diff run over a corpus. Immutable.</summary>
/// <param name="Before">The rule set before the change.</param>
/// <param name="After">The rule set after the change.</param>
/// <param name="Changed">Cases whose plan changed.</param>
/// <param name="Unchanged">Cases whose plan did not change.</param>
/// <param name="Errors">Cases that could not be read or planned with either rule set.</param>
/// <param name="ChangesByKind">How many changes of each kind, over all cases (kinds that did not occur are left out).</param>
/// <param name="CasesByKind">How many cases have at least one change of each kind.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="Workers">The number of workers.</param>
public sealed record DiffSummary(
    RuleSetIdentity Before,
    RuleSetIdentity After,
    int Changed,
    int Unchanged,
    int Errors,
    IReadOnlyDictionary<PlanChangeKind, int> ChangesByKind,
    IReadOnlyDictionary<PlanChangeKind, int> CasesByKind,
    TimeSpan Elapsed,
    int Workers)
{
    /// <summary>Every case compared.</summary>
    public int Total => Changed + Unchanged + Errors;

    /// <summary>One line: <c>N cases: N changed, N unchanged, N error(s)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Total} cases: {Changed} changed, {Unchanged} unchanged, {Errors} error(s)");
}
