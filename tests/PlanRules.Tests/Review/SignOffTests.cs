using PlanRules.Rules;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PlanRules.Review;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Review;

/// <summary>
/// Explicit sign-off: <c>reviewedBy</c> and <c>reviewedOn</c> in the loader (the former <c>reviewer</c> /
/// <c>reviewed</c> are unknown keys with the new name suggested), PR3011 as a lint error (text and SARIF), and a review
/// document that opens with what needs sign-off and never shows an unreviewed rule as approved.
/// </summary>
public sealed partial class SignOffTests
{
    private const string Candidate = """{ "id": "t.rule", "title": "t", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider", "when": { "fact": "finding.pain.region", "is": "lumbar" }, "rationale": "r", "evidence": ["e"], "status": "approved" """;

    [Fact]
    public void Loader_ReadsReviewedByAndReviewedOn()
    {
        var set = TestRuleSets.Rules("[" + Candidate + """, "reviewedBy": "Dr Ana Reyes", "reviewedOn": "2026-11-27" }]""");
        var rule = Assert.Single(set.Rules);
        Assert.Equal("Dr Ana Reyes", rule.ReviewedBy);
        Assert.Equal("2026-11-27", rule.ReviewedOn);
    }

    [Theory]
    [InlineData("reviewer", "reviewedBy", "\"Dr Ana Reyes\"")]
    [InlineData("reviewed", "reviewedOn", "\"2026-11-27\"")]
    public void Loader_ReportsTheFormerKeys_AsUnknown_WithTheNewName(string old, string renamed, string value)
    {
        var result = TestRuleSets.Load(("test/rules.json", "{ \"rules\": [" + Candidate + $", \"{old}\": {value} }}] }}"));
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "PR1003");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains($"unknown key '{old}'", d.Message, StringComparison.Ordinal);
        Assert.StartsWith($"did you mean '{renamed}'?", d.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("27/11/2026")]
    [InlineData("2026-02-30")]
    [InlineData("2026-11-27T10:00")]
    [InlineData("")]
    public void Loader_RejectsAReviewedOnThatIsNotARealDate(string date)
    {
        var result = TestRuleSets.Load(("test/rules.json", "{ \"rules\": [" + Candidate + $", \"reviewedBy\": \"Dr Ana Reyes\", \"reviewedOn\": \"{date}\" }}] }}"));
        var d = Assert.Single(result.Diagnostics, d => d.Code == "PR1007");
        Assert.Contains("'reviewedOn' must be a real date YYYY-MM-DD", d.Message, StringComparison.Ordinal);
        Assert.NotNull(d.Suggestion);
    }

    [Theory]
    [InlineData("Dr Ana Reyes", true)]
    [InlineData("A. Reyes, MD (pain medicine lead)", true)]
    [InlineData("clinical lead", false)]
    [InlineData("Clinical Lead.", false)]
    [InlineData("TBD", false)]
    [InlineData("PlanRules clinical content (pending lead sign-off)", false)]
    [InlineData("  ", false)]
    [InlineData("-", false)]
    public void ANamedReviewer_IsAPersonNotARoleOrPlaceholder(string reviewedBy, bool named) =>
        Assert.Equal(named, SignOff.IsNamed(reviewedBy));

