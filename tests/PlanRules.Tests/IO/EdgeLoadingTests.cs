using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanRules.Hosting;
using PlanRules.IO;
using PlanRules.Replay;
using PlanRules.Review;
using PlanRules.Samples.Hosting;
using PlanRules.Tests.Hosting;
using PlanRules.Rules;

namespace PlanRules.Tests.IO;

/// <summary>
/// Rule folders and case corpora with FIFOs, symbolic link loops, unreadable sub-folders and giant files: diagnostics or
/// error cases naming the relative path, never an exception, never a hang (each test is bounded by a timeout).
/// </summary>
public sealed class EdgeLoadingTests : IDisposable
{
    private const string Secret = "edge-secret-91c2";
    private readonly EdgeFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A copy of the shipped rule set in the temporary folder.</summary>
    private string RulesCopy()
    {
        var root = _files.PathOf("rules");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Rules, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(RepoPaths.Rules, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }

    [Fact]
    public void LoadDirectory_Fifo_IsPR1006_WithTheRelativePath_AndNoRuleSet()
    {
        if (!EdgeFiles.CanMakeFifo) return;
        var rules = RulesCopy();
        _files.Fifo("rules/extra/x.json");
        var result = EdgeFiles.Bounded(() => RuleSet.LoadDirectory(rules));
        Assert.Null(result.RuleSet);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("PR1006", "extra/x.json"), (d.Code, d.File));
        Assert.Contains("not a regular file", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_SymlinkLoop_IsPR1006_AndDoesNotHang()
    {
        var rules = RulesCopy();
        _files.DirectoryLink("rules/extra/loop", "rules");
        var result = EdgeFiles.Bounded(() => RuleSet.LoadDirectory(rules));
        Assert.Null(result.RuleSet);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("PR1006", "extra/loop"), (d.Code, d.File));
        Assert.Contains("loop", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_GiantSparseFile_IsPR1005_WithoutReadingIt()
    {
        var rules = RulesCopy();
        _files.Sparse("rules/extra/giant.json", 1_200_000_000L);
        var result = EdgeFiles.Bounded(() => RuleSet.LoadDirectory(rules), seconds: 10);
        Assert.Null(result.RuleSet);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("PR1005", "extra/giant.json"), (d.Code, d.File));
    }

    [Fact]
    public void RuleFolderReader_UnreadableSubFolder_IsPR1006_AndTheOthersAreRead()
    {
        // As root chmod 000 does not stop reading: the fault is injected into the folder lister.
        var rules = RulesCopy();
        _files.Write("rules/locked/more.json", "{ \"rules\": [] }");
        var locked = _files.PathOf("rules/locked");
        var content = RuleFolderReader.Read(rules, default, dir => dir == locked
            ? throw new UnauthorizedAccessException($"Access to the path '{dir}' is denied.")
            : Directory.EnumerateFileSystemEntries(dir));
        var d = Assert.Single(content.Diagnostics);
        Assert.Equal(("PR1006", "locked"), (d.Code, d.File));
        Assert.Contains(content.Files, f => f.Path == "ruleset.json");
    }

    [Fact]
    public void Linter_FolderWithALoop_ReportsPR1006_WithoutThrowing()
    {
        var rules = RulesCopy();
        _files.DirectoryLink("rules/extra/loop", "rules");
        var result = EdgeFiles.Bounded(() => RuleSetLinter.Lint(rules));
        Assert.Contains(result.Diagnostics, d => d.Code == "PR1006" && d.File == "extra/loop");
    }

    [Fact]
    public void Linter_CleanFolder_StillLints()
    {
        var result = RuleSetLinter.Lint(RulesCopy());
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "PR1005" or "PR1006");
    }

    [Fact]
    public async Task DirectoryRuleSetSource_Fifo_FailsWithAnIOExceptionNamingIt_WithoutHanging()
    {
        if (!EdgeFiles.CanMakeFifo) return;
        var rules = RulesCopy();
        _files.Fifo("rules/extra/x.json");
        using var source = new DirectoryRuleSetSource(rules);
        var load = source.LoadAsync(CancellationToken.None);
        Assert.True(await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(20))) == load, "a hang");
        var ex = await Assert.ThrowsAsync<IOException>(() => load);
        Assert.Contains("extra/x.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corpus_FifoLoopGiantAndUnreadableFolder_AreErrorCases_AndTheGoodCaseIsPlanned()
    {
        _files.Write("cases/a.json", TestRuleSets.LumbarCase());
        _files.Write("cases/locked/b.json", TestRuleSets.LumbarCase(o => o["caseId"] = Secret));
        _files.DirectoryLink("cases/loop", "cases");
        _files.Sparse("cases/giant.json", 1_200_000_000L);
        if (EdgeFiles.CanMakeFifo) _files.Fifo("cases/fifo.json");
        var locked = _files.PathOf("cases/locked");
        var corpus = EdgeFiles.Bounded(() => CaseCorpus.DiscoverWith([_files.PathOf("cases")], dir => dir == locked
            ? throw new UnauthorizedAccessException($"Access to the path '{dir}' is denied.")
            : Directory.EnumerateFileSystemEntries(dir)));

        var results = new List<ReplayCaseResult>();
        var summary = await new ReplayRunner(RuleSet.LoadDefault()).RunAsync(corpus, results.Add, parallelism: 2);

        var errors = results.Where(r => r.Outcome == ReplayOutcome.Error).Select(r => r.Name).ToArray();
        Assert.Equal(EdgeFiles.CanMakeFifo ? ["fifo.json", "giant.json", "locked", "loop"] : ["giant.json", "locked", "loop"], errors);
        Assert.Equal(1, summary.Passed);
        Assert.Equal(errors.Length, summary.Errors);
        foreach (var r in results.Where(r => r.Outcome == ReplayOutcome.Error))
        {
            Assert.StartsWith("the case file cannot be read: ", r.Case.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, string.Join("\n", r.Case.DescribeProblems()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CaseSource_GiantFile_ReadTextThrowsIOException_AsDocumented()
    {
        var giant = _files.Sparse("giant.json", 1_200_000_000L);
        var ex = Assert.Throws<IOException>(() => CaseSource.FromFile(giant).ReadText());
        Assert.Contains("too large", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostedPlanner_UnreadableCase_LogsWithoutContent_AndDoesNotFault()
    {
        if (!EdgeFiles.CanMakeFifo) return;
        var fifo = _files.Fifo("case.json");
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddPlanRules();
        builder.Services.Configure<HostedPlannerOptions>(o =>
        {
            o.CasePath = fifo;
            o.StopAfterFirstPlan = false;
        });
        builder.Services.AddHostedService<HostedPlanner>();
        using var host = builder.Build();
        await host.StartAsync();
        var planner = host.Services.GetServices<IHostedService>().OfType<HostedPlanner>().Single();
        for (var i = 0; i < 200 && !logs.Lines.Any(l => l.EventId.Id == 5); i++) await Task.Delay(50);
        Assert.Contains(logs.Lines, l => l.EventId.Id == 5 && l.Message.Contains("not a regular file", StringComparison.Ordinal));
        Assert.False(planner.ExecuteTask is { IsFaulted: true });
        Assert.False(planner.ExecuteTask is { IsCompleted: true }, "the service stopped on a bad case");
        await host.StopAsync();
    }
}

/// <summary>A case source of a host that fails while reading: the run must go on.</summary>
public sealed class FailingSourceTests
{
    [Fact]
    public async Task Replay_SourceThrowingAnything_IsAnErrorCase_WithoutItsMessage_AndTheRunGoesOn()
    {
        CaseSource[] corpus = [new ThrowingSource("a-broken"), CaseSource.FromText("b-good", TestRuleSets.LumbarCase())];
        var results = new List<ReplayCaseResult>();
        var summary = await new ReplayRunner(RuleSet.LoadDefault()).RunAsync(corpus, results.Add, parallelism: 2);
        Assert.Equal("1 passed, 1 failed", summary.ToString());
        var error = results[0];
        Assert.Equal((ReplayOutcome.Error, "a-broken"), (error.Outcome, error.Name));
        Assert.Contains("InvalidOperationException", error.Case.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-content", error.Case.Error, StringComparison.Ordinal);
    }

    private sealed class ThrowingSource(string name) : CaseSource(name)
    {
        public override string ReadText() => throw new InvalidOperationException("secret-content");
    }
}
