using System.Text.RegularExpressions;

namespace PlanRules.Cli.Tests;

/// <summary>
/// A number a rule file cannot use (NaN, Infinity, 1e400, 2^64) is a PR1008 diagnostic with file, line and column:
/// <c>lint</c> exits 1 and <c>plan</c> exits 2, never 4 (internal error) with a stack trace.
/// </summary>
public sealed partial class HostileNumberCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "planrules-hostile-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string RulesWithParameterValue(string number)
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Rules, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_temp, Path.GetRelativePath(RepoPaths.Rules, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var content = File.ReadAllText(file);
            if (Path.GetFileName(file) == "parameters.json") content = ValueRegex().Replace(content, "${1}" + number, 1);
            File.WriteAllText(target, content);
        }
        return _temp;
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("18446744073709551616")]
    public void Lint_And_Plan_ReportPR1008_InsteadOfCrashing(string number)
    {
        var rules = RulesWithParameterValue(number);

        var lint = CliResult.Run("lint", rules);
        Assert.True(lint.ExitCode == 1, lint.ToString());
        Assert.Matches(@"parameters\.json\(\d+,\d+\): error PR1008: ", lint.Out);
        Assert.DoesNotContain("   at ", lint.All, StringComparison.Ordinal);

        var plan = CliResult.Run("plan", Path.Combine(RepoPaths.Root, "src", "PlanRules.Samples", "cases", "lumbar-radicular-apixaban.json"), "--rules", rules);
        Assert.True(plan.ExitCode == 2, plan.ToString());
        Assert.Contains("PR1008", plan.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", plan.All, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(""value"":\s*)[0-9.]+")]
    private static partial Regex ValueRegex();
}
