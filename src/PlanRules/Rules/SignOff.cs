using System.Globalization;
namespace PlanRules.Rules;

/// <summary>
/// The sign-off policy: a rule counts as approved only with <c>"status": "approved"</c>, a named clinical lead in
/// <c>reviewedBy</c> and a date in <c>reviewedOn</c>. Used by the linter (PR3011), the review document and plans
/// (<c>ruleSet.draftRulesUsed</c> counts every rule not signed off), so that nothing shows a rule as approved that lint
/// would reject. Thread-safe.
/// </summary>
internal static class SignOff
{
    /// <summary>Roles and placeholders that do not name anyone (compared case-insensitively, without punctuation).</summary>
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "clinical lead", "the clinical lead", "lead", "reviewer", "clinician", "doctor", "dr", "physician", "team", "clinical team",
        "tbd", "tba", "todo", "to do", "unknown", "none", "na", "n a", "nobody", "someone", "anonymous", "x", "xx", "xxx", "test",
    };

    /// <summary>Words that mark a value as not (yet) a name, wherever they appear: "content team (pending lead sign-off)".</summary>
    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "pending", "tbd", "tba", "todo", "placeholder", "unassigned", "unknown", "unreviewed",
    };

    /// <summary>Whether <paramref name="reviewedBy"/> looks like a person's name rather than a role or placeholder.</summary>
    public static bool IsNamed(string? reviewedBy)
    {
        if (string.IsNullOrWhiteSpace(reviewedBy)) return false;
        var words = new string(reviewedBy.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !reviewedBy.Any(char.IsLetter)) return false;
        return !Placeholders.Contains(string.Join(' ', words)) && !words.Any(PlaceholderWords.Contains);
    }

    /// <summary>Whether <paramref name="reviewedOn"/> is a real date written <c>YYYY-MM-DD</c>.</summary>
    public static bool IsDate(string? reviewedOn) =>
        reviewedOn is not null && DateOnly.TryParseExact(reviewedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Whether the rule is approved and signed off: named reviewer and a date.</summary>
    public static bool IsSignedOff(Rule rule) => rule.Status == "approved" && IsNamed(rule.ReviewedBy) && IsDate(rule.ReviewedOn);
}
