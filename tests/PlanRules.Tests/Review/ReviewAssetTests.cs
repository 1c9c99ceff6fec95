using PlanRules.Review;

namespace PlanRules.Tests.Review;

/// <summary>
/// The review page's stylesheet and script are embedded resources (<c>src/PlanRules.Authoring/Review/Assets</c>),
/// inlined verbatim into every page; a missing one is reported by name.
/// </summary>
public sealed class ReviewAssetTests
{
    private static string AssetFile(string name) =>
        Path.Combine(RepoPaths.Root, "src", "PlanRules.Authoring", "Review", "Assets", name);

    [Theory]
    [InlineData(HtmlReviewWriter.CssResource, "review.css")]
    [InlineData(HtmlReviewWriter.ScriptResource, "review.js")]
    public void EmbeddedAsset_IsTheAssetFile_ByteForByte(string resource, string file)
    {
        Assert.Equal(File.ReadAllText(AssetFile(file)), HtmlReviewWriter.LoadAsset(resource));
    }

    [Fact]
    public void ToHtml_InlinesTheStylesheetAndTheScript_Verbatim()
    {
        var html = ReviewDocument.ToHtml(ReviewSets.Load());
        Assert.Contains("<style>\n" + File.ReadAllText(AssetFile("review.css")) + "</style>\n", html, StringComparison.Ordinal);
        Assert.Contains("<script>\n" + File.ReadAllText(AssetFile("review.js")) + "</script>\n</body>\n</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAsset_MissingResource_IsReportedByName()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => HtmlReviewWriter.LoadAsset("PlanRules.Review.Assets.missing.css"));
        Assert.Contains("'PlanRules.Review.Assets.missing.css'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PlanRules.Authoring", ex.Message, StringComparison.Ordinal);
    }
}
