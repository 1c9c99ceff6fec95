using PlanRules.Hosting;

namespace PlanRules.Tests.Hosting;

/// <summary>The rule set embedded in the assembly is the shipped <c>rules/</c> folder.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public void LoadDefault_EqualsTheRulesFolder()
    {
        var fromFolder = RuleSet.LoadDirectory(RepoPaths.Rules);
        Assert.True(fromFolder.Succeeded, string.Join("\n", fromFolder.Diagnostics));

        Assert.Equal(fromFolder.RuleSet!.Identity.Sha256, RuleSet.LoadDefault().Identity.Sha256);
        Assert.Equal(fromFolder.RuleSet.Identity, RuleSet.LoadDefault().Identity);
    }

    [Fact]
    public async Task DirectoryRuleSetSource_ReadsWhatLoadDirectoryReads()
    {
        using var source = new DirectoryRuleSetSource(RepoPaths.Rules);
        var files = await source.LoadAsync(CancellationToken.None);

        Assert.DoesNotContain(files, f => f.Path.EndsWith(".schema.json", StringComparison.Ordinal) || f.Path.Contains('\\', StringComparison.Ordinal));
        Assert.Equal(RuleSet.LoadDirectory(RepoPaths.Rules).RuleSet!.Identity.Sha256, RuleSet.Load(files).RuleSet!.Identity.Sha256);
    }

    [Fact]
    public async Task EmbeddedRuleSetSource_ReadsTheDefaultFiles()
    {
        var files = await new EmbeddedRuleSetSource().LoadAsync(CancellationToken.None);

        Assert.Equal(RuleSet.LoadDefault().Identity.Sha256, RuleSet.Load(files).RuleSet!.Identity.Sha256);
        Assert.Null(((IRuleSetSource)new EmbeddedRuleSetSource()).Watch());
    }

    [Fact]
    public async Task DirectoryRuleSetSource_MissingDirectory_Throws()
    {
        var source = new DirectoryRuleSetSource(Path.Combine(Path.GetTempPath(), "planrules-none-" + Guid.NewGuid().ToString("N")));
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => source.LoadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DirectoryRuleSetSource_Cancelled_Throws()
    {
        using var source = new DirectoryRuleSetSource(RepoPaths.Rules);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.LoadAsync(new CancellationToken(canceled: true)));
    }
}
