using System.Text.Json.Nodes;

namespace PlanRules.Tests.Schemas;

/// <summary>
/// <c>schemas/plan.schema.json</c> describes the plan JSON as <c>TreatmentPlan.ToJson()</c> writes it: the plan of
/// every repository case validates (against the published schema and against a closed copy that allows no property
/// the schema does not name), and malformed plans are rejected.
/// </summary>
public sealed class PlanSchemaTests
{
    public static TheoryData<string> CaseFiles() => SchemaFiles.CaseFileData();

    private static readonly Lazy<PlanRecommender> Recommender = new(() => new PlanRecommender(SchemaFiles.ShippedRules.Value));

    private static string PlanJson(string file) => Recommender.Value.Recommend(SchemaFiles.ReadCase(file)).ToJson();

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void PlanOfRepositoryCase_ValidatesAgainstThePlanSchema(string file)
    {
        var json = PlanJson(file);
        var errors = SchemaFiles.Validate(SchemaFiles.Plan.Value, json);
        Assert.True(errors.Count == 0, $"plan of {file}:\n" + string.Join("\n", errors));
        var strict = SchemaFiles.Validate(SchemaFiles.StrictPlan.Value, json);
        Assert.True(strict.Count == 0, $"plan of {file} has properties the plan schema does not describe:\n" + string.Join("\n", strict));
    }

    [Fact]
    public void Schema_IsDraft202012_AndNamesTheFormat()
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaFiles.PlanPath))!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)root["$schema"]);
        Assert.Equal(PlanRules.Plans.TreatmentPlan.Schema, (string?)root["properties"]!["schema"]!["const"]);
    }

    [Fact]
    public void Schema_RequiresEveryTopLevelPropertyTheWriterAlwaysWrites()
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaFiles.PlanPath))!;
        var required = root["required"]!.AsArray().Select(n => (string)n!).ToHashSet(StringComparer.Ordinal);
        var written = JsonNode.Parse(PlanJson("docs/examples/cases/lumbar-radicular-apixaban.json"))!.AsObject().Select(p => p.Key);
        Assert.All(written, key => Assert.Contains(key, required));
    }

    public static TheoryData<string, string> Mutations() => new()
    {
        { "no trace", "trace" },
        { "no ruleSet", "ruleSet" },
        { "no missingInformation", "missingInformation" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void PlanWithoutARequiredProperty_IsRejected(string what, string property)
    {
        var plan = JsonNode.Parse(PlanJson("docs/examples/cases/lumbar-radicular-apixaban.json"))!.AsObject();
        Assert.True(plan.Remove(property), what);
        Assert.NotEmpty(SchemaFiles.Validate(SchemaFiles.Plan.Value, plan.ToJsonString()));
    }

    [Theory]
    [InlineData("a candidate strength that is not a word of the format", "/candidates/0/strength", "\"maybe\"")]
    [InlineData("a rank of 0", "/candidates/0/rank", "0")]
    [InlineData("a bleeding-risk category that does not exist", "/candidates/0/bleedingRisk", "\"extreme\"")]
    [InlineData("a pattern instead of a fact", "/missingInformation/0/fact", "\"condition.diabetes.*\"")]
    [InlineData("an unknown purpose", "/missingInformation/0/purpose", "\"urgent\"")]
    [InlineData("a warning severity that is not a word of the format", "/warnings/0/severity", "\"high\"")]
    [InlineData("a source without a line", "/candidates/0/because/0/source", "\"spine/epidural.json\"")]
    [InlineData("a sha256 that is not hex", "/ruleSet/sha256", "\"not-a-hash\"")]
    [InlineData("a numeric caseId", "/caseId", "17")]
    [InlineData("a follow-up kind other than restart", "/followUp/0/kind", "\"outcome\"")]
    public void MalformedPlan_IsRejected(string what, string pointer, string value)
    {
        var plan = PlanWith(pointer);
        Set(plan, pointer, JsonNode.Parse(value));
        Assert.True(SchemaFiles.Validate(SchemaFiles.Plan.Value, plan.ToJsonString()).Count > 0, $"the plan schema accepts {what}");
    }

    [Fact]
    public void UnknownProperty_IsToleratedByThePublishedSchema_ButNotByTheClosedCopy()
    {
        // Properties may be added within planrules.plan/1: readers validating with the published schema keep working.
        var plan = JsonNode.Parse(PlanJson("docs/examples/cases/lumbar-radicular-apixaban.json"))!.AsObject();
        plan["addedLater"] = true;
        Assert.Empty(SchemaFiles.Validate(SchemaFiles.Plan.Value, plan.ToJsonString()));
        Assert.NotEmpty(SchemaFiles.Validate(SchemaFiles.StrictPlan.Value, plan.ToJsonString()));
    }

    /// <summary>The plan of the first repository case whose plan has the parent of <paramref name="pointer"/>.</summary>
    private static JsonNode PlanWith(string pointer)
    {
        var parent = pointer.Trim('/').Split('/')[..^1];
        foreach (var file in SchemaFiles.CaseFiles())
        {
            var plan = JsonNode.Parse(PlanJson(file))!;
            if (Find(plan, parent) is not null) return plan;
        }
        Assert.Fail($"no repository case gives a plan with {pointer}");
        return null!;
    }

    private static JsonNode? Find(JsonNode? node, IEnumerable<string> parts)
    {
        foreach (var part in parts)
        {
            node = node switch
            {
                JsonArray a when int.TryParse(part, out var i) => i < a.Count ? a[i] : null,
                JsonObject o => o[part],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    private static void Set(JsonNode root, string pointer, JsonNode? value)
    {
        var parts = pointer.Trim('/').Split('/');
        var node = root;
        foreach (var part in parts[..^1])
            node = int.TryParse(part, out var i) ? node![i] : node![part];
        Assert.NotNull(node);
        var last = parts[^1];
        if (int.TryParse(last, out var index)) node!.AsArray()[index] = value;
        else
        {
            Assert.True(node!.AsObject().ContainsKey(last) || last == "kind", $"{pointer} is not in the example plan");
            node.AsObject()[last] = value;
        }
    }
}
