using PlanRules.Diagnostics;

namespace PlanRules.Replay;

/// <summary>
/// The optional <c>expect</c> block of a case file, used by replay harnesses; it never influences planning and is not
/// part of the clinical case (<see cref="PlanRules.Cases.PatientCase"/>). Read it with <see cref="CaseExpectationsReader"/>,
/// write it with <see cref="CaseExpectationsWriter"/>, check a plan against it with <see cref="PlanExpectations"/>.
/// Every part is optional (<c>null</c> = no expectation). Immutable.
/// </summary>
public sealed record CaseExpectations
{
    /// <summary>Interventions expected (or not) among the candidates.</summary>
    public ListExpectation? Candidates { get; init; }

    /// <summary>Interventions expected (or not) among the excluded.</summary>
    public ListExpectation? Excluded { get; init; }

    /// <summary>Warnings expected (or not).</summary>
    public WarningListExpectation? Warnings { get; init; }

    /// <summary>Facts expected (or not) under missing information.</summary>
    public ListExpectation? MissingInformation { get; init; }

    /// <summary>Referral codes expected (or not).</summary>
    public ListExpectation? Referrals { get; init; }

    /// <summary>Whether the plan must have no candidates (<c>true</c>) or at least one (<c>false</c>).</summary>
    public bool? NoCandidates { get; init; }

    /// <summary>
    /// Checks expectations built in C# with the same checks as <see cref="CaseExpectationsReader.Read(string, Rules.Vocabulary)"/>:
    /// every string code-shaped and severities known (PR4005), no direct identifier (PR4009), no <c>null</c> list or entry
    /// (PR4002). Diagnostics carry the JSON path the element would have in a case file (<c>$.expect…</c>) and line 0;
    /// a value is never repeated. Empty when the expectations are valid. Thread-safe.
    /// </summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var diagnostics = new List<Diagnostic>();
        new ExpectationChecks(diagnostics, reportIdentifiers: true).Validate(this);
        return diagnostics.AsReadOnly();
    }
}
