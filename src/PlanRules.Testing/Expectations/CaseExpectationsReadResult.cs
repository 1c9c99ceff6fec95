using PlanRules.Diagnostics;

namespace PlanRules.Replay;

/// <summary>
/// The outcome of reading the <c>expect</c> block of a case document: the expectations (<c>null</c> when the document
/// has no <c>expect</c> block or when any error was found) and every diagnostic. Immutable.
/// </summary>
/// <param name="Expectations">The expectations; <c>null</c> when there is none or <paramref name="Diagnostics"/> holds an error.</param>
/// <param name="Diagnostics">Every problem found, with its JSON path, line and column; never an identifier's value.</param>
public sealed record CaseExpectationsReadResult(CaseExpectations? Expectations, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary><c>true</c> when the document was read without errors (whether or not it has an <c>expect</c> block).</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
