using System.Text.Json;

namespace PlanRules.Cli.Tests;

/// <summary><c>planrules plan --format …</c> and <c>planrules plan --fhir</c>.</summary>
public sealed class PlanFormatsTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "docs", "examples", "cases", name);

    [Fact]
    public void PatientHtml_IsOneSelfContainedPage()
    {
        var result = CliResult.Run("plan", Example("lumbar-radicular-apixaban.json"), "--format", "patient-html");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("<!DOCTYPE html>", result.Out.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", result.Out);
    }

    [Theory]
    [InlineData("fhir", "resourceType")]
    [InlineData("cds-hooks", "cards")]
    [InlineData("json", "candidates")]
    public void MachineFormats_AreJson(string format, string property)
    {
        var result = CliResult.Run("plan", Example("red-flag-cauda-equina.json"), "--format", format);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.TryGetProperty(property, out _), result.Out[..Math.Min(400, result.Out.Length)]);
    }

    [Fact]
    public void OtherFormats_TakeOneCase()
    {
        var result = CliResult.Run("plan", Path.Combine(RepoPaths.Root, "docs", "examples", "cases"), "--format", "fhir");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Fact]
    public void FhirBundle_IsMappedAndPlanned_WithNotesOnStandardError()
    {
        var bundle = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "PlanRules.Fhir.Tests", "Bundles"), "*.json").Order(StringComparer.Ordinal).First();
        var result = CliResult.Run("plan", "--fhir", bundle, "--as-of", "2026-11-27T00:00:00Z");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var plan = JsonDocument.Parse(result.Out);
        Assert.Equal("planrules.plan/1", plan.RootElement.GetProperty("schema").GetString());
        Assert.False(string.IsNullOrWhiteSpace(result.Err));
    }
}
