using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PlanRules.Plans;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Fhir.CdsHooks;

/// <summary>
/// Turns a plan into CDS Hooks cards (for a <c>patient-view</c> or <c>order-select</c> hook):
/// <list type="bullet">
/// <item>a <c>critical</c> card per referral (a red flag: urgent referral, no procedure);</item>
/// <item>a card per candidate, best first, whose indicator is the most severe warning that applies to it
/// (<c>critical</c>/<c>warning</c>, else <c>info</c>); its detail (Markdown) gives the rules that proposed it with the
/// facts they matched, the fit with the patient's goals, prerequisites, warnings and missing information; its source
/// is the proposing rule (topic) and its first evidence citation (label, and URL when the citation has one); and it
/// suggests creating a draft ServiceRequest (intent <c>proposal</c>) for the candidate;</item>
/// <item>a card per warning that applies to no candidate, one for the interventions that were excluded and why, and
/// one for missing information that no candidate card shows.</item>
/// </list>
/// Summaries are at most 140 characters. Card and suggestion ids are fresh UUIDs on every response
/// (<see cref="CdsHooksOptions.NewId"/>); everything else is the same for the same plan. Nothing from the patient's
/// record is copied into a card beyond the plan's own (vocabulary-checked) facts and a valid FHIR patient id.
/// Stateless and thread-safe.
/// </summary>
public static partial class CdsHooksResponseBuilder
{
    /// <summary>The longest summary CDS Hooks allows.</summary>
    public const int MaxSummaryLength = 140;

    /// <summary>Builds the response.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="rules">The rule set that made it (rule titles, evidence, catalog names).</param>
    /// <param name="options">The patient in context, if known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="rules"/> is <c>null</c>.</exception>
    public static CdsHooksResponse Build(TreatmentPlan plan, RuleSet rules, CdsHooksOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rules);
        options ??= new CdsHooksOptions();
        var index = RuleText.Index(rules);
        string Id() => options.NewId().ToString("D");
        var cards = new List<CdsCard>();
        var shownMissing = new HashSet<string>(StringComparer.Ordinal);

        foreach (var referral in plan.Referrals)
        {
            var name = rules.Catalog.Referrals.TryGetValue(referral.Code, out var entry) ? entry.Name : referral.Code;
            var detail = new StringBuilder();
            detail.Append("**").Append(referral.Message).Append("**\n\n");
            if (referral.StopsPlan) detail.Append("A red flag stops the plan: no interventional procedure is proposed until it has been evaluated.\n\n");
            detail.Append("Raised by: ").Append(string.Join(", ", referral.About.Select(a => "`" + a + "`"))).Append('\n');
            AppendRule(detail, referral.Rule, index, rules);
            cards.Add(new CdsCard
            {
                Uuid = Id(),
                Summary = Summary("Red flag — " + name + ": " + Lead(referral.Message)),
                Indicator = "critical",
                Detail = detail.ToString().TrimEnd(),
                Source = Source(referral.Rule, index, rules),
            });
        }

