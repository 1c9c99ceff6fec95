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
          .Append(" (sha256 ").Append(plan.RuleSet.Sha256.AsSpan(0, Math.Min(12, plan.RuleSet.Sha256.Length))).Append("…)\n\n");

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
            if (c.EffectiveBleedingRisk is not null) sb.Append(" (treated as ").Append(c.EffectiveBleedingRisk).Append(')');
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
                foreach (var r in e.Reasons) sb.Append("     ").Append(r.Message).Append(" [").Append(r.Rule).Append(", ").Append(r.Source).Append("]\n");
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
            foreach (var m in plan.MissingInformation)
            {
                sb.Append("  ? ").Append(m.Fact).Append(": ").Append(m.Why);
                if (m.NeededFor.Count > 0) sb.Append(" (needed for ").Append(string.Join(", ", m.NeededFor)).Append(')');
                sb.Append('\n');
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
                sb.Append("  @ week ").Append(f.AfterWeeks.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(f.Measure).Append(" — ").Append(f.Message).Append('\n');
        }
        sb.Append('\n').Append(plan.Trace.Count.ToString(CultureInfo.InvariantCulture)).Append(" rule firings in the trace (use --json to see them).\n");
        return sb.ToString();
    }
}
