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

    [Theory]
    [InlineData("plan")]
    [InlineData("replay")]
    [InlineData("diff")]
    [InlineData("coverage")]
    [InlineData("explain")]
    [InlineData("lint")]
    [InlineData("review")]
    public void CommandHelp_ListsExactlyTheCodesThatCommandReturns(string command)
    {
        var result = CliResult.Run(command, "--help");

        Assert.Equal(ExitCodes.For(command).Select(u => u.Code), ExitCodesIn(result.Out));
    }

    [Theory]
    [InlineData("plan", new[] { 0, 2, 3, 4, 130 })]
    [InlineData("replay", new[] { 0, 1, 2, 3, 4, 130 })]
    [InlineData("diff", new[] { 0, 1, 2, 3, 4, 130 })]
    [InlineData("coverage", new[] { 0, 2, 3, 4, 130 })]
    [InlineData("explain", new[] { 0, 2, 3, 4, 130 })]
    [InlineData("lint", new[] { 0, 1, 2, 4, 130 })]
    [InlineData("review", new[] { 0, 2, 4, 130 })]
    public void CommandHelp_ShowsItsOwnExitCodes_NotAnotherCommands(string command, int[] codes)
    {
        var result = CliResult.Run(command, "--help");

        Assert.Equal(codes, ExitCodesIn(result.Out));
        if (command == "lint") Assert.Contains("  1    the rule set has errors", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("replay: a case missed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ExitsOne_OnAnError_AsItsHelpSays()
    {
        using var corpus = new TestCorpus();
        var rules = corpus.WriteRuleSet("rules", TestCorpus.Rules.Replace("\"t.mbb\"", "\"t.esi\"", StringComparison.Ordinal)); // duplicate id

        var result = CliResult.Run("lint", rules);

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
    }

    /// <summary>The codes of the "Exit codes:" section of a help page, in order.</summary>
    private static int[] ExitCodesIn(string help)
    {
        var section = help[help.IndexOf("Exit codes:", StringComparison.Ordinal)..];
        return section.Split('\n').Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => int.Parse(l.AsSpan().Trim()[..l.AsSpan().Trim().IndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public void RootHelp_ListsEveryCommand_AndEveryExitCode()
    {
        var result = CliResult.Run("--help");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        foreach (var command in new[] { "plan", "replay", "diff", "coverage", "explain", "lint", "review" })
            Assert.Contains("  " + command + " ", result.Out, StringComparison.Ordinal);
        foreach (var code in new[] { "  0  ", "  1  ", "  2  ", "  3  ", "  4  ", "  130  " })
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
