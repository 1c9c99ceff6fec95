namespace PlanRules.Rules;

/// <summary>A piece of a plain-language sentence: text, or a parameter's value with its name.</summary>
/// <param name="Text">The text (for a parameter, its value with unit, e.g. <c>12 weeks</c>).</param>
/// <param name="Parameter">The parameter's name when the text is a parameter's value; otherwise <c>null</c>.</param>
internal sealed record Segment(string Text, string? Parameter = null);

/// <summary>
/// A condition as plain language: a sentence (a leaf), or a lead such as "all of the following" with parts.
/// </summary>
internal sealed record Phrase(string? Lead, IReadOnlyList<Segment> Sentence, IReadOnlyList<Phrase> Parts)
{
    public static Phrase Leaf(IReadOnlyList<Segment> sentence) => new(null, sentence, []);

    public bool IsLeaf => Lead is null;

    /// <summary>One line of plain text; parameters as <c>12 weeks ($facet.min_pain_weeks)</c>.</summary>
    public string ToPlainText()
    {
        if (IsLeaf) return Segments(Sentence);
        return Lead + ": " + string.Join("; ", Parts.Select(p => p.IsLeaf ? p.ToPlainText() : "(" + p.ToPlainText() + ")"));
    }

    public static string Segments(IEnumerable<Segment> segments) =>
        string.Concat(segments.Select(s => s.Parameter is null ? s.Text : s.Text + " ($" + s.Parameter + ")"));
}
