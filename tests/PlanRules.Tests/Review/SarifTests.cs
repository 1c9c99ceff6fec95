using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PlanRules.Review;
using PlanRules.Diagnostics;
using PlanRules.Rules;

namespace PlanRules.Tests.Review;

/// <summary>The SARIF 2.1.0 output of the linter.</summary>
public sealed class SarifTests
{
    [Fact]
    public void ToSarif_IsValidJson_WithTheSarif210Structure()
    {
        var result = LintFixtures.Lint("PR3001");
        using var doc = JsonDocument.Parse(result.ToSarif("rules"));
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.EndsWith("sarif-2.1.0.json", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("planrules", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains("PR3001", ids);
        Assert.All(rules, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(r.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        });
        Assert.EndsWith("/", run.GetProperty("originalUriBaseIds").GetProperty("RULESROOT").GetProperty("uri").GetString(), StringComparison.Ordinal);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(result.Diagnostics.Count, results.Count);
        foreach (var (r, d) in results.Zip(result.Diagnostics))
        {
            Assert.Equal(d.Code, r.GetProperty("ruleId").GetString());
            Assert.Equal(ids.IndexOf(d.Code), r.GetProperty("ruleIndex").GetInt32());
            Assert.Equal(d.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "note" }, r.GetProperty("level").GetString());
            Assert.StartsWith(d.Message, r.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
            var location = Assert.Single(r.GetProperty("locations").EnumerateArray());
            var physical = location.GetProperty("physicalLocation");
            Assert.Equal(d.File, physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("RULESROOT", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            if (d.Line > 0)
            {
                Assert.Equal(d.Line, physical.GetProperty("region").GetProperty("startLine").GetInt32());
                Assert.Equal(d.Column, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
            }
            if (d.RuleId is not null)
                Assert.Equal(d.RuleId, Assert.Single(location.GetProperty("logicalLocations").EnumerateArray()).GetProperty("name").GetString());
        }
    }

    [Fact]
    public void ToSarif_WithoutDirectory_LeavesPathsRelative_AndLoaderErrorsAreErrors()
    {
        var result = new LintResult(null, [new Diagnostic("PR2001", DiagnosticSeverity.Error, "unknown fact 'x'", "spine/a.json", 4, 9) { RuleId = "a", Suggestion = "did you mean 'y'?" }]);
        using var doc = JsonDocument.Parse(SarifWriter.Write(result));
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.False(run.TryGetProperty("originalUriBaseIds", out _));
        var r = run.GetProperty("results")[0];
        Assert.Equal("error", r.GetProperty("level").GetString());
        Assert.Equal("unknown fact 'x' (did you mean 'y'?)", r.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("did you mean 'y'?", r.GetProperty("properties").GetProperty("suggestion").GetString());
        Assert.False(r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").TryGetProperty("uriBaseId", out _));
        Assert.Equal("UnknownFact", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("name").GetString());
    }

    // ---- Validation against the OASIS SARIF 2.1.0 JSON schema -------------------------------------------------------

    /// <summary>
    /// <c>Review/Fixtures/sarif-schema-2.1.0.json</c>: the OASIS SARIF 2.1.0 standard schema (oasis-tcs/sarif-spec,
    /// <c>Schemata/sarif-schema-2.1.0.json</c>), stored unmodified as test data (see the README beside it). It is
    /// draft-07, which JsonSchema.Net evaluates as is: nothing is adapted.
    /// </summary>
    private static readonly string SarifSchemaPath =
        Path.Combine(RepoPaths.Root, "tests", "PlanRules.Tests", "Review", "Fixtures", "sarif-schema-2.1.0.json");

    private static readonly Lazy<JsonSchema> SarifSchema = new(() => JsonSchema.FromText(File.ReadAllText(SarifSchemaPath)));

    /// <summary>The schema errors of a SARIF log (empty: valid). Formats (uri, date-time, …) are checked too.</summary>
    private static List<string> SchemaErrors(string sarif)
    {
        using var doc = JsonDocument.Parse(sarif);
        var results = SarifSchema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid) return [];
        var errors = (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }

    private static void AssertValidSarif(string sarif, string what)
    {
        var errors = SchemaErrors(sarif);
        Assert.True(errors.Count == 0, $"{what}: the SARIF log does not validate against sarif-schema-2.1.0.json:\n  " + string.Join("\n  ", errors));
    }

    [Fact]
    public void SarifSchemaFixture_IsTheOasisSarif210Schema()
    {
        var root = JsonNode.Parse(File.ReadAllText(SarifSchemaPath))!;
        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)root["$schema"]);
        Assert.Equal("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json", (string?)root["$id"]);
        Assert.Equal("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema", (string?)root["title"]);
        Assert.Equal(["version", "runs"], root["required"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void ToSarif_OfTheShippedRuleSet_ValidatesAgainstTheSarifSchema()
    {
        var result = RuleSetLinter.Lint(RepoPaths.Rules);
        Assert.NotNull(result.RuleSet);
        AssertValidSarif(result.ToSarif(RepoPaths.Rules), "shipped rules, with RULESROOT");
        AssertValidSarif(result.ToSarif(), "shipped rules, relative paths");
    }

    public static TheoryData<string> LintFixtureFolders()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateDirectories(LintFixtures.Directory, "PR*").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(LintFixtureFolders))]
    public void ToSarif_OfEachLintFixture_ValidatesAgainstTheSarifSchema(string fixture)
    {
        var result = LintFixtures.Lint(fixture);
        Assert.NotEmpty(result.Diagnostics);
        AssertValidSarif(result.ToSarif(LintFixtures.Directory), fixture);
        AssertValidSarif(result.ToSarif(), fixture + ", relative paths");
    }

    [Fact]
    public void ToSarif_WithErrorsInSeveralFiles_ValidatesAgainstTheSarifSchema()
    {
        // The rule files of every lint fixture that uses the shipped data files, linted together as one set.
        var fixtures = LintFixtureFolders().Cast<object[]>().Select(r => (string)r[0])
            .Where(f => Directory.GetFiles(Path.Combine(LintFixtures.Directory, f), "*.json").All(p => Path.GetFileName(p) == "rules.json"))
            .ToList();
        var files = LintFixtures.Files(fixtures[0]).Where(f => !f.Path.StartsWith("lint/", StringComparison.Ordinal)).ToList();
        foreach (var fixture in fixtures)
            files.AddRange(LintFixtures.Files(fixture).Where(f => f.Path.StartsWith("lint/", StringComparison.Ordinal))
                .Select(f => new RuleSourceFile("lint/" + fixture + "/" + f.Path["lint/".Length..], f.Content)));
        var result = RuleSetLinter.Lint(files);
        Assert.True(result.Diagnostics.Where(d => d.File is not null).Select(d => d.File).Distinct().Count() >= 2, "expected findings in several files");
        AssertValidSarif(result.ToSarif(LintFixtures.Directory), "several fixtures");

        // Rule files the loader rejects (Fixtures/lint/schema-invalid): errors in several files, the set does not load.
        var invalidFolder = Path.Combine(LintFixtures.Directory, "schema-invalid");
        var invalid = files.Where(f => !f.Path.StartsWith("lint/", StringComparison.Ordinal)).ToList();
        invalid.AddRange(Directory.EnumerateFiles(invalidFolder, "rule-*.json").Concat(Directory.EnumerateFiles(invalidFolder, "condition-*.json"))
            .Order(StringComparer.Ordinal).Select(p => new RuleSourceFile("lint/" + Path.GetFileName(p), File.ReadAllText(p))));
        var broken = RuleSetLinter.Lint(invalid);
        var filesWithErrors = broken.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.File is not null).Select(d => d.File).Distinct().ToList();
        Assert.True(filesWithErrors.Count >= 2, "expected errors in several files: " + string.Join("\n", broken.Diagnostics));
        AssertValidSarif(broken.ToSarif(LintFixtures.Directory), "schema-invalid rule files");
        AssertValidSarif(broken.ToSarif(), "schema-invalid rule files, relative paths");

        // Loader errors (the set does not load) in several files, with and without line, rule id and suggestion.
        var loaderErrors = new LintResult(null,
        [
            new Diagnostic("PR2001", DiagnosticSeverity.Error, "unknown fact 'x'", "spine/a.json", 4, 9) { RuleId = "a", Suggestion = "did you mean 'y'?" },
            new Diagnostic("PR2001", DiagnosticSeverity.Error, "unknown fact 'z'", "knee/b.json", 12, 3) { RuleId = "b" },
            new Diagnostic("PR3001", DiagnosticSeverity.Warning, "never proposed", "care/c.json", 0, 0),
            new Diagnostic("PR3002", DiagnosticSeverity.Info, "a note", null, 0, 0),
        ]);
        AssertValidSarif(loaderErrors.ToSarif("rules"), "loader errors");
        AssertValidSarif(loaderErrors.ToSarif(), "loader errors, relative paths");
    }

    [Fact]
    public void ToSarif_OfAnEmptyResult_ValidatesAgainstTheSarifSchema()
    {
        var empty = new LintResult(null, []);
        AssertValidSarif(empty.ToSarif(), "empty");
        AssertValidSarif(empty.ToSarif("rules"), "empty, with RULESROOT");
        using var doc = JsonDocument.Parse(empty.ToSarif());
        Assert.Empty(doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    public static TheoryData<string> BrokenSarif() =>
    [
        "runs[0].tool removed",
        "runs[0].tool.driver.name removed",
        "results[0].level fatal",
        "version 2.2.0",
        "results[0].locations[0].physicalLocation.region.startLine 0",
        "unknown top-level property",
    ];

    [Theory]
    [MemberData(nameof(BrokenSarif))]
    public void SarifSchema_RejectsABrokenLog(string breakage)
    {
        var valid = LintFixtures.Lint("PR3001").ToSarif("rules");
        Assert.Empty(SchemaErrors(valid));
        var log = JsonNode.Parse(valid)!.AsObject();
        var run = log["runs"]![0]!.AsObject();
        var result = run["results"]![0]!.AsObject();
        switch (breakage)
        {
            case "runs[0].tool removed": run.Remove("tool"); break;
            case "runs[0].tool.driver.name removed": run["tool"]!["driver"]!.AsObject().Remove("name"); break;
            case "results[0].level fatal": result["level"] = "fatal"; break;
            case "version 2.2.0": log["version"] = "2.2.0"; break;
            case "results[0].locations[0].physicalLocation.region.startLine 0": result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0; break;
            case "unknown top-level property": log["extra"] = true; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
        Assert.NotEmpty(SchemaErrors(log.ToJsonString()));
    }
}
