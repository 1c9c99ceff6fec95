namespace PlanRules.Replay;

/// <summary>
/// One difference between two plans of the same case, and the rules responsible: the rules that produced the item in
/// one plan and not in the other (or, when the same rules are involved both times, every rule behind the item).
/// Immutable.
/// </summary>
/// <param name="Kind">What changed.</param>
/// <param name="Item">The item: an intervention, a warning code, a fact or a referral code.</param>
/// <param name="Before">The item before, in words (<c>null</c> when it was absent).</param>
/// <param name="After">The item after, in words (<c>null</c> when it is absent).</param>
/// <param name="Rules">The rules responsible.</param>
public sealed record PlanChange(PlanChangeKind Kind, string Item, string? Before, string? After, IReadOnlyList<string> Rules)
{
    /// <summary>The plan section: <c>candidates</c>, <c>excluded</c>, <c>warnings</c>, <c>missingInformation</c>, <c>referrals</c>, <c>followUp</c> or <c>screening</c>.</summary>
    public string Section => SectionOf(Kind);

    /// <summary>The kind in words, e.g. <c>candidate added</c>.</summary>
    public string Description => Describe(Kind);

    /// <summary>The plan section a kind of change belongs to.</summary>
    /// <param name="kind">The kind of change.</param>
    public static string SectionOf(PlanChangeKind kind) => kind switch
    {
        PlanChangeKind.CandidateAdded or PlanChangeKind.CandidateRemoved or PlanChangeKind.StrengthChanged or PlanChangeKind.RankChanged => "candidates",
        PlanChangeKind.ExclusionAdded or PlanChangeKind.ExclusionRemoved or PlanChangeKind.ExclusionChanged => "excluded",
        PlanChangeKind.WarningAdded or PlanChangeKind.WarningRemoved or PlanChangeKind.WarningChanged => "warnings",
        PlanChangeKind.MissingInformationAdded or PlanChangeKind.MissingInformationRemoved or PlanChangeKind.MissingInformationChanged => "missingInformation",
        PlanChangeKind.FollowUpAdded or PlanChangeKind.FollowUpRemoved => "followUp",
        PlanChangeKind.ScreeningChanged => "screening",
        _ => "referrals",
    };

    /// <summary>A kind of change in words, e.g. <c>candidate added</c>.</summary>
    /// <param name="kind">The kind of change.</param>
    public static string Describe(PlanChangeKind kind) => kind switch
    {
        PlanChangeKind.CandidateAdded => "candidate added",
        PlanChangeKind.CandidateRemoved => "candidate removed",
        PlanChangeKind.StrengthChanged => "strength changed",
        PlanChangeKind.RankChanged => "rank changed",
        PlanChangeKind.ExclusionAdded => "exclusion added",
        PlanChangeKind.ExclusionRemoved => "exclusion removed",
        PlanChangeKind.ExclusionChanged => "exclusion reasons changed",
        PlanChangeKind.WarningAdded => "warning added",
        PlanChangeKind.WarningRemoved => "warning removed",
        PlanChangeKind.WarningChanged => "warning changed",
        PlanChangeKind.MissingInformationAdded => "missing information added",
        PlanChangeKind.MissingInformationRemoved => "missing information removed",
        PlanChangeKind.MissingInformationChanged => "missing information changed",
        PlanChangeKind.ReferralAdded => "referral added",
        PlanChangeKind.ReferralRemoved => "referral removed",
        PlanChangeKind.FollowUpAdded => "follow-up added",
        PlanChangeKind.FollowUpRemoved => "follow-up removed",
        PlanChangeKind.ScreeningChanged => "screening changed",
        _ => kind.ToString(),
    };

    /// <summary>The kind as a JSON name, e.g. <c>candidateAdded</c>.</summary>
    /// <param name="kind">The kind of change.</param>
    public static string JsonName(PlanChangeKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>One line: <c>candidate removed esi.lumbar.transforaminal: recommended, rank 1 → not proposed (rules: …)</c>.</summary>
    public override string ToString() =>
        $"{Description} {Item}: {Before ?? "(none)"} → {After ?? "(none)"}" + (Rules.Count > 0 ? $" (rules: {string.Join(", ", Rules)})" : "");
}
