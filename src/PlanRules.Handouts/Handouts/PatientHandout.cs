using PlanRules.Cases;
using PlanRules.Plans;

namespace PlanRules.Handouts;

/// <summary>
/// A shared-decision handout for the patient, made from a plan: their goals restated, the options side by side
/// (a comparison table, then for each option what it is, why it may fit them, what to expect, risks, recovery and
/// what they can do themselves), what was ruled out and why in kind words, what must happen first (for example
/// stopping a blood thinner, planned with the doctor who prescribes it), the follow-up questions they will be asked
/// and why they matter, and a short glossary of the medical words it uses. A plan stopped by a red flag opens with
/// a clear instruction to seek urgent care. Written for an 8th-grade reading level; the plan's clinician-facing
/// messages are not shown. The handout carries no patient identifier: only the case's opaque label and the rule
/// set's name and version. Deterministic and thread-safe.
/// </summary>
public static class PatientHandout
{
    /// <summary>
    /// The handout as one self-contained, printable HTML page (inline CSS with <c>@media print</c>; no scripts,
    /// images, fonts, links or other external assets).
    /// </summary>
    /// <param name="plan">The plan, from <see cref="IPlanRecommender.Recommend"/>.</param>
    /// <param name="patientCase">The case the plan was made for (its goals and pain findings are restated).</param>
    /// <param name="rules">The rule set that made the plan (catalog, rules and parameters).</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public static string ToHtml(TreatmentPlan plan, PatientCase patientCase, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(patientCase);
        ArgumentNullException.ThrowIfNull(rules);
        return HandoutHtmlWriter.Write(HandoutBuilder.Build(plan, patientCase, rules));
    }

    /// <summary>The same handout as Markdown (CommonMark with a pipe table), <c>\n</c> line ends.</summary>
    /// <param name="plan">The plan, from <see cref="IPlanRecommender.Recommend"/>.</param>
    /// <param name="patientCase">The case the plan was made for.</param>
    /// <param name="rules">The rule set that made the plan.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public static string ToMarkdown(TreatmentPlan plan, PatientCase patientCase, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(patientCase);
        ArgumentNullException.ThrowIfNull(rules);
        return HandoutMarkdownWriter.Write(HandoutBuilder.Build(plan, patientCase, rules));
    }
}
