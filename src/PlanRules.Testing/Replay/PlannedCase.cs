using System.Globalization;
using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Diagnostics;

namespace PlanRules.Replay;

/// <summary>
/// One case of a corpus after reading and planning: the plan, or why there is none (the reader's diagnostics, e.g.
/// <c>PR4009</c> for a refused identifier, or an error). Diagnostics never contain an identifier's value. Immutable.
/// </summary>
public sealed record PlannedCase
{
    /// <summary>The position of the case in the corpus (0-based).</summary>
    public required int Index { get; init; }

    /// <summary>The case's name in the corpus (see <see cref="CaseSource.Name"/>).</summary>
    public required string Name { get; init; }

    /// <summary>The case file, or <c>null</c> for a case held in memory.</summary>
    public string? Path { get; init; }

    /// <summary>The case as read, or <c>null</c> when it could not be read.</summary>
    public PatientCase? Case { get; init; }

    /// <summary>The case's <c>expect</c> block, or <c>null</c> when it has none or could not be read.</summary>
    public CaseExpectations? Expectations { get; init; }

    /// <summary>The plan, or <c>null</c> when the case could not be read or planned.</summary>
    public TreatmentPlan? Plan { get; init; }

    /// <summary>Every diagnostic of the case reader and the validator (JSON path, line, column); never an identifier's value.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Why the case could not be read or planned, when it is not told by <see cref="Diagnostics"/> (e.g. an unreadable file).</summary>
    public string? Error { get; init; }

    /// <summary>The time spent reading and planning the case.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary><c>true</c> when the case has a plan.</summary>
    public bool Succeeded => Plan is not null;

    /// <summary><c>true</c> when the case was refused because it carries a direct identifier (<c>PR4009</c>).</summary>
    public bool CarriesIdentifier => Diagnostics.Any(d => d.Code == DiagnosticCodes.DirectIdentifier);

    /// <summary>The caseId of the case, when it was read (never taken from a refused case).</summary>
    public string? CaseId => Case?.CaseId;

    /// <summary>
    /// Why the case has no plan, in one line (e.g. <c>refused: the case carries a direct identifier (PR4009)</c>), or
    /// <c>null</c> when it has one.
    /// </summary>
    public string? ErrorSummary
    {
        get
        {
            if (Succeeded) return null;
            if (CarriesIdentifier) return "refused: the case carries a direct identifier (PR4009)";
            var errors = Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            if (errors > 0)
                return string.Create(CultureInfo.InvariantCulture, $"the case cannot be read: {errors} error(s), first {Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).Code}");
            return Error ?? "the case cannot be planned";
        }
    }

    /// <summary>
    /// Every diagnostic and error of the case, one line each, compiler style with the case's name, position and JSON
    /// path: <c>name(line,col): error CODE: message at $.path (suggestion)</c>. Never an identifier's value.
    /// </summary>
    public IEnumerable<string> DescribeProblems()
    {
        foreach (var d in Diagnostics) yield return (d with { File = d.File ?? Name }).ToString();
        if (Error is not null) yield return Name + ": error: " + Error;
    }
}
