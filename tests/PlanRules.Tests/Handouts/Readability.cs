using System.Text.RegularExpressions;

namespace PlanRules.Tests.Handouts;

/// <summary>
/// The Flesch–Kincaid grade level: <c>0.39 × words/sentences + 11.8 × syllables/words − 15.59</c>, with a
/// syllable counter of our own (vowel groups, less a silent final <c>e</c>/<c>es</c>/<c>ed</c>, at least one per
/// word). Sentences end at <c>. ! ?</c> followed by a space or the end, and at every line break (a list item or a
/// paragraph is a sentence even without a full stop). A number counts as a word of one syllable per digit, at most
/// three. Stateless.
/// </summary>
internal static partial class Readability
{
    /// <summary>The grade level of <paramref name="text"/>, with the counts it came from.</summary>
    public static (double Grade, int Words, int Sentences, int Syllables) FleschKincaid(string text)
    {
        var sentences = SentenceSplit().Split(text).Count(s => LetterOrDigit().IsMatch(s));
        var words = Words(text);
        var syllables = words.Sum(Syllables);
        if (words.Count == 0 || sentences == 0) return (0, 0, 0, 0);
        var grade = 0.39 * words.Count / sentences + 11.8 * syllables / words.Count - 15.59;
        return (Math.Round(grade, 2), words.Count, sentences, syllables);
    }

    /// <summary>The words of a text: letters and digits, with inner apostrophes, hyphens and decimal points.</summary>
    public static List<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ',', '-', '\'')).Where(w => w.Length > 0).ToList();

    /// <summary>The syllables of one word, by a vowel-group heuristic.</summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (NumberPattern().IsMatch(w)) return Math.Min(3, w.Count(char.IsDigit));
        w = new string(w.Where(c => c is >= 'a' and <= 'z').ToArray());
        if (w.Length == 0) return 0;
        if (w.Length <= 3) return 1;
        // A silent ending: "make", "makes", "named" (but "table", "wanted", "needed" keep theirs).
        w = SilentEnding().Replace(w, m => m.Value[..1]);
        if (w.StartsWith('y')) w = w[1..];
        var groups = VowelGroups().Matches(w).Count;
        return Math.Max(1, groups);
    }

    [GeneratedRegex(@"[.!?]+(?=\s|$)|\n+")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"[A-Za-z0-9]")]
    private static partial Regex LetterOrDigit();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9'’.%-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\d+([.,]\d+)?%?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex(@"[aeiouy]+")]
    private static partial Regex VowelGroups();
}
