using System.Text.RegularExpressions;

namespace PlanRules.Tests.Docs;

/// <summary>
/// The docs travel with the code: every relative link of <c>docs/**/*.md</c> and <c>rules/README.md</c> resolves (file
/// and <c>#anchor</c>), every rule's citation of <c>docs/clinical-policy.md#anchor</c> names an anchor that exists, and
/// nothing in the docs, schemas or rule set points at the team's working folder outside the repository.
/// </summary>
public sealed partial class DocsLinkTests
{
    private static string Docs => Path.Combine(RepoPaths.Root, "docs");

    private static IEnumerable<string> MarkdownFiles() =>
        Directory.EnumerateFiles(Docs, "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(RepoPaths.Rules, "README.md"))
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\[[^\]]*\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"docs/clinical-policy\.md#([a-z0-9-]+)")]
    private static partial Regex PolicyCitation();

    [GeneratedRegex(@"<a id=""([^""]+)""")]
    private static partial Regex ExplicitAnchor();

    /// <summary>The anchors of a Markdown file: GitHub-style heading slugs and explicit <c>&lt;a id&gt;</c>s.</summary>
    internal static HashSet<string> Anchors(string markdownPath)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inCode = false;
        foreach (var line in File.ReadLines(markdownPath))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) inCode = !inCode;
            if (inCode) continue;
            foreach (Match m in ExplicitAnchor().Matches(line)) anchors.Add(m.Groups[1].Value);
            if (!line.StartsWith('#')) continue;
            var text = line.TrimStart('#').Trim();
            var slug = new string(text.ToLowerInvariant()
                .Where(c => char.IsLetterOrDigit(c) || c == ' ' || c == '-' || c == '_').ToArray()).Replace(' ', '-');
            anchors.Add(slug);
        }
        return anchors;
    }

    [Fact]
    public void RelativeLinks_Resolve()
    {
        var problems = new List<string>();
        foreach (var file in MarkdownFiles())
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LinkPattern().Matches(text))
            {
                var target = m.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash >= 0 ? target[..hash] : target;
                var anchor = hash >= 0 ? target[(hash + 1)..] : null;
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                var where = Path.GetRelativePath(RepoPaths.Root, file);
                if (!File.Exists(resolved) && !Directory.Exists(resolved)) { problems.Add($"{where}: {target}: no such file"); continue; }
                if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(resolved).Contains(anchor))
                    problems.Add($"{where}: {target}: no such anchor");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void RuleCitationsOfTheClinicalPolicy_NameExistingAnchors()
    {
        var anchors = Anchors(Path.Combine(Docs, "clinical-policy.md"));
        var problems = new List<string>();
        var cited = 0;
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Rules, "*.json", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                foreach (Match m in PolicyCitation().Matches(lines[i]))
                {
                    cited++;
                    if (!anchors.Contains(m.Groups[1].Value))
                        problems.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}:{i + 1}: #{m.Groups[1].Value} is not an anchor of docs/clinical-policy.md");
                }
        }
        Assert.True(cited > 0, "no rule cites docs/clinical-policy.md#…");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void RuleEvidenceCitingTheClinicalPolicy_NamesItsSection()
    {
        // "PlanRules clinical policy" alone cannot be looked up; the citation must say where in docs/clinical-policy.md.
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Rules, "*.json", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) is "parameters.json" || file.EndsWith(".schema.json", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("\"PlanRules clinical policy", StringComparison.Ordinal) && !PolicyCitation().IsMatch(line))
                    problems.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}:{i + 1}: cite docs/clinical-policy.md#anchor");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The name of the team's working folder beside the repository (built here so that this file does not name it).</summary>
    private static readonly string Outside = string.Concat("sha", "red");

    [Fact]
    public void DocsSchemasAndRules_DoNotPointOutsideTheRepository()
    {
        var roots = new[] { Docs, Path.Combine(RepoPaths.Root, "schemas"), RepoPaths.Rules };
        var problems = new List<string>();
        foreach (var root in roots.Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                if (!(file.EndsWith(".md", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".py", StringComparison.Ordinal))) continue;
                var text = File.ReadAllText(file);
                foreach (var needle in new[] { Outside + "/", "../" + Outside, Outside + "\\" })
                    if (text.Contains(needle, StringComparison.Ordinal)) problems.Add($"{Path.GetRelativePath(RepoPaths.Root, file)} mentions '{needle}'");
            }
        Assert.True(problems.Count == 0, "the docs must stand on their own:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void DocsIndex_ListsEveryDoc()
    {
        var index = File.ReadAllText(Path.Combine(Docs, "README.md"));
        var missing = Directory.EnumerateFiles(Docs, "*.md")
            .Select(Path.GetFileName)
            .Where(n => n != "README.md" && !index.Contains($"({n}", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "docs/README.md does not link: " + string.Join(", ", missing));
    }
}
