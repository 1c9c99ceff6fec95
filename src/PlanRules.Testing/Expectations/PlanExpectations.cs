using PlanRules.Plans;

namespace PlanRules.Replay;

/// <summary>Checks a plan against a case's <c>expect</c> block (see <c>docs/case-format.md</c>). Thread-safe.</summary>
public static class PlanExpectations
{
    /// <summary>Every unmet expectation; empty when the plan meets them all.</summary>
    public static IReadOnlyList<ExpectationFailure> Check(TreatmentPlan plan, CaseExpectations expectations)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(expectations);
        var failures = new List<ExpectationFailure>();

        var candidateRules = plan.Candidates.ToDictionary(c => c.Intervention, c => (IReadOnlyList<string>)c.Because.Select(b => b.Rule).ToArray());
        var excludedRules = plan.Excluded.ToDictionary(e => e.Intervention, e => (IReadOnlyList<string>)e.Reasons.Select(r => r.Rule).ToArray());
        Codes(failures, "candidates", expectations.Candidates, plan.Candidates.Select(c => c.Intervention).ToArray(),
            code => candidateRules.GetValueOrDefault(code) ?? excludedRules.GetValueOrDefault(code) ?? []);
        Codes(failures, "excluded", expectations.Excluded, plan.Excluded.Select(e => e.Intervention).ToArray(),
            code => excludedRules.GetValueOrDefault(code) ?? candidateRules.GetValueOrDefault(code) ?? []);
        Codes(failures, "missingInformation", expectations.MissingInformation, plan.MissingInformation.Select(m => m.Fact).ToArray(),
            code => plan.MissingInformation.Where(m => m.Fact == code).SelectMany(m => m.Rules).ToArray());
        Codes(failures, "referrals", expectations.Referrals, plan.Referrals.Select(r => r.Code).ToArray(),
            code => plan.Referrals.Where(r => r.Code == code).Select(r => r.Rule).ToArray());

        if (expectations.Warnings is { } warnings)
        {
            var actual = string.Join("; ", plan.Warnings.Select(Describe));
            foreach (var w in warnings.Include.Where(w => !plan.Warnings.Any(x => Matches(x, w))))
                failures.Add(new ExpectationFailure("warnings", "include " + Describe(w), Empty(actual), []));
            foreach (var w in warnings.Exclude)
            {
                var hits = plan.Warnings.Where(x => Matches(x, w)).ToArray();
                if (hits.Length > 0)
                    failures.Add(new ExpectationFailure("warnings", "exclude " + Describe(w), string.Join("; ", hits.Select(Describe)), hits.Select(h => h.Rule).Distinct().ToArray()));
            }
        }

        if (expectations.NoCandidates is { } none && none != (plan.Candidates.Count == 0))
            failures.Add(new ExpectationFailure("candidates", none ? "no candidates" : "at least one candidate",
                Empty(string.Join(", ", plan.Candidates.Select(c => c.Intervention))),
                plan.Candidates.SelectMany(c => c.Because.Select(b => b.Rule)).Distinct().ToArray()));
        return failures;
    }

    private static void Codes(List<ExpectationFailure> failures, string section, ListExpectation? expectation, IReadOnlyList<string> actual, Func<string, IReadOnlyList<string>> rulesOf)
    {
        if (expectation is null) return;
        var text = Empty(string.Join(", ", actual));
        foreach (var code in expectation.Include.Where(c => !actual.Contains(c)))
            failures.Add(new ExpectationFailure(section, "include " + code, text, rulesOf(code)));
        foreach (var code in expectation.Exclude.Where(actual.Contains))
            failures.Add(new ExpectationFailure(section, "exclude " + code, text, rulesOf(code)));
    }

    private static bool Matches(PlanWarning actual, WarningExpectation expected) =>
        (expected.About is null || actual.About.Contains(expected.About))
        && (expected.AppliesTo is null || actual.AppliesTo.Contains(expected.AppliesTo))
        && (expected.Code is null || actual.Code == expected.Code)
        && (expected.Severity is null || actual.Severity == expected.Severity);

    private static string Describe(WarningExpectation w) =>
        "{" + string.Join(", ", new[] { ("code", w.Code), ("severity", w.Severity), ("about", w.About), ("appliesTo", w.AppliesTo) }
            .Where(x => x.Item2 is not null).Select(x => $"{x.Item1}: {x.Item2}")) + "}";

    private static string Describe(PlanWarning w) =>
        $"{w.Severity} {w.Code} about [{string.Join(", ", w.About)}] on [{string.Join(", ", w.AppliesTo)}] ({w.Rule})";

    private static string Empty(string s) => s.Length == 0 ? "(none)" : s;
}
