using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PlanRules.Cases;

namespace PlanRules.Tests.Schemas;

/// <summary>
/// The published JSON Schemas (<c>schemas/case.schema.json</c>, <c>schemas/plan.schema.json</c>), the cases they are
/// checked against, and a validator that returns readable errors.
/// </summary>
internal static class SchemaFiles
{
    public static string Folder => Path.Combine(RepoPaths.Root, "schemas");

    public static string CasePath => Path.Combine(Folder, "case.schema.json");

    public static string PlanPath => Path.Combine(Folder, "plan.schema.json");

    public static readonly Lazy<JsonSchema> Case = new(() => Load(CasePath));

    public static readonly Lazy<JsonSchema> Plan = new(() => Load(PlanPath));

    /// <summary>
    /// The plan schema with <c>"additionalProperties": false</c> added to every object schema that lists properties:
    /// the published schema lets readers tolerate properties added later, this one proves it names every property
    /// the writer emits today.
    /// </summary>
    public static readonly Lazy<JsonSchema> StrictPlan = new(() =>
    {
        var root = JsonNode.Parse(File.ReadAllText(PlanPath))!;
        Close(root);
        root["$id"] = "https://planrules.example/schemas/plan.strict.schema.json";
        return JsonSchema.FromText(root.ToJsonString());
    });

    public static readonly Lazy<RuleSet> ShippedRules = new(() =>
    {
        var result = RuleSet.LoadDirectory(RepoPaths.Rules);
        Assert.True(result.RuleSet is not null, "the shipped rule set does not load:\n  " + string.Join("\n  ", result.Diagnostics));
        return result.RuleSet!;
    });

    /// <summary>Every case file of the repository: the clinical corpus, the docs' examples, the sample's and the fixtures'.</summary>
    public static IReadOnlyList<string> CaseFiles()
    {
        var folders = new[]
        {
            Path.Combine("tests", "PlanRules.Tests", "Corpus"),
            Path.Combine("docs", "examples", "cases"),
            Path.Combine("src", "PlanRules.Samples", "cases"),
            Path.Combine("tests", "PlanRules.Tests", "Fixtures", "cases"),
        };
        return folders
            .Select(f => Path.Combine(RepoPaths.Root, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.json", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static TheoryData<string> CaseFileData()
    {
        var data = new TheoryData<string>();
        foreach (var file in CaseFiles()) data.Add(file);
        return data;
    }

    /// <summary>Reads a case file of the repository with the shipped vocabulary; fails the test if it does not read cleanly.</summary>
    public static PatientCase ReadCase(string file)
    {
        var read = PatientCase.FromJson(File.ReadAllText(Path.Combine(RepoPaths.Root, file)), ShippedRules.Value.Vocabulary);
        Assert.True(read.Case is not null, $"{file} does not read:\n  " + string.Join("\n  ", read.Diagnostics));
        return read.Case!;
    }

    /// <summary>Validates JSON text against a schema; returns the errors (empty when valid).</summary>
    public static List<string> Validate(JsonSchema schema, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var results = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }

    private static JsonSchema Load(string path) => JsonSchema.FromText(File.ReadAllText(path));

    private static void Close(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties")) obj["additionalProperties"] = false;
                foreach (var (_, value) in obj.ToList()) Close(value);
                break;
            case JsonArray array:
                foreach (var item in array) Close(item);
                break;
        }
    }
}
