namespace PlanRules.Rules;

/// <summary>The JSON words of <see cref="RuleKind"/>.</summary>
public static class RuleKinds
{
    private static readonly (string Word, RuleKind Kind)[] Map =
    [
        ("candidate", RuleKind.Candidate), ("contraindication", RuleKind.Contraindication), ("warning", RuleKind.Warning),
        ("prerequisite", RuleKind.Prerequisite), ("missing-information", RuleKind.MissingInformation), ("referral", RuleKind.Referral),
        ("companion", RuleKind.Companion), ("follow-up", RuleKind.FollowUp), ("bleeding-risk-modifier", RuleKind.BleedingRiskModifier),
        ("preference", RuleKind.Preference),
    ];

    /// <summary>Every kind's word, in declaration order.</summary>
    public static IReadOnlyList<string> Words { get; } = Map.Select(m => m.Word).ToArray();

    /// <summary>The word of a kind, e.g. <c>missing-information</c>.</summary>
    public static string ToWord(this RuleKind kind) => Map.First(m => m.Kind == kind).Word;

    /// <summary>Parses a kind's word.</summary>
    public static bool TryParse(string word, out RuleKind kind)
    {
        foreach (var (w, k) in Map)
            if (w == word) { kind = k; return true; }
        kind = default;
        return false;
    }
}
