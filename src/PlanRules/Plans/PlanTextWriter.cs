using System.Globalization;
using System.Text;

namespace PlanRules.Plans;

/// <summary>Renders a plan as readable plain text for a terminal or a log-free printout.</summary>
internal static class PlanTextWriter
{
    public static string Write(TreatmentPlan plan)
    {
        var sb = new StringBuilder();
        sb.Append("Plan for case ").Append(plan.CaseId ?? "(no id)").Append('\n');
        sb.Append("Rule set ").Append(plan.RuleSet.Name).Append(' ').Append(plan.RuleSet.Version)
          .Append(" (sha256 ").Append(plan.RuleSet.Sha256.AsSpan(0, Math.Min(12, plan.RuleSet.Sha256.Length))).Append("…)\n");
        if (plan.DraftRulesUsed > 0) sb.Append(DraftNotice(plan.DraftRulesUsed)).Append('\n');
        if (plan.Candidates.Count > 0 || plan.Referrals.Count > 0) sb.Append(RedFlagsLine(plan)).Append('\n');
        sb.Append('\n');

        if (plan.Referrals.Count > 0)
        {
            sb.Append("REFERRALS\n");
            foreach (var r in plan.Referrals)
                sb.Append("  ! ").Append(r.Code).Append(r.StopsPlan ? " (stops the plan)" : "").Append(": ").Append(r.Message)
                  .Append("\n    because ").Append(string.Join(", ", r.About)).Append(" [").Append(r.Rule).Append(", ").Append(r.Source).Append("]\n");
            sb.Append('\n');
        }

        sb.Append("CANDIDATES\n");
        if (plan.Candidates.Count == 0) sb.Append("  (none)\n");
        foreach (var c in plan.Candidates)
        {
            sb.Append("  ").Append(c.Rank.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(c.Name)
              .Append(" [").Append(c.Intervention).Append("] — ").Append(c.Strength)
              .Append(", bleeding risk ").Append(c.BleedingRisk);
            if (c.EffectiveBleedingRisk is not null)
            {
                sb.Append(" (treated as ").Append(c.EffectiveBleedingRisk);
                if (c.EffectiveBleedingRiskBecause.Count > 0) sb.Append(" because of ").Append(string.Join(", ", c.EffectiveBleedingRiskBecause));
                sb.Append(')');
            }
            sb.Append('\n');
            foreach (var b in c.Because)
            {
                sb.Append("     why: ").Append(b.Rule).Append(" (").Append(b.Source).Append(')');
                if (b.Matched.Count > 0)
                    sb.Append(": ").Append(string.Join(", ", b.Matched.Select(m => m.Key + " = " + m.Value)));
                sb.Append('\n');
            }
            foreach (var fit in c.Fit) sb.Append("     fits: ").Append(fit).Append('\n');
            foreach (var p in c.Prerequisites) sb.Append("     first: ").Append(p.Message).Append(" [").Append(p.Code).Append("]\n");
            sb.Append("     what it is: ").Append(c.Education.What).Append('\n');
            sb.Append("     what to expect: ").Append(c.Education.Expect).Append('\n');
            if (c.Restart is not null) sb.Append("     blood thinners afterwards: ").Append(c.Restart).Append('\n');
        }

        if (plan.Excluded.Count > 0)
        {
            sb.Append("\nEXCLUDED\n");
            foreach (var e in plan.Excluded)
            {
                sb.Append("  x ").Append(e.Name).Append(" [").Append(e.Intervention).Append("]\n");
                foreach (var r in e.Reasons)
                {
                    sb.Append("     ").Append(r.Message).Append(" [").Append(r.Rule).Append(", ").Append(r.Source).Append("]\n");
                    if (r.Matched.Count > 0)
                        sb.Append("       recorded: ").Append(string.Join(", ", r.Matched.Select(m => m.Key + " = " + m.Value))).Append('\n');
                }
            }
        }

        if (plan.Warnings.Count > 0)
        {
            sb.Append("\nWARNINGS\n");
            foreach (var w in plan.Warnings)
            {
                sb.Append("  ").Append(w.Severity.ToUpperInvariant()).Append(' ').Append(w.Code).Append(": ").Append(w.Message).Append('\n');
                var where = new List<string>();
                if (w.About.Count > 0) where.Add("about " + string.Join(", ", w.About));
                if (w.AppliesTo.Count > 0) where.Add("applies to " + string.Join(", ", w.AppliesTo));
                sb.Append("     ").Append(string.Join("; ", where)).Append(where.Count > 0 ? " " : "")
                  .Append('[').Append(w.Rule).Append(", ").Append(w.Source).Append("]\n");
            }
        }

        if (plan.MissingInformation.Count > 0)
        {
            sb.Append("\nMISSING INFORMATION\n");
            // Safety and screening items first; eligibility items (which could only add a candidate) counted after them.
            foreach (var purpose in MissingInformation.Purposes)
            {
                var items = plan.MissingInformation.Where(m => m.Purpose == purpose).ToArray();
                if (items.Length == 0) continue;
                sb.Append(purpose switch
                {
                    "safety" => "  for safety (could exclude or change a candidate):\n",
                    "screening" => "  for screening (red flags, pregnancy):\n",
                    _ => "  " + items.Length.ToString(CultureInfo.InvariantCulture) + (items.Length == 1 ? " item" : " items") + " that could add a candidate:\n",
                });
                foreach (var m in items)
                {
                    sb.Append("  ? ").Append(m.Fact);
                    if (m.Detail is not null) sb.Append(" (entries under ").Append(m.Detail).Append(')');
                    sb.Append(": ").Append(m.Why);
                    if (m.NeededFor.Count > 0) sb.Append(" (needed for ").Append(string.Join(", ", m.NeededFor)).Append(')');
                    sb.Append('\n');
                }
            }
        }

        if (plan.Companions.Count > 0)
        {
            sb.Append("\nALONGSIDE\n");
            foreach (var c in plan.Companions) sb.Append("  + ").Append(c.Name).Append(": ").Append(c.Message).Append('\n');
        }

        if (plan.FollowUp.Count > 0)
        {
            sb.Append("\nFOLLOW-UP\n");
            foreach (var f in plan.FollowUp)
                sb.Append("  @ week ").Append(f.AfterWeeks.ToString(CultureInfo.InvariantCulture)).Append(": ")
                  .Append(f.Kind == FollowUp.RestartKind ? "restart " : "").Append(f.Measure).Append(" — ").Append(f.Message).Append('\n');
        }
        sb.Append('\n').Append(plan.Trace.Count.ToString(CultureInfo.InvariantCulture))
          .Append(" rule firings in the trace (the JSON plan lists them: planrules plan --format json, or TreatmentPlan.ToJson()).\n");
        return sb.ToString();
    }

    /// <summary>The one-line notice shown when draft rules contributed to a plan.</summary>
    internal static string DraftNotice(int draftRules) => draftRules == 1
        ? "Note: 1 rule in this plan is a draft not yet signed off by a clinical lead."
        : "Note: " + draftRules.ToString(CultureInfo.InvariantCulture) + " rules in this plan are drafts not yet signed off by a clinical lead.";

    /// <summary>
    /// <c>Red flags checked: …; not recorded: …</c>: the red-flag findings of the screen known to be absent (false;
    /// other known values as <c>fact = value</c>), then those the case does not record.
    /// </summary>
    internal static string RedFlagsLine(TreatmentPlan plan)
    {
        // Red flags are findings; pregnancy, also a screening fact, is asked under missing information where it applies.
        static bool IsRedFlag(string fact) => fact.StartsWith("finding.", StringComparison.Ordinal);
        var checkedFacts = plan.Screening
            .Where(s => IsRedFlag(s.Fact) && !(s.Value.Type == Rules.FactType.Boolean && s.Value.BooleanValue))
            .Select(s => s.Value.Type == Rules.FactType.Boolean ? s.Fact : s.Fact + " = " + s.Value)
            .ToArray();
        var notRecorded = plan.ScreeningNotRecorded.Where(IsRedFlag).ToArray();
        return "Red flags checked: " + (checkedFacts.Length > 0 ? string.Join(", ", checkedFacts) : "(none)")
               + "; not recorded: " + (notRecorded.Length > 0 ? string.Join(", ", notRecorded) : "(none)");
    }
}
