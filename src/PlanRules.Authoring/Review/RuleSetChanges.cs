using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PlanRules.Rules;

namespace PlanRules.Review;

/// <summary>
/// What changed between two versions of a rule set: rules, parameters, interventions and vocabulary facts added,
/// removed or changed, in plain language; rules that use a changed parameter are listed as affected. Line moves
/// alone are no change. Immutable and thread-safe.
/// </summary>
public sealed partial class RuleSetChanges
{
    private RuleSetChanges(RuleSet before, RuleSet after, IReadOnlyList<RuleSetChange> items)
    {
        Before = before;
        After = after;
        Items = items;
    }

    /// <summary>The earlier version.</summary>
    public RuleSet Before { get; }

    /// <summary>The later version.</summary>
    public RuleSet After { get; }

    /// <summary>Every change: the rule set's identity, then parameters, interventions, facts and rules, each by id.</summary>
    public IReadOnlyList<RuleSetChange> Items { get; }

    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => Items.Count == 0;

    /// <summary>The change to an item, if any.</summary>
    /// <param name="subject">What kind of item.</param>
    /// <param name="id">Its id, name or code.</param>
    public RuleSetChange? Find(ChangeSubject subject, string id) => Items.FirstOrDefault(c => c.Subject == subject && c.Id == id);

