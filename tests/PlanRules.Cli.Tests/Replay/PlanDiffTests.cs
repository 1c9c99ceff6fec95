using Newtonsoft.Json.Linq;
using PlanRules.Replay;

namespace PlanRules.Cli.Tests.Replay;

/// <summary>Comparing two plans of a case: every kind of change, and the rules responsible.</summary>
public sealed class PlanDiffTests
{
    private const string WarningRule = """
        , { "id": "t.diabetes", "title": "Steroid and diabetes", "kind": "warning", "severity": "warning", "code": "steroid.glucose",
            "appliesTo": { "tags": ["steroid"] }, "message": "Check blood sugar.",
            "when": { "fact": "condition.diabetes.type2", "is": true }, "rationale": "test", "evidence": ["test"], "status": "draft" }
        ] }
        """;

    private static readonly Lazy<PlanRules.RuleSet> WithWarning = new(() =>
        TestRules.Load(TestCorpus.Rules.TrimEnd()[..TestCorpus.Rules.TrimEnd().LastIndexOf(']')] + WarningRule));

    private static JObject Case(Action<JObject>? edit = null)
    {
        var json = TestCorpus.Case("diffed");
        json["history"] = JObject.Parse("""{ "conditions": [] }""");
        edit?.Invoke(json);
        return json;
    }

    [Fact]
    public void SamePlan_HasNoChanges()
    {
        var plan = TestRules.Plan(TestRules.Default, Case());

        var diff = PlanDiff.Compare(plan, plan);

        Assert.False(diff.HasChanges);
        Assert.Equal("diffed", diff.CaseId);
    }

    [Fact]
    public void ParameterChange_RemovesACandidate_WithTheRuleThatNoLongerHolds_AndRanksTheOthersUp()
    {
        var after = TestRules.Load(TestCorpus.Rules, p => p["parameters"]!["esi.min_pain_weeks"]!["value"] = 12);

        var diff = PlanDiff.Compare(TestRules.Plan(TestRules.Default, Case()), TestRules.Plan(after, Case()));

        Assert.Collection(diff.Changes,
            c => Assert.Equal((PlanChangeKind.CandidateRemoved, "esi.lumbar.transforaminal", "recommended, rank 1", "not proposed", "t.esi"),
                (c.Kind, c.Item, c.Before, c.After, string.Join(",", c.Rules))),
            c => Assert.Equal((PlanChangeKind.RankChanged, "mbb.lumbar", "2", "1"), (c.Kind, c.Item, c.Before, c.After)));
        Assert.Equal("candidates", diff.Changes[0].Section);
        Assert.Equal("candidate removed", diff.Changes[0].Description);
    }

    [Fact]
    public void AbsoluteContraindication_MovesACandidateToExcluded_NamingTheContraindication()
    {
        var before = TestRules.Plan(TestRules.Default, Case());
        var after = TestRules.Plan(TestRules.Default, Case(c => c["labs"]!["inr"] = 2.0));

        var diff = PlanDiff.Compare(before, after);

        var removed = Assert.Single(diff.Changes, c => c.Kind == PlanChangeKind.CandidateRemoved);
        Assert.Equal("esi.lumbar.transforaminal", removed.Item);
        Assert.StartsWith("excluded: INR above 1.5. [t.inr]", removed.After, StringComparison.Ordinal);
        Assert.Equal(["t.inr"], removed.Rules);
        var excluded = Assert.Single(diff.Changes, c => c.Kind == PlanChangeKind.ExclusionAdded);
        Assert.Equal(("esi.lumbar.transforaminal", "candidate: recommended, rank 1"), (excluded.Item, excluded.Before));
        Assert.Equal(["t.inr"], excluded.Rules);

        var back = PlanDiff.Compare(after, before);
        Assert.Contains(back.Changes, c => c.Kind == PlanChangeKind.CandidateAdded && c.Item == "esi.lumbar.transforaminal");
        Assert.Contains(back.Changes, c => c.Kind == PlanChangeKind.ExclusionRemoved && c.Rules.SequenceEqual(["t.inr"]));
    }

    [Fact]
    public void RedFlag_AddsAReferral_AndExcludesEveryCandidate()
    {
        var diff = PlanDiff.Compare(TestRules.Plan(TestRules.Default, Case()),
            TestRules.Plan(TestRules.Default, Case(c => c["findings"]!["redflag.cauda_equina"] = true)));

        var referral = Assert.Single(diff.Changes, c => c.Kind == PlanChangeKind.ReferralAdded);
        Assert.Equal(("urgent_evaluation", "t.redflag"), (referral.Item, referral.Rules.Single()));
        Assert.Equal(2, diff.Changes.Count(c => c.Kind == PlanChangeKind.CandidateRemoved));
        Assert.Equal(2, diff.Changes.Count(c => c.Kind == PlanChangeKind.ExclusionAdded));
    }

    [Fact]
    public void Warnings_AndMissingInformation_AreComparedByRuleAndFact()
    {
        var plain = TestRules.Plan(WithWarning.Value, Case());
        var diabetic = TestRules.Plan(WithWarning.Value, Case(c => c["history"]!["conditions"] = new JArray("diabetes.type2")));
        var noInr = TestRules.Plan(WithWarning.Value, Case(c => c.Remove("labs")));

        var warning = Assert.Single(PlanDiff.Compare(plain, diabetic).Changes);
        Assert.Equal((PlanChangeKind.WarningAdded, "steroid.glucose", (string?)null, "t.diabetes"), (warning.Kind, warning.Item, warning.Before, warning.Rules.Single()));
        Assert.Contains("Check blood sugar.", warning.After, StringComparison.Ordinal);
        Assert.Contains("applies to esi.lumbar.transforaminal", warning.After, StringComparison.Ordinal);
        Assert.Equal(PlanChangeKind.WarningRemoved, Assert.Single(PlanDiff.Compare(diabetic, plain).Changes).Kind);

        var missing = Assert.Single(PlanDiff.Compare(plain, noInr).Changes);
        Assert.Equal((PlanChangeKind.MissingInformationAdded, "lab.inr", "t.inr"), (missing.Kind, missing.Item, missing.Rules.Single()));
        Assert.Contains("needed for esi.lumbar.transforaminal", missing.After, StringComparison.Ordinal);
        Assert.Equal("missingInformation", missing.Section);
    }

    [Fact]
    public void ChangeKinds_HaveWordsAndJsonNames()
    {
        foreach (var kind in Enum.GetValues<PlanChangeKind>())
        {
            Assert.DoesNotContain(kind.ToString(), PlanChange.Describe(kind), StringComparison.Ordinal);
            Assert.True(char.IsLower(PlanChange.JsonName(kind)[0]));
        }
    }
}
