namespace PlanRules.Diagnostics;

/// <summary>"Did you mean" support: the closest candidate by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The longest value (and candidate) compared; a longer value gets no suggestion.</summary>
    private const int MaxLength = 256;

    /// <summary>The candidate closest to <paramref name="value"/>, or <c>null</c> when none is close enough.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        // Nothing that long is a typo of a name, and the distance matrix of a hostile multi-megabyte value would take
        // gigabytes: no suggestion.
        if (value.Length > MaxLength) return null;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate.Length > MaxLength) continue;
            var d = Distance(value, candidate);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                bestDistance = d;
                best = candidate;
            }
        }
        // Close enough: a third of the length, at least 2 edits, or the value is a suffix (a missing section).
        if (best is null) return null;
        var limit = Math.Max(2, value.Length / 3);
        if (bestDistance <= limit) return best;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
            if (candidate.EndsWith("." + value, StringComparison.Ordinal)) return candidate;
        return null;
    }

    /// <summary>Optimal-string-alignment distance (Levenshtein with adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
