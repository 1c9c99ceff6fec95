using PlanRules.Review;

namespace PlanRules.Tests.Review;

/// <summary>What changed between two versions of a rule set, and the changes page.</summary>
public sealed class ChangesTests
{
    private static readonly string RuleFile = "spine/rules.json";

    [Fact]
    public void Compare_ChangedParameter_IsSaidInPlainLanguage_AndItsRulesAreAffected()
    {
        var before = ReviewSets.Load();
        var after = ReviewSets.Load(f => f["parameters.json"] = f["parameters.json"].Replace("\"value\": 4,", "\"value\": 5,", StringComparison.Ordinal));
        var changes = RuleSetChanges.Compare(before, after);
        var p = Assert.Single(changes.Items, c => c.Subject == ChangeSubject.Parameter);
        Assert.Equal("Parameter facet.min_nrs changed from 4 to 5", p.Summary);
        Assert.Equal(ChangeKind.Changed, p.Kind);
        var affected = Assert.Single(changes.Items, c => c.Kind == ChangeKind.Affected);
        Assert.Equal("facet.mbb.lumbar.axial-pain", affected.Id);
        Assert.Equal(2, changes.Items.Count);
    }

    [Fact]
    public void Compare_TextFilledInWithAChangedParameter_IsNoChangeOfTheRule_EvenBesideTheSameNumber()
    {
        static void Title(Dictionary<string, string> f) => f[RuleFile] = f[RuleFile].Replace(
            "\"title\": \"Lumbar medial branch block for axial pain of {facet.min_pain_weeks} weeks\"",
            "\"title\": \"Lumbar medial branch block: NRS {facet.min_nrs} or more, 4 weeks of care\"", StringComparison.Ordinal);
        var before = ReviewSets.Load(Title);
        var after = ReviewSets.Load(f =>
        {
            Title(f);
            f["parameters.json"] = f["parameters.json"].Replace("\"value\": 4,", "\"value\": 5,", StringComparison.Ordinal);
        });
        Assert.Equal("Lumbar medial branch block: NRS 5 or more, 4 weeks of care", after.Rules[0].Title);
        var rule = Assert.Single(RuleSetChanges.Compare(before, after).Items, c => c.Subject == ChangeSubject.Rule);
        Assert.Equal(ChangeKind.Affected, rule.Kind);
        Assert.Equal("Rule facet.mbb.lumbar.axial-pain uses parameter facet.min_nrs, which changed from 4 to 5: Lumbar medial branch block: NRS 5 or more, 4 weeks of care", rule.Summary);
    }

    [Fact]
    public void Compare_SameRuleSet_HasNoChanges_AndLineMovesAreNoChange()
    {
        var before = ReviewSets.Load();
        var after = ReviewSets.Load(f => f[RuleFile] = "// a comment that moves every rule one line down\n" + f[RuleFile]);
        Assert.True(RuleSetChanges.Compare(before, before).IsEmpty);
        Assert.True(RuleSetChanges.Compare(before, after).IsEmpty);
    }

    [Fact]
    public void Compare_AddedRemovedAndChangedRules_AreListed()
    {
        var before = ReviewSets.Load();
        var after = ReviewSets.Load(f =>
        {
            var text = f[RuleFile]
                .Replace("\"rationale\": \"For the test.\", \"evidence\": [\"Test source 2021 [P]\"], \"status\": \"draft\"",
                         "\"rationale\": \"For the test.\", \"evidence\": [\"Test source 2021 [P]\"], \"status\": \"approved\", \"reviewedBy\": \"Dr New\", \"reviewedOn\": \"2026-12-01\"", StringComparison.Ordinal)
                .Replace("\"id\": \"care.home-exercise\"", "\"id\": \"care.home-exercise-v2\"", StringComparison.Ordinal)
                .Replace("{ \"fact\": \"finding.pain.pattern\", \"in\": [\"radicular\", \"neurogenic_claudication\"] }", "{ \"fact\": \"finding.pain.pattern\", \"is\": \"radicular\" }", StringComparison.Ordinal);
            f[RuleFile] = text;
        });
        var changes = RuleSetChanges.Compare(before, after);
        Assert.Contains(changes.Items, c => c is { Kind: ChangeKind.Added, Subject: ChangeSubject.Rule, Id: "care.home-exercise-v2" });
        Assert.Contains(changes.Items, c => c is { Kind: ChangeKind.Removed, Subject: ChangeSubject.Rule, Id: "care.home-exercise" });
        var status = Assert.Single(changes.Items, c => c.Id == "scs.trial.after-blocks");
        Assert.Contains("status changed from “draft” to “approved”", status.Details);
        Assert.Contains("reviewed by added: “Dr New”", status.Details);
        var condition = Assert.Single(changes.Items, c => c.Id == "esi.lumbar.interlaminar.radicular");
        Assert.Contains(condition.Details, d => d.StartsWith("condition changed: was “all of: main pain region is lumbar; pain pattern is radicular or neurogenic claudication”", StringComparison.Ordinal));
        Assert.Contains("Rule scs.trial.after-blocks changed (status, reviewed by, reviewed on)", changes.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ChangesToHtml_HighlightsAChangedParameter()
    {
        var before = ReviewSets.Load();
        var after = ReviewSets.Load(f => f["parameters.json"] = f["parameters.json"].Replace("\"value\": 4,", "\"value\": 5,", StringComparison.Ordinal));
        var html = ReviewDocument.ChangesToHtml(before, after);
        ReviewDocumentTests.AssertSelfContained(html);
        Assert.Contains("Rule set changes: review-fixture", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#param-facet.min_nrs\">Parameter facet.min_nrs changed from 4 to 5</a>", html, StringComparison.Ordinal);
        Assert.Matches("<tr class=\"item chg chg-changed[^\"]*\" id=\"param-facet.min_nrs\">", html);
        Assert.DoesNotMatch("<tr class=\"item chg[^\"]*\" id=\"param-facet.min_pain_weeks\">", html);
        Assert.Contains("class=\"item rule k-candidate chg chg-affected\" id=\"rule-facet.mbb.lumbar.axial-pain\"", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"only\" type=\"checkbox\">", html, StringComparison.Ordinal);
        var md = ReviewDocument.ChangesToMarkdown(before, after);
        Assert.Contains("- **changed** Parameter facet.min\\_nrs changed from 4 to 5", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangesToHtml_ShowsRemovedRulesStruckThrough()
    {
        var before = ReviewSets.Load();
        var after = ReviewSets.Load(f => f[RuleFile] = f[RuleFile].Replace("\"id\": \"care.home-exercise\"", "\"id\": \"care.home-exercise-v2\"", StringComparison.Ordinal));
        var html = ReviewDocument.ChangesToHtml(before, after);
        Assert.Contains("id=\"removed-rule-care.home-exercise\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"item rule k-companion chg chg-added\" id=\"rule-care.home-exercise-v2\"", html, StringComparison.Ordinal);
    }
}
