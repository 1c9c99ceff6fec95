using System.Globalization;
using PlanRules.Rules;

namespace PlanRules.Replay;

/// <summary>The totals of a replay run. Immutable.</summary>
/// <param name="RuleSet">The rule set the cases were planned with.</param>
/// <param name="Passed">Cases whose plan meets every expectation (including cases without an <c>expect</c> block).</param>
/// <param name="Failed">Cases whose plan misses an expectation.</param>
/// <param name="Errors">Cases that could not be read or planned.</param>
/// <param name="WithoutExpectations">Passed cases that carry no <c>expect</c> block.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="Workers">The number of workers.</param>
public sealed record ReplaySummary(RuleSetIdentity RuleSet, int Passed, int Failed, int Errors, int WithoutExpectations, TimeSpan Elapsed, int Workers)
{
    /// <summary>Every case replayed.</summary>
    public int Total => Passed + Failed + Errors;

    /// <summary><c>true</c> when every case passed.</summary>
    public bool AllPassed => Failed == 0 && Errors == 0;

    /// <summary>Cases per second of wall-clock time.</summary>
    public double CasesPerSecond => Elapsed > TimeSpan.Zero ? Total / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// The line a CI system reads: <c>N passed, N failed</c>, where cases that could not be read or planned count as
    /// failed.
    /// </summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Passed} passed, {Failed + Errors} failed");
}