    /// <summary>One line per change, with its details indented below it.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        foreach (var c in Items)
        {
            sb.Append(c.Summary).Append('\n');
            foreach (var d in c.Details) sb.Append("  - ").Append(d).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Compares two versions of a rule set.</summary>
    /// <param name="before">The earlier version.</param>
    /// <param name="after">The later version.</param>
    public static RuleSetChanges Compare(RuleSet before, RuleSet after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var items = new List<RuleSetChange>();
        var (b, a) = (before.Identity, after.Identity);
        if (b.Name != a.Name) items.Add(new(ChangeKind.Changed, ChangeSubject.RuleSet, a.Name, $"Rule set renamed from {b.Name} to {a.Name}"));
        if (b.Version != a.Version) items.Add(new(ChangeKind.Changed, ChangeSubject.RuleSet, a.Name, $"Version changed from {b.Version} to {a.Version}"));

        foreach (var name in before.Parameters.Keys.Union(after.Parameters.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.Parameters.TryGetValue(name, out var p0);
            var has = after.Parameters.TryGetValue(name, out var p1);
            if (!had) items.Add(new(ChangeKind.Added, ChangeSubject.Parameter, name, $"Parameter {name} added (= {N(p1!.Value)} {p1.Unit})") { Details = [p1.Label] });
            else if (!has) items.Add(new(ChangeKind.Removed, ChangeSubject.Parameter, name, $"Parameter {name} removed (was {N(p0!.Value)} {p0.Unit})"));
            else
            {
                var details = new List<string>();
                if (p0!.Value != p1!.Value) details.Add($"value changed from {N(p0.Value)} to {N(p1.Value)} {p1.Unit}".TrimEnd());
                Field(details, "unit", p0.Unit, p1.Unit);
                Field(details, "label", p0.Label, p1.Label);
                Field(details, "source", p0.Source, p1.Source);
                if (p0.PolicyChoice != p1.PolicyChoice) details.Add(p1.PolicyChoice ? "now marked a policy choice" : "no longer marked a policy choice");
                if (details.Count == 0) continue;
                var summary = p0.Value != p1.Value ? $"Parameter {name} changed from {N(p0.Value)} to {N(p1.Value)}" : $"Parameter {name} changed: {string.Join(", ", details.Select(FirstWord))}";
                items.Add(new(ChangeKind.Changed, ChangeSubject.Parameter, name, summary) { Details = details });
            }
        }

        var codes = before.Catalog.Interventions.Select(i => i.Code).Union(after.Catalog.Interventions.Select(i => i.Code)).ToList();
        foreach (var code in codes)
        {
            var had = before.Catalog.TryGet(code, out var i0);
            var has = after.Catalog.TryGet(code, out var i1);
            if (!had) items.Add(new(ChangeKind.Added, ChangeSubject.Intervention, code, $"Intervention {code} added ({i1!.Name}, bleeding risk {i1.BleedingRisk})"));
            else if (!has) items.Add(new(ChangeKind.Removed, ChangeSubject.Intervention, code, $"Intervention {code} removed ({i0!.Name})"));
            else
            {
                var details = new List<string>();
                Field(details, "name", i0!.Name, i1!.Name);
                Field(details, "bleeding risk", i0.BleedingRisk, i1.BleedingRisk);
                Field(details, "tags", string.Join(", ", i0.Tags), string.Join(", ", i1.Tags));
                Field(details, "patient education", i0.Education.ToString(), i1.Education.ToString(), quote: false);
                Field(details, "restart text", i0.Restart ?? "", i1.Restart ?? "", quote: false);
                if (details.Count > 0)
                    items.Add(new(ChangeKind.Changed, ChangeSubject.Intervention, code, $"Intervention {code} changed: {string.Join(", ", details.Select(FirstWords))}") { Details = details });
            }
        }

        foreach (var name in before.Vocabulary.Facts.Select(f => f.Name).Union(after.Vocabulary.Facts.Select(f => f.Name)).Where(n => !n.StartsWith("procedure.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var had = before.Vocabulary.TryGetFact(name, out var f0);
            var has = after.Vocabulary.TryGetFact(name, out var f1);
            if (!had) items.Add(new(ChangeKind.Added, ChangeSubject.Fact, name, $"Fact {name} added ({f1!.Label})"));
            else if (!has) items.Add(new(ChangeKind.Removed, ChangeSubject.Fact, name, $"Fact {name} removed ({f0!.Label})"));
            else
            {
                var details = new List<string>();
                Field(details, "type", f0!.Type.ToString().ToLowerInvariant(), f1!.Type.ToString().ToLowerInvariant());
                Field(details, "label", f0.Label, f1.Label);
                Field(details, "unit", f0.Unit ?? "", f1.Unit ?? "");
                Field(details, "range", Range(f0), Range(f1));
                Field(details, "words", string.Join(", ", f0.Words), string.Join(", ", f1.Words));
                if (details.Count > 0)
                    items.Add(new(ChangeKind.Changed, ChangeSubject.Fact, name, $"Fact {name} changed: {string.Join(", ", details.Select(FirstWord))}") { Details = details });
            }
        }

        var changedValues = before.Parameters.Values
            .Where(p => after.Parameters.TryGetValue(p.Name, out var q) && q.Value != p.Value)
            .ToDictionary(p => p.Name, p => (Old: p.Value, New: after.Parameters[p.Name].Value), StringComparer.Ordinal);
        var beforeRules = before.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var afterRules = after.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var rule in after.Rules.Where(r => !beforeRules.ContainsKey(r.Id)))
            items.Add(new(ChangeKind.Added, ChangeSubject.Rule, rule.Id, $"Rule {rule.Id} added: {rule.Title}")
            { Details = [$"{rule.Kind.ToWord()} when {PlainLanguage.Describe(rule.When, after.Vocabulary)}"] });
        foreach (var rule in before.Rules.Where(r => !afterRules.ContainsKey(r.Id)))
            items.Add(new(ChangeKind.Removed, ChangeSubject.Rule, rule.Id, $"Rule {rule.Id} removed: {rule.Title}"));
        foreach (var rule in after.Rules.Where(r => beforeRules.ContainsKey(r.Id)))
        {
            var old = beforeRules[rule.Id];
            var details = new List<string>();
            var fields = new List<string>();
            void Diff(string field, string was, string now, bool quote = true)
            {
                var count = details.Count;
                Field(details, field, was, now, quote);
                if (details.Count > count) fields.Add(field);
            }
            var changed = old.Parameters.Where(changedValues.ContainsKey).ToList();
            Diff("kind", old.Kind.ToWord(), rule.Kind.ToWord());
            Diff("title", Normalise(old.Title, rule.Title, changed, changedValues), rule.Title);
            Diff("condition", Canon(old.When), Canon(rule.When), quote: false);
            if (fields.Contains("condition"))
                details[^1] = $"condition changed: was “{PlainLanguage.Describe(old.When, before.Vocabulary)}”, now “{PlainLanguage.Describe(rule.When, after.Vocabulary)}”";
            Diff("intervention", old.Intervention ?? "", rule.Intervention ?? "");
            Diff("strength", old.Strength ?? "", rule.Strength ?? "");
            Diff("applies to", Selector(old.AppliesTo), Selector(rule.AppliesTo));
            Diff("severity", old.Severity ?? "", rule.Severity ?? "");
            Diff("code", old.Code ?? "", rule.Code ?? "");
            Diff("message", Normalise(old.Message ?? "", rule.Message ?? "", changed, changedValues), rule.Message ?? "");
            var (oldPrerequisite, newPrerequisite) = ((old.PrerequisiteCode + " " + old.PrerequisiteMessage).Trim(), (rule.PrerequisiteCode + " " + rule.PrerequisiteMessage).Trim());
            Diff("prerequisite", Normalise(oldPrerequisite, newPrerequisite, changed, changedValues), newPrerequisite);
            Diff("fact", old.Fact ?? "", rule.Fact ?? "");
            Diff("referral", old.Referral ?? "", rule.Referral ?? "");
            Diff("stops the plan", old.Kind == RuleKind.Referral ? Yes(old.StopsPlan) : "", rule.Kind == RuleKind.Referral ? Yes(rule.StopsPlan) : "");
            Diff("companion", old.Companion ?? "", rule.Companion ?? "");
            Diff("measure", old.Measure ?? "", rule.Measure ?? "");
            Diff("after weeks", OperandText(old.AfterWeeks), OperandText(rule.AfterWeeks));
            Diff("adjustment", OperandText(old.Adjust), OperandText(rule.Adjust));
            Diff("unknown facts", old.ReportsUnknownFacts ? "reported" : "not reported", rule.ReportsUnknownFacts ? "reported" : "not reported");
            Diff("rationale", old.Rationale, rule.Rationale);
            var addedEvidence = rule.Evidence.Except(old.Evidence).ToList();
            var removedEvidence = old.Evidence.Except(rule.Evidence).ToList();
            if (addedEvidence.Count + removedEvidence.Count > 0)
            {
                fields.Add("evidence");
                details.AddRange(addedEvidence.Select(e => $"evidence added: “{e}”"));
                details.AddRange(removedEvidence.Select(e => $"evidence removed: “{e}”"));
            }
            Diff("status", old.Status, rule.Status);
            Diff("reviewed by", old.ReviewedBy ?? "", rule.ReviewedBy ?? "");
            Diff("reviewed on", old.ReviewedOn ?? "", rule.ReviewedOn ?? "");
            Diff("file", old.Location.File, rule.Location.File);
            if (details.Count > 0)
                items.Add(new(ChangeKind.Changed, ChangeSubject.Rule, rule.Id, $"Rule {rule.Id} changed ({string.Join(", ", fields)}): {rule.Title}") { Details = details });
            else if (changed.Count > 0)
                items.Add(new(ChangeKind.Affected, ChangeSubject.Rule, rule.Id, $"Rule {rule.Id} uses {string.Join(", ", changed.Select(p => $"parameter {p}, which changed from {N(changedValues[p].Old)} to {N(changedValues[p].New)}"))}: {rule.Title}"));
        }
        return new RuleSetChanges(before, after, items);
    }

    private static void Field(List<string> details, string field, string was, string now, bool quote = true)
    {
        if (was == now) return;
        if (was.Length == 0) details.Add(quote ? $"{field} added: “{now}”" : $"{field} added");
        else if (now.Length == 0) details.Add(quote ? $"{field} removed (was “{was}”)" : $"{field} removed");
        else details.Add(quote ? $"{field} changed from “{was}” to “{now}”" : $"{field} changed");
    }

    private static string FirstWord(string detail) => detail.Split(' ')[0];

    private static string FirstWords(string detail)
    {
        var cut = detail.IndexOf(" changed", StringComparison.Ordinal);
        if (cut < 0) cut = detail.IndexOf(" added", StringComparison.Ordinal);
        if (cut < 0) cut = detail.IndexOf(" removed", StringComparison.Ordinal);
        return cut > 0 ? detail[..cut] : detail;
    }

    private static string Yes(bool b) => b ? "yes" : "no";

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Range(FactDefinition f) => f.Min is null && f.Max is null ? "" : $"{(f.Min is { } min ? N(min) : "…")}–{(f.Max is { } max ? N(max) : "…")}";

    private static string OperandText(Operand? o) => o is null ? "" : o.Parameter is null ? N(o.Value.NumberValue) : "$" + o.Parameter;

    private static string Selector(InterventionSelector? s)
    {
        if (s is null) return "";
        if (s.Any) return "any";
        var parts = new List<string>();
        if (s.Interventions.Count > 0) parts.Add("interventions " + string.Join(", ", s.Interventions));
        if (s.BleedingRisk.Count > 0) parts.Add("bleeding risk " + string.Join(", ", s.BleedingRisk));
        if (s.Tags.Count > 0) parts.Add("tags " + string.Join(", ", s.Tags));
        return string.Join("; ", parts);
    }

    /// <summary>
    /// The earlier text when it differs from the later one only in numbers that are the old and new values of changed
    /// parameters the rule uses (texts are filled in with parameter values); otherwise the earlier text unchanged.
    /// </summary>
    private static string Normalise(string was, string now, IReadOnlyList<string> changed, IReadOnlyDictionary<string, (double Old, double New)> values)
    {
        if (was == now || changed.Count == 0) return was;
        var a = NumberPattern().Split(was);
        var b = NumberPattern().Split(now);
        if (a.Length != b.Length) return was;
        var pairs = changed.Select(p => (N(values[p].Old), N(values[p].New))).ToHashSet();
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) continue;
            // Split with a capturing group: odd indexes are the numbers.
            if (i % 2 == 0 || !pairs.Contains((a[i], b[i]))) return was;
        }
        return now;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)")]
    private static partial Regex NumberPattern();

    /// <summary>A canonical text of a condition that names parameters rather than their values.</summary>
    internal static string Canon(Condition condition) => condition switch
    {
        AlwaysCondition => "always",
        AllCondition all => "all(" + string.Join(",", all.Parts.Select(Canon)) + ")",
        AnyCondition any => "any(" + string.Join(",", any.Parts.Select(Canon)) + ")",
        NotCondition not => "not(" + Canon(not.Part) + ")",
        FactCondition f => f.Fact + " " + f.Operator + " " + string.Join("|", f.Operands.Select(o => o.Parameter is null ? o.Value.ToString() : "$" + o.Parameter)),
        QuantifierCondition q => string.Join("|", q.AllLists) + " " + q.Operator + " " + (q.Count.Parameter is null ? q.Count.Value.ToString() : "$" + q.Count.Parameter) + " where " + CanonFilter(q.Where),
        _ => condition.ToString(),
    };

    private static string CanonFilter(EntryFilter? filter) => filter switch
    {
        null => "",
        AllEntryFilter all => "all(" + string.Join(",", all.Parts.Select(CanonFilter)) + ")",
        AnyEntryFilter any => "any(" + string.Join(",", any.Parts.Select(CanonFilter)) + ")",
        NotEntryFilter not => "not(" + CanonFilter(not.Part) + ")",
        AttributeFilter a => a.Attribute + " " + a.Operator + " " + string.Join("|", a.Operands.Select(o => o.Parameter is null ? o.Value.ToString() : "$" + o.Parameter)),
        _ => filter.ToString()!,
    };
}
