namespace PlanRules.Replay;

/// <summary>What changed between two plans of the same case.</summary>
public enum PlanChangeKind
{
    /// <summary>An intervention became a candidate.</summary>
    CandidateAdded,
    /// <summary>An intervention is no longer a candidate (now excluded, or no longer proposed).</summary>
    CandidateRemoved,
    /// <summary>A candidate's strength changed (<c>recommended</c> / <c>consider</c>).</summary>
    StrengthChanged,
    /// <summary>A candidate's rank changed.</summary>
    RankChanged,
    /// <summary>An intervention became excluded.</summary>
    ExclusionAdded,
    /// <summary>An intervention is no longer excluded.</summary>
    ExclusionRemoved,
    /// <summary>An excluded intervention's reasons changed.</summary>
    ExclusionChanged,
    /// <summary>A warning appeared.</summary>
    WarningAdded,
    /// <summary>A warning disappeared.</summary>
    WarningRemoved,
    /// <summary>A warning's severity, message or candidates changed.</summary>
    WarningChanged,
    /// <summary>A fact is now listed as missing information.</summary>
    MissingInformationAdded,
    /// <summary>A fact is no longer listed as missing information.</summary>
    MissingInformationRemoved,
    /// <summary>What a missing fact is needed for, or why, changed.</summary>
    MissingInformationChanged,
    /// <summary>A referral appeared.</summary>
    ReferralAdded,
    /// <summary>A referral disappeared.</summary>
    ReferralRemoved,

    /// <summary>A follow-up item (an outcome check or a medication restart) appears.</summary>
    FollowUpAdded,

    /// <summary>A follow-up item disappears.</summary>
    FollowUpRemoved,

    /// <summary>A screening fact's recorded value is shown differently (e.g. a red flag now listed as checked).</summary>
    ScreeningChanged,
}
