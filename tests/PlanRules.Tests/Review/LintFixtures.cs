using PlanRules.Review;
using PlanRules.Rules;

namespace PlanRules.Tests.Review;

/// <summary>
/// Lint fixtures: <c>Fixtures/lint/PR3xxx/</c> holds rule files (loaded as <c>lint/NAME.json</c>) and, optionally, a
/// <c>vocabulary.json</c>, <c>parameters.json</c> or <c>catalog.json</c> that replaces the shipped one. Lines marked
/// <c>// &lt;-- PR3xxx</c> are where that finding is expected.
/// </summary>
internal static class LintFixtures
{
    private static readonly string[] DataFiles = ["ruleset.json", "vocabulary.json", "parameters.json", "catalog.json"];

    public static string Directory => Path.Combine(RepoPaths.Fixtures, "lint");

    public static IReadOnlyList<RuleSourceFile> Files(string fixture)
    {
        var folder = Path.Combine(Directory, fixture);
        var files = new List<RuleSourceFile>();
        foreach (var name in DataFiles)
        {
            var own = Path.Combine(folder, name);
            files.Add(new RuleSourceFile(name, File.ReadAllText(File.Exists(own) ? own : Path.Combine(RepoPaths.Rules, name))));
        }
        foreach (var path in System.IO.Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!DataFiles.Contains(name)) files.Add(new RuleSourceFile("lint/" + name, File.ReadAllText(path)));
        }
        return files;
    }

    public static LintResult Lint(string fixture) => RuleSetLinter.Lint(Files(fixture));

    /// <summary>The (file, line) pairs marked <c>// &lt;-- code</c> in a fixture's files.</summary>
    public static IReadOnlyList<(string File, int Line)> Marked(string fixture, string code) =>
        Files(fixture)
            .Where(f => f.Path.StartsWith("lint/", StringComparison.Ordinal) || File.Exists(Path.Combine(Directory, fixture, f.Path)))
            .SelectMany(f => f.Content.Split('\n').Select((text, i) => (f.Path, Line: i + 1, text)))
            .Where(x => x.text.Contains("<-- " + code, StringComparison.Ordinal))
            .Select(x => (x.Path, x.Line))
            .ToList();
}
