using PlanRules.Rules;

namespace PlanRules.Tests.Review;

/// <summary>The small, self-contained rule set of <c>Fixtures/lint/review-set</c>, and edited copies of it.</summary>
internal static class ReviewSets
{
    public static string Directory => Path.Combine(LintFixtures.Directory, "review-set");

    public static IReadOnlyList<RuleSourceFile> Files() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => new RuleSourceFile(Path.GetRelativePath(Directory, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();

    /// <summary>Loads the review set after <paramref name="edit"/> changed its files (path → content).</summary>
    public static RuleSet Load(Action<Dictionary<string, string>>? edit = null)
    {
        var files = Files().ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        edit?.Invoke(files);
        var result = RuleSet.Load(files.Select(f => new RuleSourceFile(f.Key, f.Value)));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.RuleSet!;
    }
}
