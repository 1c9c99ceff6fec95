namespace PlanRules.Cli.Tests;

/// <summary>Help pages list the commands and the exit codes; unknown commands are usage errors.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("plan")]
    [InlineData("replay")]
    [InlineData("diff")]
    [InlineData("coverage")]
    [InlineData("explain")]
    [InlineData("lint")]
    [InlineData("review")]
    public void CommandHelp_DocumentsItsExitCodes(string command)
    {
        var result = CliResult.Run(command, "--help");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", result.Out, StringComparison.Ordinal);
        Assert.Contains("  0  ", result.Out, StringComparison.Ordinal);
        Assert.Contains("  2  ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RootHelp_ListsEveryCommand_AndEveryExitCode()
    {
        var result = CliResult.Run("--help");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        foreach (var command in new[] { "plan", "replay", "diff", "coverage", "explain", "lint", "review" })
            Assert.Contains("  " + command + " ", result.Out, StringComparison.Ordinal);
        foreach (var code in new[] { "  0  ", "  1  ", "  2  ", "  3  ", "  4  " })
            Assert.Contains(code, result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("replay")]
    public void BadCommandLines_AreUsageErrors(params string[] args)
    {
        var result = CliResult.Run(args);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("--help", result.Err, StringComparison.Ordinal);
    }
}
