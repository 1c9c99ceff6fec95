namespace PlanRules.Review;

/// <summary>
/// The review document a clinical lead signs off: a loaded rule set as one self-contained HTML page (inline CSS and a
/// small inline script, no external assets; prints cleanly) or as Markdown. It shows the rule set's name, version and
/// hash; per intervention (catalog order) the rules that propose it, what excludes it, and the warnings, prerequisites
/// and other rules that apply, each condition as a plain-language sentence with its parameter values, with status,
/// reviewer, date and <c>file:line</c>; plan-wide rules; the antithrombotic rules as a grid (medication × bleeding-risk
/// category); the parameters table; every rule in full with rationale and evidence; and a search box. The "changes"
/// variant compares two versions and highlights what was added, removed or changed. Stateless and thread-safe; the
/// output is deterministic (no clock).
/// </summary>
public static class ReviewDocument
{
    /// <summary>The review page of a rule set, as HTML.</summary>
    /// <param name="ruleSet">A loaded rule set.</param>
    public static string ToHtml(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return new HtmlReviewWriter(new ReviewModel(ruleSet), null).Write();
    }

    /// <summary>The review of a rule set, as Markdown.</summary>
    /// <param name="ruleSet">A loaded rule set.</param>
    public static string ToMarkdown(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return new MarkdownReviewWriter(new ReviewModel(ruleSet), null).Write();
    }

    /// <summary>
    /// The review page of <paramref name="after"/>, as HTML, with a list of the changes from <paramref name="before"/>
    /// in plain language (e.g. "Parameter facet.min_nrs changed from 4 to 5"), changed and added items highlighted,
    /// removed rules shown struck through, and an "only changes" filter.
    /// </summary>
    /// <param name="before">The earlier version.</param>
    /// <param name="after">The later version.</param>
    public static string ChangesToHtml(RuleSet before, RuleSet after) =>
        new HtmlReviewWriter(new ReviewModel(after), RuleSetChanges.Compare(before, after)).Write();

    /// <summary>The changes variant as Markdown (see <see cref="ChangesToHtml"/>).</summary>
    /// <param name="before">The earlier version.</param>
    /// <param name="after">The later version.</param>
    public static string ChangesToMarkdown(RuleSet before, RuleSet after) =>
        new MarkdownReviewWriter(new ReviewModel(after), RuleSetChanges.Compare(before, after)).Write();
}
