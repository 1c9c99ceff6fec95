using System.Text.Json;
using PlanRules.Review;
using PlanRules.Diagnostics;

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
}
