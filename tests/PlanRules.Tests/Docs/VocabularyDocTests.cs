using Newtonsoft.Json.Linq;

namespace PlanRules.Tests.Docs;

/// <summary>
/// <c>docs/vocabulary.md</c> lists every code of <c>rules/vocabulary.json</c> (facts, their words, entry attributes)
/// and of <c>rules/catalog.json</c> (interventions, tags, companions, referrals). Regenerate it with
/// <c>python3 docs/tools/vocabulary_md.py &gt; docs/vocabulary.md</c>.
/// </summary>
public sealed class VocabularyDocTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "vocabulary.md")));

    private static JObject ReadRules(string file) => JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Rules, file)),
        new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });

    /// <summary>The codes a reader must find in the doc, each written as <c>`code`</c>.</summary>
    internal static IReadOnlyList<string> ExpectedCodes()
    {
        var codes = new List<string>();
        var vocabulary = ReadRules("vocabulary.json");
        foreach (var (name, fact) in (JObject)vocabulary["facts"]!)
        {
            codes.Add(name);
            foreach (var word in (JArray?)fact!["words"] ?? []) codes.Add((string)word!);
        }
        foreach (var (_, attributes) in (JObject)vocabulary["attributes"]!)
            foreach (var (name, attribute) in (JObject)attributes!)
            {
                codes.Add(name);
                foreach (var word in (JArray?)attribute!["words"] ?? []) codes.Add((string)word!);
            }
        var catalog = ReadRules("catalog.json");
        foreach (var part in new[] { "interventions", "tags", "companions", "referrals" })
            codes.AddRange(((JObject)catalog[part]!).Properties().Select(p => p.Name));
        return codes.Distinct(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void EveryVocabularyAndCatalogCode_AppearsInTheDoc()
    {
        var codes = ExpectedCodes();
        Assert.True(codes.Count > 100, "expected the shipped vocabulary and catalog");
        var missing = codes.Where(c => !Doc.Value.Contains($"`{c}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} code(s) of rules/vocabulary.json or rules/catalog.json are missing from docs/vocabulary.md " +
            "(regenerate it: python3 docs/tools/vocabulary_md.py > docs/vocabulary.md):\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public void EveryFactRow_NamesTheFactsType()
    {
        // A fact's row must say what values it takes: its words, its range, or true/false.
        var vocabulary = ReadRules("vocabulary.json");
        var lines = Doc.Value.Split('\n');
        var problems = new List<string>();
        foreach (var (name, fact) in (JObject)vocabulary["facts"]!)
        {
            var row = lines.FirstOrDefault(l => l.StartsWith($"| `{name}` |", StringComparison.Ordinal));
            if (row is null) { problems.Add($"{name}: no row"); continue; }
            var type = (string)fact!["type"]!;
            var ok = type switch
            {
                "word" => ((JArray)fact["words"]!).All(w => row.Contains($"`{(string)w!}`", StringComparison.Ordinal)),
                "number" => row.Contains("number", StringComparison.Ordinal)
                            && (fact["min"] is null || row.Contains($"{(double)fact["min"]!}–{(double)fact["max"]!}", StringComparison.Ordinal)),
                _ => row.Contains("`true`", StringComparison.Ordinal),
            };
            if (!ok) problems.Add($"{name}: the row does not give its {type} values");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
