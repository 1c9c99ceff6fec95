namespace PlanRules.Cases;

/// <summary>
/// The optional <c>expect</c> block of a case file, used by replay harnesses; it never influences planning.
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
}
