using System.Globalization;
using PlanRules.Plans;

namespace PlanRules.Replay;

/// <summary>
/// The differences between two plans of the same case (e.g. made with a rule set before and after a change):
/// candidates added, removed, or with another strength or rank; exclusions; warnings; missing information (and its
/// purpose); referrals; follow-up items (outcome checks and medication restarts); screening values;
/// each with the rules responsible. Immutable.
/// </summary>
/// <param name="CaseId">The case's id (from the plan after the change).</param>
/// <param name="Changes">Every change, by section (candidates, excluded, warnings, missing information, referrals).</param>
public sealed record PlanDiff(string? CaseId, IReadOnlyList<PlanChange> Changes)
{
    /// <summary><c>true</c> when the plans differ in any of the sections compared.</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>Compares two plans of the same case. Sources (<c>file:line</c>) are not compared. Thread-safe.</summary>
    /// <param name="before">The plan before the change.</param>
    /// <param name="after">The plan after the change.</param>
    public static PlanDiff Compare(TreatmentPlan before, TreatmentPlan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<PlanChange>();
        Candidates(before, after, changes);
        Exclusions(before, after, changes);
        Warnings(before, after, changes);
        Missing(before, after, changes);
        Referrals(before, after, changes);
        FollowUps(before, after, changes);
        Screening(before, after, changes);
        return new PlanDiff(after.CaseId ?? before.CaseId, changes);
    }

    private static void Candidates(TreatmentPlan before, TreatmentPlan after, List<PlanChange> changes)
    {
        var was = before.Candidates.ToDictionary(c => c.Intervention, StringComparer.Ordinal);
        var now = after.Candidates.ToDictionary(c => c.Intervention, StringComparer.Ordinal);
        foreach (var code in Codes(was.Keys, now.Keys))
        {
            var rules = Responsible(RulesFor(before, code), RulesFor(after, code));
            was.TryGetValue(code, out var b);
            now.TryGetValue(code, out var a);
            if (b is null && a is not null)
                changes.Add(new PlanChange(PlanChangeKind.CandidateAdded, code, Elsewhere(before, code), Describe(a), rules));
            else if (b is not null && a is null)
                changes.Add(new PlanChange(PlanChangeKind.CandidateRemoved, code, Describe(b), Elsewhere(after, code), rules));
            else if (b is not null && a is not null)
            {
                if (b.Strength != a.Strength)
                    changes.Add(new PlanChange(PlanChangeKind.StrengthChanged, code, b.Strength, a.Strength,
                        Responsible(b.Because.Select(x => x.Rule), a.Because.Select(x => x.Rule))));
                if (b.Rank != a.Rank)
                    changes.Add(new PlanChange(PlanChangeKind.RankChanged, code,
                        b.Rank.ToString(CultureInfo.InvariantCulture), a.Rank.ToString(CultureInfo.InvariantCulture), rules));
            }
        }
    }

    private static void Exclusions(TreatmentPlan before, TreatmentPlan after, List<PlanChange> changes)
    {
        var was = before.Excluded.ToDictionary(e => e.Intervention, StringComparer.Ordinal);
        var now = after.Excluded.ToDictionary(e => e.Intervention, StringComparer.Ordinal);
        foreach (var code in Codes(was.Keys, now.Keys))
        {
            was.TryGetValue(code, out var b);
            now.TryGetValue(code, out var a);
            if (b is null && a is not null)
                changes.Add(new PlanChange(PlanChangeKind.ExclusionAdded, code, Elsewhere(before, code), Describe(a), a.Reasons.Select(r => r.Rule).Distinct().ToArray()));
            else if (b is not null && a is null)
                changes.Add(new PlanChange(PlanChangeKind.ExclusionRemoved, code, Describe(b), Elsewhere(after, code), b.Reasons.Select(r => r.Rule).Distinct().ToArray()));
            else if (b is not null && a is not null && Describe(b) != Describe(a))
                changes.Add(new PlanChange(PlanChangeKind.ExclusionChanged, code, Describe(b), Describe(a),
                    Responsible(b.Reasons.Select(r => r.Rule), a.Reasons.Select(r => r.Rule))));
        }
    }