        foreach (var candidate in plan.Candidates)
        {
            var warnings = plan.Warnings.Where(w => w.AppliesTo.Contains(candidate.Intervention, StringComparer.Ordinal)).ToList();
            var indicator = warnings.Any(w => w.Severity == "critical") ? "critical" : warnings.Any(w => w.Severity == "warning") ? "warning" : "info";
            var missing = plan.MissingInformation.Where(m => m.NeededFor.Contains(candidate.Intervention, StringComparer.Ordinal)).ToList();
            foreach (var m in missing) shownMissing.Add(m.Fact);

            var detail = new StringBuilder();
            detail.Append("**").Append(candidate.Strength == "recommended" ? "Recommended" : "Consider").Append("**, rank ")
                  .Append(candidate.Rank.ToString(CultureInfo.InvariantCulture)).Append(" · bleeding risk ")
                  .Append(candidate.EffectiveBleedingRisk ?? candidate.BleedingRisk).Append("\n\n**Why**\n");
            foreach (var because in candidate.Because)
            {
                detail.Append("- ").Append(index.TryGetValue(because.Rule, out var r) ? RuleText.Title(r, rules) : because.Rule)
                      .Append(" (`").Append(because.Rule).Append("`)");
                if (because.Matched.Count > 0)
                    detail.Append(" — matched ").Append(string.Join(", ", because.Matched.Select(m => "`" + m.Key + "` = " + m.Value)));
                detail.Append('\n');
            }
            if (candidate.Fit.Count > 0) detail.Append("\n**Fit with the patient's goals**\n").Append(string.Concat(candidate.Fit.Select(f => "- " + f + "\n")));
            if (candidate.Prerequisites.Count > 0)
                detail.Append("\n**Before the procedure**\n").Append(string.Concat(candidate.Prerequisites.Select(p => "- " + p.Message + "\n")));
            if (warnings.Count > 0)
                detail.Append("\n**Warnings**\n").Append(string.Concat(warnings.Select(w => "- **" + w.Severity + "** " + w.Message + "\n")));
            if (missing.Count > 0)
                detail.Append("\n**Missing information**\n").Append(string.Concat(missing.Select(m => "- `" + m.Fact + "`: " + m.Why + "\n")));
            var firstRule = candidate.Because.FirstOrDefault()?.Rule;
            if (firstRule is not null) { detail.Append('\n'); AppendRule(detail, firstRule, index, rules, evidenceOnly: true); }

            var suffix = indicator == "critical" ? " — resolve critical warning first" : "";
            cards.Add(new CdsCard
            {
                Uuid = Id(),
                Summary = Summary((candidate.Strength == "recommended" ? "Recommended: " : "Consider: ") + candidate.Name + suffix),
                Indicator = indicator,
                Detail = detail.ToString().TrimEnd(),
                Source = firstRule is null ? new CdsSource("PlanRules " + plan.RuleSet.Name + " " + plan.RuleSet.Version) : Source(firstRule, index, rules),
                Suggestions = [Suggestion(Id(), candidate, options)],
                SelectionBehavior = "at-most-one",
            });
        }

        foreach (var warning in plan.Warnings.Where(w => w.AppliesTo.Count == 0 || !w.AppliesTo.Any(a => plan.Candidates.Any(c => c.Intervention == a))))
        {
            cards.Add(new CdsCard
            {
                Uuid = Id(),
                Summary = Summary(Capitalize(warning.Severity) + ": " + Lead(warning.Message)),
                Indicator = warning.Severity is "critical" or "warning" ? warning.Severity : "info",
                Detail = warning.Message + "\n\nRaised by: " + string.Join(", ", warning.About.Select(a => "`" + a + "`"))
                         + (warning.AppliesTo.Count > 0 ? "\n\nApplies to: " + string.Join(", ", warning.AppliesTo) : ""),
                Source = Source(warning.Rule, index, rules),
            });
        }

        if (plan.Excluded.Count > 0)
        {
            var detail = new StringBuilder();
            foreach (var x in plan.Excluded)
            {
                detail.Append("- **").Append(x.Name).Append("**: ")
                      .Append(string.Join(" ", x.Reasons.Select(r => r.Message))).Append('\n');
            }
            var first = plan.Excluded[0].Reasons.FirstOrDefault()?.Rule;
            cards.Add(new CdsCard
            {
                Uuid = Id(),
                Summary = Summary("Not offered (" + plan.Excluded.Count.ToString(CultureInfo.InvariantCulture) + "): " + string.Join(", ", plan.Excluded.Select(x => x.Name))),
                Indicator = "info",
                Detail = detail.ToString().TrimEnd(),
                Source = first is null ? new CdsSource("PlanRules " + plan.RuleSet.Name + " " + plan.RuleSet.Version) : Source(first, index, rules),
            });
        }

        var remaining = plan.MissingInformation.Where(m => !shownMissing.Contains(m.Fact)).ToList();
        if (remaining.Count > 0)
        {
            cards.Add(new CdsCard
            {
                Uuid = Id(),
                Summary = Summary("Information needed (" + remaining.Count.ToString(CultureInfo.InvariantCulture) + "): " + string.Join(", ", remaining.Select(m => m.Fact))),
                Indicator = "info",
                Detail = string.Concat(remaining.Select(m => "- `" + m.Fact + "`: " + m.Why + (m.NeededFor.Count > 0 ? " (for " + string.Join(", ", m.NeededFor) + ")" : "") + "\n")).TrimEnd(),
                Source = new CdsSource("PlanRules " + plan.RuleSet.Name + " " + plan.RuleSet.Version),
            });
        }

