using PlanRules.Samples;
using Xunit;

namespace PlanRules.Tests.Samples;

/// <summary>The sample refuses what it does not understand instead of planning the bundled case anyway.</summary>
public class SampleArgumentsTests
{
    [Theory]
    [InlineData(new string[0], SampleMode.Plan, null, null, false)]
    [InlineData(new[] { "case.json" }, SampleMode.Plan, "case.json", null, false)]
    [InlineData(new[] { "--json", "--rules", "r", "case.json" }, SampleMode.Plan, "case.json", "r", true)]
    [InlineData(new[] { "--host", "--once", "--rules", "r" }, SampleMode.Host, null, "r", false)]
    [InlineData(new[] { "--cds-hooks", "--urls", "http://127.0.0.1:5123" }, SampleMode.CdsHooks, null, null, false)]
    public void KnownArguments_AreAccepted(string[] args, SampleMode mode, string? casePath, string? rules, bool json)
    {
        var parsed = SampleArguments.Parse(args);

        Assert.Null(parsed.Error);
        Assert.Equal((mode, casePath, rules, json), (parsed.Mode, parsed.CasePath, parsed.RulesDirectory, parsed.Json));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    [InlineData("--rules")]
    [InlineData("a.json", "b.json")]
    [InlineData("--host", "--cds-hooks")]
    [InlineData("--cds-hooks", "case.json")]
    [InlineData("--host", "--json")]
    public void AnythingElse_IsRefused_WithAReason(params string[] args)
    {
        var parsed = SampleArguments.Parse(args);

        Assert.NotNull(parsed.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_ShowsUsage_WithoutPlanning(string flag)
    {
        Assert.Equal(SampleMode.Help, SampleArguments.Parse([flag, "--bogus"]).Mode);
        Assert.Contains("usage: dotnet run --project src/PlanRules.Samples", SampleArguments.Usage, StringComparison.Ordinal);
    }
}
