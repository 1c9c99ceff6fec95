using System.Globalization;
using System.Text;
using PlanRules.Rules;

namespace PlanRules.Replay;

/// <summary>
/// Rule coverage of a corpus: per rule, how many cases fired it, never-fired rules first (then by how rarely they
/// fired, then in rule-set order); and the vocabulary facts that no rule reads. Immutable.
/// </summary>
/// <param name="RuleSet">The rule set.</param>
/// <param name="CasesPlanned">Cases planned.</param>
/// <param name="CaseErrors">Cases that could not be read or planned (not counted in the coverage).</param>
/// <param name="Rules">Every rule, never-fired first.</param>
/// <param name="UnreadFacts">Vocabulary facts that no rule reads, by name.</param>
public sealed record RuleCoverageReport(RuleSetIdentity RuleSet, int CasesPlanned, int CaseErrors, IReadOnlyList<RuleCoverageEntry> Rules, IReadOnlyList<string> UnreadFacts)
{
    /// <summary>The rules that no case fired, in rule-set order.</summary>
    public IEnumerable<RuleCoverageEntry> NeverFired => Rules.Where(r => r.NeverFired);

    /// <summary>The report as Markdown: totals, a table of rules, the unread facts.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append("# Rule coverage\n\n");
        sb.Append(inv, $"Rule set `{RuleSet.Name}` `{RuleSet.Version}`; {CasesPlanned} case(s) planned, {CaseErrors} could not be read or planned; ");
        sb.Append(inv, $"{NeverFired.Count()} of {Rules.Count} rule(s) never fired.\n\n");
        sb.Append("| rule | kind | source | cases fired | cases unknown |\n|---|---|---|---:|---:|\n");
        foreach (var r in Rules)
            sb.Append(inv, $"| {ReportText.Code(r.Rule)}{(r.NeverFired ? " (never fired)" : "")} | {r.Kind} | {ReportText.Cell(r.Source)} | {r.CasesFired} | {r.CasesUnknown} |\n");
        sb.Append(inv, $"\n## Facts no rule reads ({UnreadFacts.Count})\n\n");
        foreach (var f in UnreadFacts) sb.Append("- ").Append(ReportText.Code(f)).Append('\n');
        if (UnreadFacts.Count == 0) sb.Append("(none)\n");
        return sb.ToString();
    }

    /// <summary>The report as indented JSON (<c>planrules.coverage-report/1</c>).</summary>
    public string ToJson()
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = ReportText.Json(sw, indented: true))
        {
            w.WriteStartObject();
            w.WritePropertyName("schema");
            w.WriteValue("planrules.coverage-report/1");
            ReportText.WriteIdentity(w, "ruleSet", RuleSet);
            w.WritePropertyName("casesPlanned");
            w.WriteValue(CasesPlanned);
            w.WritePropertyName("caseErrors");
            w.WriteValue(CaseErrors);
            w.WritePropertyName("rules");
            w.WriteStartArray();
            foreach (var r in Rules)
            {
                w.WriteStartObject();
                w.WritePropertyName("rule");
                w.WriteValue(r.Rule);
                w.WritePropertyName("title");
                w.WriteValue(r.Title);
                w.WritePropertyName("kind");
                w.WriteValue(r.Kind);
                w.WritePropertyName("source");
                w.WriteValue(r.Source);
                w.WritePropertyName("status");
                w.WriteValue(r.Status);
                w.WritePropertyName("casesFired");
                w.WriteValue(r.CasesFired);
                w.WritePropertyName("casesUnknown");
                w.WriteValue(r.CasesUnknown);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            ReportText.WriteStrings(w, "unreadFacts", UnreadFacts);
            w.WriteEndObject();
        }
        return sw.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
