using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Rules;

/// <summary>
/// A rule file is authored by people and may be wrong in any way: loading it never throws, and every number that
/// cannot be used (NaN, Infinity, 1e400, 2^64, beyond 2^53) is a PR1008 diagnostic with file, line, column and rule.
/// </summary>
public sealed partial class HostileRuleFileTests
{
    public static TheoryData<string> BadNumbers() => ["1e400", "-1e400", "NaN", "Infinity", "-Infinity", "18446744073709551616", "-18446744073709551616", "1e300", "9007199254740993"];

    private static IReadOnlyList<RuleSourceFile> ShippedFiles() =>
        Directory.EnumerateFiles(RepoPaths.Rules, "*.json", SearchOption.AllDirectories)
            .Select(p => new RuleSourceFile(Path.GetRelativePath(RepoPaths.Rules, p).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(p)))
            .Where(f => !f.Path.EndsWith(".schema.json", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The shipped data files with the first match of <paramref name="pattern"/> in <paramref name="file"/> replaced.</summary>
    private static (RuleSetLoadResult Result, int Line) LoadWithEdit(string file, string pattern, string replacement, params (string Path, string Content)[] ruleFiles)
    {
        var files = TestRuleSets.ShippedDataFiles().ToList();
        var index = files.FindIndex(f => f.Path == file);
        var content = files[index].Content;
        var match = new Regex(pattern).Match(content);
        Assert.True(match.Success, $"'{pattern}' is not in {file}");
        files[index] = files[index] with { Content = content[..match.Index] + match.Result(replacement) + content[(match.Index + match.Length)..] };
        var line = content[..match.Index].Count(c => c == '\n') + 1;
        var result = RuleSet.Load([.. files, .. ruleFiles.Select(f => new RuleSourceFile(f.Path, f.Content))]);
        return (result, line);
    }

    private static void AssertOnePR1008(RuleSetLoadResult result, string file, int line, string? ruleId = null)
    {
        Assert.Null(result.RuleSet);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "PR1008");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(file, d.File);
        Assert.Equal(line, d.Line);
        Assert.True(d.Column > 0, d.ToString());
        Assert.Equal(ruleId, d.RuleId);
        Assert.Matches("not finite|too large", d.Message);
        Assert.StartsWith($"{file}({line},{d.Column}): error PR1008: ", d.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public void BadNumber_AsAParameterValue_IsPR1008(string number)
    {
        var (result, line) = LoadWithEdit("parameters.json", @"(""value"":\s*)[0-9.]+", "${1}" + number);
        AssertOnePR1008(result, "parameters.json", line);
    }

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public void BadNumber_AsAVocabularyBound_IsPR1008(string number)
    {
        var (result, line) = LoadWithEdit("vocabulary.json", @"(""max"":\s*)[0-9.]+", "${1}" + number);
        AssertOnePR1008(result, "vocabulary.json", line);
    }

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public void BadNumber_InTheCatalogOrManifest_IsPR1008(string number)
    {
        var (catalog, catalogLine) = LoadWithEdit("catalog.json", @"(""bleedingRisk"":\s*)""[a-z]+""", "${1}" + number);
        AssertOnePR1008(catalog, "catalog.json", catalogLine);
        var (manifest, manifestLine) = LoadWithEdit("ruleset.json", @"(""version"":\s*)""[^""]*""", "${1}" + number);
        AssertOnePR1008(manifest, "ruleset.json", manifestLine);
    }

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public void BadNumber_InAConditionOrRule_IsPR1008_NamingTheRule(string number)
    {
        string[] shapes =
        [
            $$"""{ "fact": "finding.pain.nrs", "atLeast": {{number}} }""",
            $$"""{ "fact": "finding.pain.nrs", "between": [1, {{number}}] }""",
            $$"""{ "count": "procedure.mbb.lumbar", "atLeast": {{number}} }""",
            $$"""{ "exists": "medication.apixaban", "where": { "lastDoseHoursAgo": { "below": {{number}} } } }""",
        ];
        foreach (var when in shapes)
        {
            var text = "{ \"rules\": [\n" +
                       "  { \"id\": \"ok\", \"title\": \"ok\", \"kind\": \"candidate\", \"intervention\": \"mbb.lumbar\", \"strength\": \"consider\", \"when\": { \"fact\": \"finding.pain.region\", \"is\": \"lumbar\" } },\n" +
                       "  { \"id\": \"hostile\", \"title\": \"t\", \"kind\": \"candidate\", \"intervention\": \"mbb.lumbar\", \"strength\": \"consider\",\n" +
                       "    \"when\": " + when + " }\n] }";
            var result = TestRuleSets.Load(("test/hostile.json", text));
            AssertOnePR1008(result, "test/hostile.json", 4, "hostile");
        }
        var followUp = "{ \"rules\": [ { \"id\": \"f\", \"title\": \"t\", \"kind\": \"followUp\", \"appliesTo\": \"any\", \"measure\": \"finding.pain.nrs\", \"message\": \"m\",\n" +
                       "  \"afterWeeks\": " + number + ", \"when\": \"always\" } ] }";
        AssertOnePR1008(TestRuleSets.Load(("test/follow.json", followUp)), "test/follow.json", 2, "f");
    }

    [Fact]
    public void EveryBadNumberOfAFile_IsReported_InDocumentOrder()
    {
        var text = "{ \"topic\": 1e400, \"rules\": [ { \"id\": \"a\", \"x\": NaN, \"y\": [1, -Infinity, 18446744073709551616] } ] }";
        var result = TestRuleSets.Load(("test/many.json", text));
        var hits = result.Diagnostics.Where(d => d.Code == "PR1008").ToArray();
        Assert.Equal(4, hits.Length);
        Assert.Equal([null, "a", "a", "a"], hits.Select(h => h.RuleId));
        Assert.Equal(hits.OrderBy(h => h.Column), hits);
    }

    [Theory]
    [InlineData("9007199254740992")]
    [InlineData("-9007199254740992")]
    [InlineData("1e15")]
    [InlineData("4.9e-324")]
    public void LargeButUsableNumbers_StillLoad(string number)
    {
        var (result, _) = LoadWithEdit("parameters.json", @"(""value"":\s*)[0-9.]+", "${1}" + number);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void HugeCount_IsPR2011_NotAnOverflow()
    {
        var result = TestRuleSets.Load(("test/count.json", """
            { "rules": [ { "id": "a", "title": "a", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider",
              "when": { "count": "procedure.mbb.lumbar", "atLeast": 5000000000 } } ] }
            """));
        Assert.Null(result.RuleSet);
        Assert.Contains(result.Diagnostics, d => d is { Code: "PR2011", RuleId: "a" });
    }

    [Fact]
    public void BadParameterValue_IsOneError_NotACascadeOfUnknownParameters()
    {
        var files = ShippedFiles().Select(f => f.Path == "parameters.json" ? f with { Content = ValueRegex().Replace(f.Content, "${1}1e400", 1) } : f).ToArray();
        var result = RuleSet.Load(files);
        Assert.Null(result.RuleSet);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("PR1008", "parameters.json"), (error.Code, error.File));
    }

    [Fact]
    public void MegabyteLongNames_AreReportedQuickly_WithoutASuggestion()
    {
        var name = "finding." + new string('x', 1_000_000);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = TestRuleSets.Load(("test/long.json", $$"""
            { "rules": [ { "id": "a", "title": "a", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider",
              "{{name}}": 1, "when": { "fact": "{{name}}", "is": 1 } } ] }
            """));
        Assert.Null(result.RuleSet);
        Assert.Contains(result.Diagnostics, d => d is { Code: "PR2001", Suggestion: "see vocabulary.json" });
        Assert.Contains(result.Diagnostics, d => d.Code == "PR1003");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void LoadDirectory_WithABadNumber_ReturnsADiagnostic()
    {
        var dir = Path.Combine(Path.GetTempPath(), "planrules-hostile-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in ShippedFiles())
            {
                var target = Path.Combine(dir, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, file.Path == "parameters.json" ? ValueRegex().Replace(file.Content, "${1}1e400", 1) : file.Content);
            }
            var result = RuleSet.LoadDirectory(dir);
            Assert.Null(result.RuleSet);
            Assert.Contains(result.Diagnostics, d => d is { Code: "PR1008", File: "parameters.json" });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // ---- fuzzing: random hostile edits of the shipped rule files never make loading throw ----

    private const string Marker = "\u0001HOSTILE\u0001";

    private static readonly Lazy<IReadOnlyList<RuleSourceFile>> Shipped = new(ShippedFiles);

    private static readonly string[] HostileValues =
    [
        "1e400", "-1e400", "NaN", "Infinity", "-Infinity", "18446744073709551616", "-9223372036854775809", "9223372036854775807",
        "1e300", "4.9e-324", "-0.0", "0", "-1", "2147483648", "0.5", "1e-7", "true", "false", "null", "[]", "{}", "\"\"", "\" \"",
        "\"$\"", "\"$nope\"", "\"$" + "x".PadRight(300, 'x') + "\"", "\"always\"", "\"{\"", "\"{unknown.param}\"", "\"(a+)+$\"", "\".*\"",
        "\"\\u0000\\ud800\"", "\"" + new string('\u00e9', 70_000) + "\"", "[" + string.Join(",", Enumerable.Repeat("1e400", 2_000)) + "]",
        "[" + string.Join(",", Enumerable.Repeat("\"procedure.mbb.lumbar\"", 5_000)) + "]",
        new string('[', 80) + new string(']', 80),
        Nest("{ \"not\": ", " }", 40, "{ \"fact\": \"finding.pain.nrs\", \"atLeast\": 1 }"),
        Nest("{ \"any\": [", "] }", 30, "{ \"fact\": \"finding.pain.nrs\", \"atLeast\": 1 }"),
        "{ \"any\": [" + string.Join(",", Enumerable.Range(0, 12).Select(i => $"{{ \"all\": [{{ \"any\": [{{ \"fact\": \"finding.pain.nrs\", \"atLeast\": {i % 10} }}, {{ \"fact\": \"finding.pain.nrs\", \"below\": 3 }}] }}] }}")) + "] }",
        "{ \"count\": \"procedure.*\", \"atLeast\": 1e15 }", "{ \"count\": [\"procedure.mbb.lumbar\", \"medication.apixaban\"], \"atMost\": 0 }",
        "{ \"exists\": \"procedure.mbb.lumbar\", \"where\": { \"not\": { \"not\": { \"weeksAgo\": { \"between\": [1e308, -1e308] } } } } }",
        "{ \"fact\": \"finding.pain.nrs\", \"in\": [] }", "{ \"fact\": \"finding.pain.region\", \"in\": [1, true, null] }",
    ];

    private static string Nest(string open, string close, int depth, string inner) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>One random edit: a token's value replaced by a hostile one, a key renamed, or a token removed.</summary>
    private static IReadOnlyList<RuleSourceFile> Mutate(int fileSeed, int tokenSeed, int kind, int valueSeed)
    {
        var files = Shipped.Value.ToArray();
        var index = fileSeed % files.Length;
        JToken root = JToken.Parse(files[index].Content);
        var tokens = ((JContainer)root).DescendantsAndSelf().Where(t => t is not JProperty).ToArray();
        var target = tokens[tokenSeed % tokens.Length];
        string text;
        switch (kind % 4)
        {
            case 0 or 1:
                if (target == root) root = new JValue(Marker);
                else target.Replace(new JValue(Marker));
                text = root.ToString().Replace("\"" + Marker + "\"", HostileValues[valueSeed % HostileValues.Length], StringComparison.Ordinal);
                break;
            case 2 when target.Parent is JProperty property:
                property.Replace(new JProperty(HostileValues[valueSeed % HostileValues.Length].Trim('"'), property.Value));
                text = root.ToString();
                break;
            default:
                if (target.Parent is JProperty owner) owner.Remove();
                else if (target.Parent is JArray) target.Remove();
                text = root.ToString();
                break;
        }
        files[index] = files[index] with { Content = text };
        return files;
    }

    [Property(MaxTest = 60, StartSize = 1, EndSize = 100)]
    public Property RandomHostileEdit_NeverThrows_AndAFailureAlwaysHasAnError() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var files = Mutate(random.Next(), random.Next(), random.Next(4), random.Next());
            var result = RuleSet.Load(files);
            _ = result.Diagnostics.Select(d => d.ToString()).ToArray();
            return result.RuleSet is not null || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        });

    [Fact]
    public void EveryHostileValue_InEveryKindOfPlace_NeverThrows()
    {
        // Deterministic sweep: each hostile value in a rule's condition, a parameter value and a vocabulary bound.
        var data = TestRuleSets.ShippedDataFiles();
        foreach (var value in HostileValues)
        {
            var rule = "{ \"rules\": [ { \"id\": \"a\", \"title\": \"a\", \"kind\": \"candidate\", \"intervention\": \"mbb.lumbar\", \"strength\": \"consider\", \"when\": " + value + " } ] }";
            var threshold = "{ \"rules\": [ { \"id\": \"a\", \"title\": \"a\", \"kind\": \"candidate\", \"intervention\": \"mbb.lumbar\", \"strength\": \"consider\", \"when\": { \"fact\": \"finding.pain.nrs\", \"atLeast\": " + value + " } } ] }";
            foreach (var text in new[] { rule, threshold })
            {
                var result = TestRuleSets.Load(("test/h.json", text));
                Assert.True(result.RuleSet is not null || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), value);
            }
            var parameters = data.Select(f => f.Path == "parameters.json" ? f with { Content = ValueRegex().Replace(f.Content, "${1}" + value.Replace("$", "$$", StringComparison.Ordinal), 1) } : f).ToArray();
            var loaded = RuleSet.Load([.. parameters, new RuleSourceFile("test/h.json", threshold.Replace(value, "\"$" + FirstParameter() + "\"", StringComparison.Ordinal))]);
            Assert.True(loaded.RuleSet is not null || loaded.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), value);
        }
    }

    private static string FirstParameter() => JObject.Parse(TestRuleSets.ShippedDataFiles().First(f => f.Path == "parameters.json").Content)["parameters"]!.Children<JProperty>().First().Name;

    [GeneratedRegex(@"(""value"":\s*)[0-9.]+")]
    private static partial Regex ValueRegex();
}
