using System.Globalization;
using Newtonsoft.Json;
using PlanRules.Cases;
using PlanRules.Rules;

namespace PlanRules.Plans;

/// <summary>Writes a plan as deterministic JSON: fixed property order, camelCase, two-space indent, <c>\n</c> line endings.</summary>
internal static class PlanJsonWriter
{
    public static string Write(TreatmentPlan plan)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(sw) { Formatting = Formatting.Indented, Indentation = 2, Culture = CultureInfo.InvariantCulture })
        {
            w.WriteStartObject();
            Prop(w, "schema", TreatmentPlan.Schema);
            Prop(w, "caseId", plan.CaseId);
            w.WritePropertyName("ruleSet");
            w.WriteStartObject();
            Prop(w, "name", plan.RuleSet.Name);
            Prop(w, "version", plan.RuleSet.Version);
            Prop(w, "sha256", plan.RuleSet.Sha256);
            w.WritePropertyName("draftRulesUsed");
            w.WriteValue(plan.DraftRulesUsed);
            w.WriteEndObject();

            Array(w, "candidates", plan.Candidates, c =>
            {
                Prop(w, "intervention", c.Intervention);
                Prop(w, "name", c.Name);
                Prop(w, "strength", c.Strength);
                w.WritePropertyName("rank");
                w.WriteValue(c.Rank);
                Prop(w, "bleedingRisk", c.BleedingRisk);
                if (c.EffectiveBleedingRisk is not null) Prop(w, "effectiveBleedingRisk", c.EffectiveBleedingRisk);
                if (c.EffectiveBleedingRiskBecause.Count > 0) Strings(w, "effectiveBleedingRiskBecause", c.EffectiveBleedingRiskBecause);
                Array(w, "because", c.Because, b =>
                {
                    Prop(w, "rule", b.Rule);
                    Prop(w, "source", b.Source);
                    w.WritePropertyName("matched");
                    w.WriteStartObject();
                    foreach (var (name, value) in b.Matched)
                    {
                        w.WritePropertyName(name);
                        Value(w, value);
                    }
                    w.WriteEndObject();
                });
                Array(w, "prerequisites", c.Prerequisites, p =>
                {
                    Prop(w, "code", p.Code);
                    Prop(w, "message", p.Message);
                    Prop(w, "rule", p.Rule);
                    Prop(w, "source", p.Source);
                });
                if (c.Fit.Count > 0) Strings(w, "fit", c.Fit);
                w.WritePropertyName("education");
                w.WriteStartObject();
                Prop(w, "what", c.Education.What);
                Prop(w, "why", c.Education.Why);
                Prop(w, "expect", c.Education.Expect);
                Prop(w, "risks", c.Education.Risks);
                Prop(w, "recovery", c.Education.Recovery);
                Prop(w, "selfCare", c.Education.SelfCare);
                w.WriteEndObject();
                if (c.Restart is not null) Prop(w, "restart", c.Restart);
            });
            Array(w, "excluded", plan.Excluded, e =>
            {
                Prop(w, "intervention", e.Intervention);
                Prop(w, "name", e.Name);
                Array(w, "reasons", e.Reasons, r =>
                {
                    Prop(w, "rule", r.Rule);
                    Prop(w, "source", r.Source);
                    Prop(w, "severity", r.Severity);
                    Strings(w, "about", r.About);
                    Prop(w, "message", r.Message);
                    if (r.Matched.Count > 0)
                    {
                        w.WritePropertyName("matched");
                        w.WriteStartObject();
                        foreach (var (name, value) in r.Matched)
                        {
                            w.WritePropertyName(name);
                            Value(w, value);
                        }
                        w.WriteEndObject();
                    }
                });
            });
            Array(w, "warnings", plan.Warnings, x =>
            {
                Prop(w, "code", x.Code);
                Prop(w, "severity", x.Severity);
                Strings(w, "appliesTo", x.AppliesTo);
                Strings(w, "about", x.About);
                Prop(w, "message", x.Message);
                Prop(w, "rule", x.Rule);
                Prop(w, "source", x.Source);
                Strings(w, "evidence", x.Evidence);
            });
            Array(w, "missingInformation", plan.MissingInformation, m =>
            {
                Prop(w, "fact", m.Fact);
                Prop(w, "purpose", m.Purpose);
                if (m.Detail is not null) Prop(w, "detail", m.Detail);
                Strings(w, "neededFor", m.NeededFor);
                Prop(w, "why", m.Why);
                Strings(w, "rules", m.Rules);
            });
            Array(w, "screening", plan.Screening, x =>
            {
                Prop(w, "fact", x.Fact);
                w.WritePropertyName("value");
                Value(w, x.Value);
            });
            Array(w, "referrals", plan.Referrals, r =>
            {
                Prop(w, "code", r.Code);
                Strings(w, "about", r.About);
                Prop(w, "message", r.Message);
                Prop(w, "rule", r.Rule);
                Prop(w, "source", r.Source);
                w.WritePropertyName("stopsPlan");
                w.WriteValue(r.StopsPlan);
            });
            Array(w, "companions", plan.Companions, c =>
            {
                Prop(w, "code", c.Code);
                Prop(w, "name", c.Name);
                Prop(w, "message", c.Message);
                Prop(w, "rule", c.Rule);
                Prop(w, "source", c.Source);
            });
            Array(w, "followUp", plan.FollowUp, f =>
            {
                Prop(w, "measure", f.Measure);
                w.WritePropertyName("afterWeeks");
                Number(w, f.AfterWeeks);
                if (f.Kind is not null) Prop(w, "kind", f.Kind);
                Prop(w, "message", f.Message);
                Strings(w, "appliesTo", f.AppliesTo);
                Prop(w, "rule", f.Rule);
                Prop(w, "source", f.Source);
            });
            Array(w, "trace", plan.Trace, t =>
            {
                Prop(w, "rule", t.Rule);
                Prop(w, "source", t.Source);
                Prop(w, "outcome", t.Outcome);
                if (t.Intervention is not null) Prop(w, "intervention", t.Intervention);
            });
            w.WriteEndObject();
        }
        return sw.ToString() + "\n";
    }

    private static void Prop(JsonWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        if (value is null) w.WriteNull();
        else w.WriteValue(value);
    }

    private static void Strings(JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var v in values) w.WriteValue(v);
        w.WriteEndArray();
    }

    private static void Array<T>(JsonWriter w, string name, IReadOnlyList<T> items, Action<T> body)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var item in items)
        {
            w.WriteStartObject();
            body(item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    internal static void Value(JsonWriter w, FactValue value)
    {
        switch (value.Type)
        {
            case FactType.Number: Number(w, value.NumberValue); break;
            case FactType.Boolean: w.WriteValue(value.BooleanValue); break;
            default: w.WriteValue(value.WordValue); break;
        }
    }

    internal static void Number(JsonWriter w, double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) w.WriteValue((long)value);
        else w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
    }
}
