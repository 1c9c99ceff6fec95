using PlanRules.Diagnostics;

namespace PlanRules.Cases;

/// <summary>
/// The outcome of reading a case: the case, or <c>null</c> when any error was found, and every diagnostic.
/// Immutable.
/// </summary>
/// <param name="Case">The case; <c>null</c> when <paramref name="Diagnostics"/> holds an error.</param>
/// <param name="Diagnostics">Every problem found, with its JSON path and line.</param>
public sealed record CaseReadResult(PatientCase? Case, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary><c>true</c> when the case was read without errors.</summary>
    public bool Succeeded => Case is not null;
}