    [Fact]
    public void Sarif_ReportsPR3011_AsAnError()
    {
        var result = LintFixtures.Lint("PR3011");
        using var doc = JsonDocument.Parse(result.ToSarif("rules"));
        var run = doc.RootElement.GetProperty("runs")[0];
        var rule = Assert.Single(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "PR3011");
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("ApprovedWithoutSignOff", rule.GetProperty("name").GetString());
        var results = run.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("ruleId").GetString() == "PR3011").ToList();
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal("error", r.GetProperty("level").GetString()));
    }

    [Fact]
    public void LintText_CountsPR3011_AsAnError()
    {
        var text = LintFixtures.Lint("PR3011").ToText(includeInfo: false);
        Assert.Matches(@"lint/rules\.json\(\d+,\d+\): error PR3011: rule 'lint\.pr3011\.approved-anonymously': ", text);
        Assert.Contains("3 errors", text, StringComparison.Ordinal);
    }

    /// <summary>The review set with <c>esi.lumbar.interlaminar.radicular</c> still approved but no longer signed off.</summary>
    private static RuleSet WithAnUnsignedApproval() => ReviewSets.Load(files =>
        files["spine/rules.json"] = files["spine/rules.json"].Replace(
            "\"status\": \"approved\", \"reviewedBy\": \"Dr Test Lead\", \"reviewedOn\": \"2026-11-27\" },\n    { \"id\": \"scs.trial.after-blocks\"",
            "\"status\": \"approved\" },\n    { \"id\": \"scs.trial.after-blocks\"", StringComparison.Ordinal));

    [Fact]
    public void Html_OpensWithWhatNeedsSignOff_BeforeTheRuleByRuleContent()
    {
        var set = WithAnUnsignedApproval();
        Assert.Null(set.Rules.Single(r => r.Id == "esi.lumbar.interlaminar.radicular").ReviewedBy); // the edit took effect
        var html = ReviewDocument.ToHtml(set);
        var main = html[html.IndexOf("<main>", StringComparison.Ordinal)..];
        var signOff = main.IndexOf("id=\"sign-off\"", StringComparison.Ordinal);
        Assert.True(signOff > 0);
        foreach (var later in new[] { "id=\"interventions\"", "id=\"plan-wide\"", "id=\"antithrombotics\"", "id=\"parameters\"", "id=\"rules\"", "id=\"rule-" })
            Assert.True(signOff < main.IndexOf(later, StringComparison.Ordinal), $"sign-off must come before {later}");
        // The first section of the page is the sign-off section.
        Assert.Equal(signOff, main.IndexOf("<section", StringComparison.Ordinal) + "<section ".Length);

        var section = Text(Section(html, "sign-off"));
        var drafts = set.Rules.Where(r => r.Status == "draft").ToList();
        Assert.Contains($"{drafts.Count + 1} of {set.Rules.Count} rules need sign-off: {drafts.Count} draft, 1 marked approved without a named reviewer and date", section, StringComparison.Ordinal);
        Assert.Contains($"Draft rules ({drafts.Count})", section, StringComparison.Ordinal);
        Assert.Contains($"spine/rules.json ({drafts.Count})", section, StringComparison.Ordinal); // grouped by file
        Assert.All(drafts, r => Assert.Contains(r.Id, section, StringComparison.Ordinal));
        Assert.Contains("Marked approved without sign-off (1)", section, StringComparison.Ordinal);
        Assert.Contains("esi.lumbar.interlaminar.radicular", section, StringComparison.Ordinal);
        // Lint findings are listed there too, errors first.
        Assert.Contains("Lint errors and warnings", section, StringComparison.Ordinal);
        Assert.Matches(@"error PR3011 esi\.lumbar\.interlaminar\.radicular\s*: rule is approved but names no ""reviewedBy""", section);
        Assert.True(section.IndexOf("error PR3011", StringComparison.Ordinal) < section.IndexOf("warning PR3", StringComparison.Ordinal) || !section.Contains("warning PR3", StringComparison.Ordinal));
        // The draft list comes after the lint list and before everything else.
        Assert.True(section.IndexOf("Lint errors and warnings", StringComparison.Ordinal) < section.IndexOf("Draft rules", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_NeverShowsAnUnreviewedRuleAsApproved()
    {
        var html = ReviewDocument.ToHtml(WithAnUnsignedApproval());
        var card = Article(html, "rule-esi.lumbar.interlaminar.radicular");
        Assert.DoesNotContain("st-approved", card, StringComparison.Ordinal);
        Assert.DoesNotContain(">approved<", card, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge st-unsigned\">not signed off</span>", card, StringComparison.Ordinal);
        Assert.Contains("sign-off is incomplete", Text(card), StringComparison.Ordinal);
        // Wherever the rule is referred to (its intervention's list), it is not approved either.
        foreach (Match m in RefPattern().Matches(html))
            if (m.Value.Contains("#rule-esi.lumbar.interlaminar.radicular\"", StringComparison.Ordinal))
                Assert.DoesNotContain("st-approved", m.Value, StringComparison.Ordinal);
        // Header counts: 2 approved (signed off), 1 not signed off.
        Assert.Contains("2 approved, 6 draft, 1 not signed off", Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ShowsWhoSignedAnApprovedRuleAndWhen()
    {
        var html = ReviewDocument.ToHtml(ReviewSets.Load());
        var card = Article(html, "rule-safety.systemic-infection");
        Assert.Contains("<span class=\"badge st-approved\">approved</span>", card, StringComparison.Ordinal);
        Assert.Contains("signed off by Dr Test Lead on 2026-11-27", card, StringComparison.Ordinal);
        var draft = Article(html, "rule-care.home-exercise");
        Assert.Contains("<span class=\"badge st-draft\">draft</span>", draft, StringComparison.Ordinal);
        Assert.Contains("not yet signed off", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("st-approved", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Marked approved without sign-off", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_OpensWithWhatNeedsSignOff_AndNeverShowsAnUnreviewedRuleAsApproved()
    {
        var set = WithAnUnsignedApproval();
        var md = ReviewDocument.ToMarkdown(set);
        var signOff = md.IndexOf("## Needs sign-off", StringComparison.Ordinal);
        Assert.True(signOff > 0);
        Assert.True(signOff < md.IndexOf("## Interventions", StringComparison.Ordinal));
        Assert.Equal(signOff, md.IndexOf("\n## ", StringComparison.Ordinal) + 1); // the first section
        var section = md[signOff..md.IndexOf("## Interventions", StringComparison.Ordinal)];
        Assert.Contains("### Lint errors and warnings", section, StringComparison.Ordinal);
        Assert.Contains("**error** `PR3011`", section, StringComparison.Ordinal);
        Assert.Contains("### Marked approved without sign-off (1)", section, StringComparison.Ordinal);
        Assert.Contains($"### Draft rules ({set.Rules.Count(r => r.Status == "draft")})", section, StringComparison.Ordinal);
        Assert.Contains("#### `spine/rules.json`", section, StringComparison.Ordinal);
        var card = md[md.IndexOf("<a id=\"rule-esi.lumbar.interlaminar.radicular\"></a>", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("<a id=", 10, StringComparison.Ordinal)];
        Assert.Contains("Status **not signed off**", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Status **approved**", card, StringComparison.Ordinal);
        Assert.Contains("Status **approved** · signed off by Dr Test Lead on 2026-11-27", md, StringComparison.Ordinal);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf("id=\"" + id + "\"", StringComparison.Ordinal);
        Assert.True(start > 0, "no section " + id);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string Article(string html, string id)
    {
        var start = html.IndexOf("id=\"" + id + "\"", StringComparison.Ordinal);
        Assert.True(start > 0, "no article " + id);
        return html[start..html.IndexOf("</article>", start, StringComparison.Ordinal)];
    }

    private static string Text(string html) => Regex.Replace(WebUtility.HtmlDecode(TagPattern().Replace(html, " ")), @"\s+", " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<li class=\"item ref[^\"]*\">.*?</li>", RegexOptions.Singleline)]
    private static partial Regex RefPattern();
}
