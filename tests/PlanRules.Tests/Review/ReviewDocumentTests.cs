using System.Net;
using System.Text.RegularExpressions;
using PlanRules.Review;

namespace PlanRules.Tests.Review;

/// <summary>The review document: self-contained HTML and Markdown with every intervention, parameter and rule.</summary>
public sealed partial class ReviewDocumentTests
{
    [Fact]
    public void ToHtml_IsSelfContained()
    {
        var html = ReviewDocument.ToHtml(ReviewSets.Load());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        AssertSelfContained(html);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<script>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"q\" type=\"search\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ShowsIdentity_EveryIntervention_EveryParameter_AndEveryRule()
    {
        var set = ReviewSets.Load();
        var html = ReviewDocument.ToHtml(set);
        Assert.Contains("review-fixture", html, StringComparison.Ordinal);
        Assert.Contains("1.0.0", html, StringComparison.Ordinal);
        Assert.Contains(set.Identity.Sha256, html, StringComparison.Ordinal);
        var positions = set.Catalog.Interventions.Select(i => html.IndexOf("id=\"i-" + i.Code + "\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions); // catalog order
        Assert.All(set.Parameters.Values, p => Assert.Contains("id=\"param-" + p.Name + "\"", html, StringComparison.Ordinal));
        Assert.All(set.Rules, r => Assert.Contains("id=\"rule-" + r.Id + "\"", html, StringComparison.Ordinal));
        Assert.All(set.Rules, r => Assert.Contains(WebUtility.HtmlEncode(r.Location.ToString()), html, StringComparison.Ordinal));
        Assert.Equal(set.Rules.Count, IdPattern().Matches(html).Count);
    }

    [Fact]
    public void ToHtml_RendersConditionsAsPlainSentences_WithParameterValues()
    {
        var html = Text(ReviewDocument.ToHtml(ReviewSets.Load()));
        Assert.Contains("the pain has lasted at least 12 weeks $facet.min_pain_weeks", html, StringComparison.Ordinal);
        Assert.Contains("main pain region is lumbar", html, StringComparison.Ordinal);
        Assert.Contains("pain pattern is radicular or neurogenic claudication", html, StringComparison.Ordinal);
        Assert.Contains("at least 2 × earlier lumbar medial branch block with relief of the index pain at least 80% $facet.block_relief_percent", html, StringComparison.Ordinal);
        Assert.Contains("signed off by Dr Test Lead on 2026-11-27", html, StringComparison.Ordinal);
        Assert.Contains("Test source 2021 [P]", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_GroupsRulesByIntervention()
    {
        var html = ReviewDocument.ToHtml(ReviewSets.Load());
        var esi = Section(html, "i-esi.lumbar.interlaminar");
        Assert.Contains("id=\"rule-esi.lumbar.interlaminar.radicular\"", esi, StringComparison.Ordinal); // proposed
        Assert.Contains("href=\"#rule-safety.systemic-infection\"", esi, StringComparison.Ordinal);      // excluded
        Assert.Contains("antithrombotic grid", esi, StringComparison.Ordinal);
        Assert.Contains("href=\"#rule-care.home-exercise\"", esi, StringComparison.Ordinal);            // also applies
        var mbb = Section(html, "i-mbb.lumbar");
        Assert.DoesNotContain("esi.lumbar.interlaminar.radicular", mbb, StringComparison.Ordinal);
        Assert.Contains("A referral that stops the plan", mbb, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ShowsTheAntithromboticGrid()
    {
        var grid = Section(ReviewDocument.ToHtml(ReviewSets.Load()), "antithrombotics");
        var rows = Regex.Matches(grid, "<tr class=\"item\">(.*?)</tr>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)).ToList();
        var apixaban = Assert.Single(rows, r => r.Contains("medication.apixaban", StringComparison.Ordinal));
        Assert.Matches(@"72 h \$antithrombotic\.doac\.hold_hours.*72 h \$antithrombotic\.doac\.hold_hours.*shared", apixaban);
        var dabigatran = Assert.Single(rows, r => r.Contains("medication.dabigatran", StringComparison.Ordinal));
        Assert.Contains("144 h", dabigatran, StringComparison.Ordinal);
        Assert.DoesNotContain("96 h", dabigatran, StringComparison.Ordinal); // a lower bound is no hold
        Assert.Contains("has impaired kidney function", dabigatran, StringComparison.Ordinal);
        Assert.EndsWith("—", dabigatran.TrimEnd(), StringComparison.Ordinal); // low risk: no rule
    }

    [Fact]
    public void ToHtml_OfTheShippedRules_IsSelfContained_AndShowsEveryInterventionAndParameter()
    {
        var loaded = RuleSet.LoadDirectory(RepoPaths.Rules);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var html = ReviewDocument.ToHtml(loaded.RuleSet!);
        AssertSelfContained(html);
        Assert.All(loaded.RuleSet!.Catalog.Interventions, i => Assert.Contains(WebUtility.HtmlEncode(i.Name), html, StringComparison.Ordinal));
        Assert.All(loaded.RuleSet.Parameters.Keys, p => Assert.Contains("id=\"param-" + p + "\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public void ToMarkdown_HasTheSameContent()
    {
        var set = ReviewSets.Load();
        var md = ReviewDocument.ToMarkdown(set);
        Assert.StartsWith("# Rule set review: review-fixture", md, StringComparison.Ordinal);
        Assert.Contains(set.Identity.Sha256, md, StringComparison.Ordinal);
        Assert.Contains("## Parameters", md, StringComparison.Ordinal);
        Assert.Contains("## Antithrombotics", md, StringComparison.Ordinal);
        Assert.All(set.Catalog.Interventions, i => Assert.Contains("### " + i.Name, md, StringComparison.Ordinal));
        Assert.All(set.Parameters.Keys, p => Assert.Contains("`" + p + "`", md, StringComparison.Ordinal));
        Assert.Contains("the pain has lasted at least **12 weeks** (`$facet.min_pain_weeks`)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("http", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_IsDeterministic()
    {
        Assert.Equal(ReviewDocument.ToHtml(ReviewSets.Load()), ReviewDocument.ToHtml(ReviewSets.Load()));
        Assert.Equal(ReviewDocument.ToMarkdown(ReviewSets.Load()), ReviewDocument.ToMarkdown(ReviewSets.Load()));
    }

    internal static void AssertSelfContained(string html)
    {
        Assert.DoesNotMatch(@"(?i)\b(src|href|action|poster|data)\s*=\s*[""']?\s*(https?:)?//", html);
        Assert.DoesNotMatch(@"(?i)<(link|iframe|img|object|embed|base)\b", html);
        Assert.DoesNotMatch(@"(?i)<script[^>]*\bsrc\s*=", html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?i)\b(fetch|XMLHttpRequest|WebSocket)\b", html);
        Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), href => Assert.StartsWith("#", href, StringComparison.Ordinal));
    }

    /// <summary>The element with an id, up to the next element with the same tag at the same level (good enough for sections).</summary>
    internal static string Section(string html, string id)
    {
        var start = html.IndexOf("id=\"" + id + "\"", StringComparison.Ordinal);
        Assert.True(start > 0, "no element " + id);
        var open = html.LastIndexOf('<', start);
        var tag = Regex.Match(html[open..], @"^<(\w+)").Groups[1].Value;
        int depth = 0, i = open;
        var tokens = new Regex("<(/?)" + tag + @"\b");
        foreach (Match m in tokens.Matches(html, open))
        {
            depth += m.Groups[1].Value == "/" ? -1 : 1;
            i = m.Index;
            if (depth == 0) break;
        }
        return html[open..i];
    }

    /// <summary>The visible text of HTML, whitespace collapsed.</summary>
    internal static string Text(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html.Replace("<wbr>", "", StringComparison.Ordinal), "<[^>]+>", " "), @"\s+", " ")).Replace(" ,", ",", StringComparison.Ordinal).Trim();

    [GeneratedRegex("<article class=\"item rule")]
    private static partial Regex IdPattern();
}