    private static void Warnings(TreatmentPlan before, TreatmentPlan after, List<PlanChange> changes)
    {
        static string Key(PlanWarning w) => w.Rule + "\u0001" + w.Code + "\u0001" + string.Join(',', w.About);
        var was = before.Warnings.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.Warnings.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var key in Codes(was.Keys, now.Keys))
        {
            was.TryGetValue(key, out var b);
            now.TryGetValue(key, out var a);
            var w = (a ?? b)!;
            if (b is null)
                changes.Add(new PlanChange(PlanChangeKind.WarningAdded, w.Code, null, Describe(a!), [w.Rule]));
            else if (a is null)
                changes.Add(new PlanChange(PlanChangeKind.WarningRemoved, w.Code, Describe(b), null, [w.Rule]));
            else if (Describe(b) != Describe(a))
                changes.Add(new PlanChange(PlanChangeKind.WarningChanged, w.Code, Describe(b), Describe(a), [w.Rule]));
        }
    }

    private static void Missing(TreatmentPlan before, TreatmentPlan after, List<PlanChange> changes)
    {
        var was = before.MissingInformation.ToDictionary(m => m.Fact, StringComparer.Ordinal);
        var now = after.MissingInformation.ToDictionary(m => m.Fact, StringComparer.Ordinal);
        foreach (var fact in Codes(was.Keys, now.Keys))
        {
            was.TryGetValue(fact, out var b);
            now.TryGetValue(fact, out var a);
            if (b is null)
                changes.Add(new PlanChange(PlanChangeKind.MissingInformationAdded, fact, null, Describe(a!), a!.Rules));
            else if (a is null)
                changes.Add(new PlanChange(PlanChangeKind.MissingInformationRemoved, fact, Describe(b), null, b.Rules));
            else if (Describe(b) != Describe(a))
                changes.Add(new PlanChange(PlanChangeKind.MissingInformationChanged, fact, Describe(b), Describe(a), Responsible(b.Rules, a.Rules)));
        }
    }

    private static void Referrals(TreatmentPlan before, TreatmentPlan after, List<PlanChange> changes) =>
        AddedOrRemoved(before.Referrals, after.Referrals, r => r.Code + "\u0001" + r.Rule, r => r.Code, Describe, r => r.Rule,
            PlanChangeKind.ReferralAdded, PlanChangeKind.ReferralRemoved, changes);

    private static void FollowUps(TreatmentPlan before, TreatmentPlan after, List<PlanChange> changes) =>
        AddedOrRemoved(before.FollowUp, after.FollowUp,
            f => f.Rule + "\u0001" + f.Measure + "\u0001" + f.AfterWeeks.ToString("R", CultureInfo.InvariantCulture) + "\u0001" + f.Kind,
            f => f.Measure, Describe, f => f.Rule, PlanChangeKind.FollowUpAdded, PlanChangeKind.FollowUpRemoved, changes);

    /// <summary>Items matched by key that only appear or disappear (their text is the rule's, so it cannot change alone).</summary>
    private static void AddedOrRemoved<T>(IEnumerable<T> before, IEnumerable<T> after, Func<T, string> key, Func<T, string> item,
        Func<T, string> describe, Func<T, string> rule, PlanChangeKind added, PlanChangeKind removed, List<PlanChange> changes)
        where T : class
    {
        var was = before.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var k in Codes(was.Keys, now.Keys))
        {
            was.TryGetValue(k, out var b);
            now.TryGetValue(k, out var a);
            if (b is null)
                changes.Add(new PlanChange(added, item(a!), null, describe(a!), [rule(a!)]));
            else if (a is null)
                changes.Add(new PlanChange(removed, item(b), describe(b), null, [rule(b)]));
        }
    }

    private static IEnumerable<string> Codes(IEnumerable<string> before, IEnumerable<string> after) =>
        before.Union(after, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>Every rule behind an intervention in a plan: proposals, exclusion reasons, and rules that fired for it.</summary>
    private static IEnumerable<string> RulesFor(TreatmentPlan plan, string code) =>
        plan.Candidates.Where(c => c.Intervention == code).SelectMany(c => c.Because.Select(b => b.Rule))
            .Concat(plan.Excluded.Where(e => e.Intervention == code).SelectMany(e => e.Reasons.Select(r => r.Rule)))
            .Concat(plan.Trace.Where(t => t.Intervention == code && t.Outcome == "fired").Select(t => t.Rule));

    /// <summary>The rules on one side only; when the same rules are on both sides, all of them.</summary>
    private static IReadOnlyList<string> Responsible(IEnumerable<string> before, IEnumerable<string> after)
    {
        var b = before.ToHashSet(StringComparer.Ordinal);
        var a = after.ToHashSet(StringComparer.Ordinal);
        var differing = b.Except(a).Concat(a.Except(b)).Order(StringComparer.Ordinal).ToArray();
        return differing.Length > 0 ? differing : b.Union(a).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Where an intervention that is not a candidate (or not excluded) stands in a plan.</summary>
    private static string Elsewhere(TreatmentPlan plan, string code)
    {
        if (plan.Candidates.FirstOrDefault(c => c.Intervention == code) is { } c) return "candidate: " + Describe(c);
        if (plan.Excluded.FirstOrDefault(e => e.Intervention == code) is { } e) return "excluded: " + Describe(e);
        return "not proposed";
    }

    private static string Describe(Candidate c) => string.Create(CultureInfo.InvariantCulture, $"{c.Strength}, rank {c.Rank}");

    private static string Describe(Exclusion e) => string.Join("; ", e.Reasons.Select(r => $"{r.Message} [{r.Rule}]"));

    private static string Describe(PlanWarning w) =>
        $"{w.Severity}: {w.Message} (about {string.Join(", ", w.About)}" + (w.AppliesTo.Count > 0 ? $"; applies to {string.Join(", ", w.AppliesTo)})" : ")");

    private static string Describe(MissingInformation m) =>
        m.Purpose + " — " + (m.NeededFor.Count > 0 ? $"needed for {string.Join(", ", m.NeededFor)}: " : "needed for the plan: ") + m.Why;

    private static void Screening(TreatmentPlan before, TreatmentPlan after, List<PlanChange> changes)
    {
        var was = before.Screening.ToDictionary(s => s.Fact, s => s.Value.ToString(), StringComparer.Ordinal);
        var now = after.Screening.ToDictionary(s => s.Fact, s => s.Value.ToString(), StringComparer.Ordinal);
        foreach (var fact in Codes(was.Keys, now.Keys))
        {
            was.TryGetValue(fact, out var b);
            now.TryGetValue(fact, out var a);
            if (b != a) changes.Add(new PlanChange(PlanChangeKind.ScreeningChanged, fact, b ?? "not listed", a ?? "not listed", []));
        }
    }

    private static string Describe(FollowUp f) =>
        (f.Kind == FollowUp.RestartKind ? "restart" : "check") + " at week " + f.AfterWeeks.ToString("R", CultureInfo.InvariantCulture)
        + (f.AppliesTo.Count > 0 ? $" for {string.Join(", ", f.AppliesTo)}" : "") + ": " + f.Message;

    private static string Describe(Referral r) => $"{r.Message} (about {string.Join(", ", r.About)})";
}