        if (plan.Candidates.Count == 0 && plan.Referrals.Count == 0)
        {
            cards.Add(new CdsCard
            {
                Uuid = Id(),
                Summary = "No interventional pain procedure is proposed for this patient",
                Indicator = "info",
                Detail = "No candidate rule of the rule set matched the recorded facts.",
                Source = new CdsSource("PlanRules " + plan.RuleSet.Name + " " + plan.RuleSet.Version),
            });
        }

        // Most urgent first; the order within an indicator is the plan's.
        var ordered = cards.Select((c, i) => (c, i)).OrderBy(t => Rank(t.c.Indicator)).ThenBy(t => t.i).Select(t => t.c).ToList();
        return new CdsHooksResponse(ordered);
    }

    private static int Rank(string indicator) => indicator switch { "critical" => 0, "warning" => 1, _ => 2 };

    private static CdsSuggestion Suggestion(string uuid, Candidate candidate, CdsHooksOptions options)
    {
        var request = new ServiceRequest
        {
            Status = RequestStatus.Draft,
            Intent = RequestIntent.Proposal,
            Code = new CodeableConcept(FhirCodeSystems.Interventions, candidate.Intervention, candidate.Name, candidate.Name),
            Subject = options.PatientId is { } id && FhirIdPattern().IsMatch(id) ? new ResourceReference("Patient/" + id) : new ResourceReference { Display = "the patient in context" },
            ReasonCode = [new CodeableConcept { Text = string.Join("; ", candidate.Because.Select(b => b.Rule)) }],
            Note = candidate.Prerequisites.Select(p => new Annotation { Text = p.Message }).ToList(),
        };
        var resource = JsonNode.Parse(request.ToJson());
        return new CdsSuggestion("Propose " + candidate.Name, uuid, candidate.Rank == 1 && candidate.Strength == "recommended",
            [new CdsAction("create", "Create a draft order (proposal) for " + candidate.Name, resource)]);
    }

    private static CdsSource Source(string ruleId, IReadOnlyDictionary<string, Rule> index, RuleSet rules)
    {
        if (!index.TryGetValue(ruleId, out var rule)) return new CdsSource("PlanRules rule " + ruleId);
        var evidence = rule.Evidence.FirstOrDefault();
        var label = evidence is null ? "PlanRules rule " + rule.Id : Shorten(evidence, 120);
        var url = rule.Evidence.Select(e => UrlPattern().Match(e)).FirstOrDefault(m => m.Success)?.Value.TrimEnd('.', ')', ',');
        return new CdsSource(label, url, new CdsCoding(FhirCodeSystems.Rules, rule.Id, RuleText.Title(rule, rules)));
    }

    private static void AppendRule(StringBuilder detail, string ruleId, IReadOnlyDictionary<string, Rule> index, RuleSet rules, bool evidenceOnly = false)
    {
        if (!index.TryGetValue(ruleId, out var rule)) return;
        if (!evidenceOnly) detail.Append("\nRule: ").Append(RuleText.Title(rule, rules)).Append(" (`").Append(rule.Id).Append("`, ").Append(rule.Status).Append(")\n");
        if (rule.Evidence.Count > 0) detail.Append("\n**Evidence**\n").Append(string.Concat(rule.Evidence.Select(e => "- " + e + "\n")));
    }

    private static string Summary(string text) => Shorten(text, MaxSummaryLength);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    // The first sentence (or clause) of a message.
    private static string Lead(string message)
    {
        var end = message.IndexOfAny(['.', ';']);
        return end > 0 ? message[..end] : message;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // A FHIR id (R4 id datatype); anything else in context.patientId is not used.
    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}\z")]
    private static partial Regex FhirIdPattern();

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex UrlPattern();
}
