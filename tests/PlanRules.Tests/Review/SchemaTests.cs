using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PlanRules.Tests.Review;

/// <summary>
/// <c>rules/planrules.schema.json</c> accepts every shipped file and every valid fixture, rejects invalid ones, and
/// describes every property and enum value (for editors).
/// </summary>
public sealed class SchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepoPaths.Rules, "planrules.schema.json");
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Rules, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            if (!path.EndsWith(".schema.json", StringComparison.Ordinal)) data.Add(Path.GetRelativePath(RepoPaths.Rules, path).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFile_IsValidAgainstTheSchema(string file)
    {
        var errors = Validate(File.ReadAllText(Path.Combine(RepoPaths.Rules, file)));
        Assert.True(errors.Count == 0, $"{file}:\n" + string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFile_PointsAtTheSchema(string file)
    {
        var path = Path.Combine(RepoPaths.Rules, file);
        JToken token;
        using (var reader = new JsonTextReader(new StringReader(File.ReadAllText(path))))
            token = JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        var value = (string?)token["$schema"];
        Assert.True(value is not null, $"{file} has no \"$schema\" (expected \"{(file.Contains('/', StringComparison.Ordinal) ? "../" : "./")}planrules.schema.json\")");
        Assert.Equal(Path.GetFullPath(SchemaPath), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, value)));
    }

    [Fact]
    public void ShippedFiles_AreFound()
    {
        var files = ShippedFiles().Cast<object[]>().Select(r => (string)r[0]).ToList();
        Assert.Contains("vocabulary.json", files);
        Assert.Contains("catalog.json", files);
        Assert.Contains("parameters.json", files);
        Assert.Contains("ruleset.json", files);
    }

    public static TheoryData<string> ValidFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(LintFixtures.Directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            if (!path.Contains("schema-invalid", StringComparison.Ordinal)) data.Add(Path.GetRelativePath(LintFixtures.Directory, path).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void ValidFixture_IsValidAgainstTheSchema(string file)
    {
        var errors = Validate(File.ReadAllText(Path.Combine(LintFixtures.Directory, file)));
        Assert.True(errors.Count == 0, $"{file}:\n" + string.Join("\n", errors));
    }

    public static TheoryData<string> InvalidFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(LintFixtures.Directory, "schema-invalid"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void InvalidFixture_IsRejected(string file)
    {
        var text = File.ReadAllText(Path.Combine(LintFixtures.Directory, "schema-invalid", file));
        Assert.NotEmpty(Validate(text));
    }

    [Theory]
    [InlineData("PR1002")]
    [InlineData("PR1003")]
    [InlineData("PR1004")]
    [InlineData("PR1007")]
    [InlineData("PR2007")]
    public void LoaderFixtureOfAStructuralError_IsRejectedToo(string code)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "diagnostics", code + ".json"));
        Assert.NotEmpty(Validate(text));
    }

    [Fact]
    public void Schema_IsDraft202012_AndDescribesEveryPropertyAndEnumValue()
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)root["$schema"]);
        foreach (var kind in new[] { "ruleFile", "vocabularyFile", "parametersFile", "catalogFile", "manifestFile", "condition", "where", "rule" })
            Assert.NotNull(root["$defs"]![kind]);
        var missing = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["properties"] is JsonObject properties)
                        foreach (var (name, value) in properties)
                            if (value is JsonObject p && p["description"] is null && !IsOnlyConst(p)) missing.Add($"{path}/properties/{name}");
                    if (obj["const"] is not null && obj["description"] is null && !path.EndsWith("/if", StringComparison.Ordinal) && !path.Contains("/if/", StringComparison.Ordinal))
                        missing.Add(path + " (const)");
                    foreach (var (key, value) in obj) Walk(value, path + "/" + key);
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}/{i}");
                    break;
            }
        }
        Walk(root, "#");
        Assert.True(missing.Count == 0, "without a description:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Schema_RuleKindsAndOperators_MatchTheLoader()
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var kinds = root["$defs"]!["rule"]!["properties"]!["kind"]!["oneOf"]!.AsArray().Select(k => (string)k!["const"]!).ToList();
        Assert.Equal(PlanRules.Rules.RuleKinds.Words, kinds);
        var operators = root["$defs"]!["factCondition"]!["properties"]!.AsObject().Select(p => p.Key).Where(k => k != "fact").ToList();
        Assert.Equal(["is", "isNot", "in", "atLeast", "atMost", "above", "below", "between", "known"], operators);
    }

    /// <summary>A property schema inside an <c>if</c> that only tests a value (<c>{ "const": … }</c>) needs no description.</summary>
    private static bool IsOnlyConst(JsonObject p) => p.Count == 1 && p["const"] is not null;

    /// <summary>Validates a file (JSON with comments) against the schema; returns the errors.</summary>
    internal static List<string> Validate(string text)
    {
        JToken token;
        using (var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double })
            token = JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        using var doc = JsonDocument.Parse(token.ToString(Formatting.None));
        var results = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var errors = (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }
}
