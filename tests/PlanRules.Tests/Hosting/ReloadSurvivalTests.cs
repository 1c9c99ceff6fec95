using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using PlanRules.Hosting;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Hosting;

/// <summary>
/// Hot reload survives deployments that replace the rules folder rather than edit it (delete and recreate, rename
/// away and back, swap, a Kubernetes ConfigMap symlink swap), reports a missing folder as a failed reload that keeps
/// the last good set, and picks up the recovery by itself. Real folders; events are awaited with generous timeouts.
/// </summary>
public sealed class ReloadSurvivalTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly string _parent = Path.Combine(Path.GetTempPath(), "planrules-survival-" + Guid.NewGuid().ToString("N"));

    public ReloadSurvivalTests() => Directory.CreateDirectory(_parent);

    private string Rules => Path.Combine(_parent, "rules");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_parent, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Copies the shipped rules into <paramref name="target"/> with another version; flat names when asked (as in a ConfigMap).</summary>
    private static void WriteRules(string target, string version, bool flat = false)
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Rules, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Rules, file);
            if (flat) relative = relative.Replace(Path.DirectorySeparatorChar, '-');
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var content = File.ReadAllText(file);
            if (relative == "ruleset.json")
            {
                var json = Newtonsoft.Json.Linq.JObject.Parse(content);
                json["version"] = version;
                content = json.ToString();
            }
            File.WriteAllText(destination, content);
        }
    }

    private static ServiceProvider Watching(string directory, TimeSpan pollInterval, CapturingLoggerProvider? logs = null) =>
        HostingTestData.BuildProvider(s => s.AddPlanRules(o =>
        {
            o.RulesDirectory = directory;
            o.WatchForChanges = true;
            o.ReloadDebounce = TimeSpan.FromMilliseconds(100);
            o.PollInterval = pollInterval;
        }), logs);

    private static async Task Eventually(IRuleSetMonitor monitor, Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Timeout)
                Assert.Fail($"Timed out after {Timeout.TotalSeconds} s waiting for {what}; serving {monitor.Current.Identity.Version}, last errors:\n{string.Join("\n", monitor.LastErrors)}");
            await Task.Delay(25);
        }
    }

    private static Func<bool> Serving(IRuleSetMonitor monitor, string version) =>
        () => monitor.Current.Identity.Version == version && monitor.LastErrors.Count == 0 && monitor.LastReloadFailedAt is null;

    private static Func<bool> FailedWith(IRuleSetMonitor monitor, string code) =>
        () => monitor.LastReloadFailedAt is not null && monitor.LastErrors.Any(d => d.Code == code);

    [Fact]
    public async Task DeletedFolder_IsAFailedReload_KeepingTheLastGoodSet_AndItsRecreationIsPickedUp()
    {
        WriteRules(Rules, "1.0.0-first");
        await using var provider = Watching(Rules, System.Threading.Timeout.InfiniteTimeSpan); // events alone
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var good = monitor.Current;

        var failed = monitor.NextFailure();
        Directory.Delete(Rules, recursive: true);
        var failure = await failed.WithTimeout("the ReloadFailed event after the folder was deleted");
        Assert.Same(good, failure.Current);
        await Eventually(monitor, FailedWith(monitor, "PR1006"), "PR1006 for the missing folder");
        Assert.Same(good, monitor.Current);

        WriteRules(Rules, "2.0.0-recreated");
        await Eventually(monitor, Serving(monitor, "2.0.0-recreated"), "the recreated folder to be loaded");

        // The watcher now watches the new folder: an ordinary edit is seen.
        File.WriteAllText(Path.Combine(Rules, "ruleset.json"), File.ReadAllText(Path.Combine(Rules, "ruleset.json")).Replace("2.0.0-recreated", "2.1.0-edited", StringComparison.Ordinal));
        await Eventually(monitor, Serving(monitor, "2.1.0-edited"), "an edit of the recreated folder");
    }

    [Fact]
    public async Task FolderRenamedAway_FailsTheReload_AndRenamedBack_IsPickedUp()
    {
        WriteRules(Rules, "1.0.0-first");
        await using var provider = Watching(Rules, System.Threading.Timeout.InfiniteTimeSpan);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var good = monitor.Current;
        var away = Path.Combine(_parent, "rules.away");

        Directory.Move(Rules, away);
        await Eventually(monitor, FailedWith(monitor, "PR1006"), "PR1006 after the folder was renamed away");
        Assert.Same(good, monitor.Current);

        // Edited while away (the old watcher follows the folder and must not matter), then renamed back.
        File.WriteAllText(Path.Combine(away, "ruleset.json"), File.ReadAllText(Path.Combine(away, "ruleset.json")).Replace("1.0.0-first", "1.1.0-back", StringComparison.Ordinal));
        Directory.Move(away, Rules);
        await Eventually(monitor, Serving(monitor, "1.1.0-back"), "the folder renamed back");

        File.WriteAllText(Path.Combine(Rules, "ruleset.json"), File.ReadAllText(Path.Combine(Rules, "ruleset.json")).Replace("1.1.0-back", "1.2.0-edited", StringComparison.Ordinal));
        await Eventually(monitor, Serving(monitor, "1.2.0-edited"), "an edit after the folder came back");
    }

    [Fact]
    public async Task SwapDeploy_IsPickedUp_AndLaterEditsOfTheNewFolderToo()
    {
        WriteRules(Rules, "1.0.0-first");
        await using var provider = Watching(Rules, System.Threading.Timeout.InfiniteTimeSpan);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var changed = monitor.NextChange();

        var staged = Path.Combine(_parent, "rules.new");
        WriteRules(staged, "2.0.0-swapped");
        Directory.Move(Rules, Path.Combine(_parent, "rules.old"));
        Directory.Move(staged, Rules);
        await Eventually(monitor, Serving(monitor, "2.0.0-swapped"), "the swapped-in folder");
        Assert.Equal("2.0.0-swapped", (await changed.WithTimeout("the Changed event of the swap")).Current.Identity.Version is var v && v == "2.0.0-swapped" ? v : monitor.Current.Identity.Version);

        // Editing the old folder changes nothing; editing the new one is seen.
        File.WriteAllText(Path.Combine(Rules, "ruleset.json"), File.ReadAllText(Path.Combine(Rules, "ruleset.json")).Replace("2.0.0-swapped", "2.1.0-edited", StringComparison.Ordinal));
        await Eventually(monitor, Serving(monitor, "2.1.0-edited"), "an edit of the swapped-in folder");
        Assert.Equal(RuleSet.LoadDirectory(Rules).RuleSet!.Identity.Sha256, monitor.Current.Identity.Sha256);
    }

    [Fact]
    public async Task KubernetesConfigMapSymlinkSwap_IsPickedUp_WithoutLoadingTheDataFoldersTwice()
    {
        if (OperatingSystem.IsWindows()) return; // ConfigMap volumes are a Linux thing; symlinks need privileges on Windows

        // The layout kubelet writes: ..<timestamp>/ with the files, ..data -> ..<timestamp>, and x.json -> ..data/x.json.
        Directory.CreateDirectory(Rules);
        var first = Path.Combine(Rules, "..2026_12_02_10_00_00.000000001");
        WriteRules(first, "1.0.0-configmap", flat: true);
        File.CreateSymbolicLink(Path.Combine(Rules, "..data"), Path.GetFileName(first));
        foreach (var file in Directory.EnumerateFiles(first))
            File.CreateSymbolicLink(Path.Combine(Rules, Path.GetFileName(file)), Path.Combine("..data", Path.GetFileName(file)));

        var direct = RuleSet.LoadDirectory(Rules);
        Assert.True(direct.Succeeded, string.Join("\n", direct.Diagnostics));
        Assert.Equal("1.0.0-configmap", direct.RuleSet!.Identity.Version);
        Assert.DoesNotContain(direct.RuleSet.Rules, r => r.Location.File.Contains("..", StringComparison.Ordinal));

        await using var provider = Watching(Rules, System.Threading.Timeout.InfiniteTimeSpan);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        Assert.Equal(direct.RuleSet.Identity.Sha256, monitor.Current.Identity.Sha256);

        // An update: a new timestamped folder, a new ..data_tmp symlink renamed atomically over ..data, the old folder removed.
        var second = Path.Combine(Rules, "..2026_12_02_10_05_00.000000002");
        WriteRules(second, "2.0.0-configmap", flat: true);
        var tmp = Path.Combine(Rules, "..data_tmp");
        File.CreateSymbolicLink(tmp, Path.GetFileName(second));
        Assert.Equal(0, Rename(tmp, Path.Combine(Rules, "..data"))); // rename(2) replaces the old symlink atomically, as kubelet does
        Directory.Delete(first, recursive: true);

        await Eventually(monitor, Serving(monitor, "2.0.0-configmap"), "the ConfigMap update");
        Assert.Equal(RuleSet.LoadDirectory(Rules).RuleSet!.Identity.Sha256, monitor.Current.Identity.Sha256);
    }

    [Fact]
    public async Task SymlinkedFolderRepointed_IsPickedUp()
    {
        if (OperatingSystem.IsWindows()) return;

        // Capistrano-style releases: rules -> releases/1, repointed with an atomic rename of a new symlink (ln -sfn).
        var first = Path.Combine(_parent, "releases", "1");
        WriteRules(first, "1.0.0-release");
        Directory.CreateSymbolicLink(Rules, first);
        await using var provider = Watching(Rules, System.Threading.Timeout.InfiniteTimeSpan);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        Assert.Equal("1.0.0-release", monitor.Current.Identity.Version);

        var second = Path.Combine(_parent, "releases", "2");
        WriteRules(second, "2.0.0-release");
        var tmp = Path.Combine(_parent, "rules.tmp");
        Directory.CreateSymbolicLink(tmp, second);
        Assert.Equal(0, Rename(tmp, Rules));
        await Eventually(monitor, Serving(monitor, "2.0.0-release"), "the repointed symlink");

        File.WriteAllText(Path.Combine(second, "ruleset.json"), File.ReadAllText(Path.Combine(second, "ruleset.json")).Replace("2.0.0-release", "2.1.0-edited", StringComparison.Ordinal));
        await Eventually(monitor, Serving(monitor, "2.1.0-edited"), "an edit in the new release");
    }

    [Fact]
    public async Task UnusableNumber_FailsTheReload_KeepsTheLastGoodSet_ThenAFixIsAChange()
    {
        WriteRules(Rules, "1.0.0-first");
        var logs = new CapturingLoggerProvider();
        await using var provider = Watching(Rules, TimeSpan.FromSeconds(10), logs);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var recommender = provider.GetRequiredService<IPlanRecommender>();
        var good = monitor.Current;
        var parameters = Path.Combine(Rules, "parameters.json");
        var original = File.ReadAllText(parameters);

        var failed = monitor.NextFailure();
        File.WriteAllText(parameters, System.Text.RegularExpressions.Regex.Replace(original, @"(""value"":\s*)[0-9.]+", "${1}1e400", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
        var failure = await failed.WithTimeout("the ReloadFailed event for 1e400");
        await Eventually(monitor, FailedWith(monitor, "PR1008"), "PR1008 in LastErrors");
        Assert.Same(good, monitor.Current);
        Assert.Same(good, failure.Current);
        Assert.Contains(failure.Diagnostics, d => d is { Code: "PR1008", File: "parameters.json" } && d.Line > 0 && d.Column > 0);
        Assert.Equal(good.Identity.Sha256, recommender.Recommend(HostingTestData.SampleCase(good)).RuleSet.Sha256);

        var changed = monitor.NextChange();
        File.WriteAllText(parameters, original);
        File.WriteAllText(Path.Combine(Rules, "ruleset.json"), File.ReadAllText(Path.Combine(Rules, "ruleset.json")).Replace("1.0.0-first", "1.1.0-fixed", StringComparison.Ordinal));
        await Eventually(monitor, Serving(monitor, "1.1.0-fixed"), "the fix");
        Assert.Same(good, (await changed.WithTimeout("the Changed event of the fix")).Previous);
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Error && l.EventId.Id == 110); // no crashed reload
    }

    [Fact]
    public async Task Poll_FindsChangesNoEventReported_ReportsAMissingSourceOnce_AndRecovers()
    {
        var source = new SilentSource();
        var logs = new CapturingLoggerProvider();
        await using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddSingleton<IRuleSetSource>(source);
            s.AddPlanRules(o =>
            {
                o.WatchForChanges = true;
                o.ReloadDebounce = TimeSpan.FromMilliseconds(50);
                o.PollInterval = TimeSpan.FromMilliseconds(150);
            });
        }, logs);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var good = monitor.Current;

        // Unchanged content: polls read it, and nothing reloads.
        await Eventually(monitor, () => source.Loads >= 4, "three polls of unchanged content");
        Assert.DoesNotContain(logs.Lines, l => l.EventId.Id is 116 or 104);
        Assert.Same(good, monitor.Current);

        source.Files = InMemoryRuleSetSource.WithVersion("2099.5.0-polled");
        await Eventually(monitor, Serving(monitor, "2099.5.0-polled"), "the poll to find the change");
        Assert.Contains(logs.Lines, l => l.EventId.Id == 116);

        var failures = 0;
        monitor.ReloadFailed += (_, _) => Interlocked.Increment(ref failures);
        source.Missing = true;
        await Eventually(monitor, FailedWith(monitor, "PR1006"), "the poll to report the missing source");
        var polled = source.Loads;
        await Eventually(monitor, () => source.Loads >= polled + 3, "three more polls");
        Assert.Equal(1, Volatile.Read(ref failures)); // an unchanged failure is not reported again and again
        Assert.Equal("2099.5.0-polled", monitor.Current.Identity.Version);

        source.Missing = false;
        await Eventually(monitor, Serving(monitor, "2099.5.0-polled"), "the recovery to be picked up");
        Assert.NotSame(good, monitor.Current);
    }

    [Fact]
    public async Task ReloadAsync_NeverThrowsForAFailingSource_OrAnUnexpectedException_AndTheStateTellsTheTruth()
    {
        var source = new SilentSource();
        var logs = new CapturingLoggerProvider();
        await using var provider = HostingTestData.BuildProvider(s =>
        {
            s.AddSingleton<IRuleSetSource>(source);
            s.AddPlanRules();
        }, logs);
        var monitor = provider.GetRequiredService<IRuleSetMonitor>();
        var good = monitor.Current;
        Assert.Null(monitor.LastReloadFailedAt);

        // The source throws.
        source.Missing = true;
        var failed = monitor.NextFailure();
        var result = await monitor.ReloadAsync();
        Assert.Null(result.RuleSet);
        Assert.Equal("PR1006", Assert.Single(result.Diagnostics).Code);
        Assert.Equal(result.Diagnostics, (await failed.WithTimeout("ReloadFailed for a throwing source")).Diagnostics);
        Assert.Equal(result.Diagnostics, monitor.LastErrors);
        Assert.NotNull(monitor.LastReloadFailedAt);
        Assert.Same(good, monitor.Current);

        // Validation throws unexpectedly (here: a file list that throws inside RuleSet.Load).
        source.Missing = false;
        source.Poisoned = true;
        failed = monitor.NextFailure();
        result = await monitor.ReloadAsync();
        Assert.Null(result.RuleSet);
        var internalError = Assert.Single(result.Diagnostics);
        Assert.Equal("PR2099", internalError.Code);
        Assert.Equal(DiagnosticSeverity.Error, internalError.Severity);
        Assert.Equal(result.Diagnostics, (await failed.WithTimeout("ReloadFailed for an unexpected exception")).Diagnostics);
        Assert.Equal(result.Diagnostics, monitor.LastErrors);
        Assert.Same(good, monitor.Current);
        Assert.Contains(logs.Lines, l => l.EventId.Id == 115 && l.Level == LogLevel.Error);

        // A good reload clears the errors.
        source.Poisoned = false;
        result = await monitor.ReloadAsync();
        Assert.True(result.Succeeded);
        Assert.Empty(monitor.LastErrors);
        Assert.Null(monitor.LastReloadFailedAt);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "rename", SetLastError = true)]
#pragma warning disable CA2101, SYSLIB1054 // test-only P/Invoke of a POSIX call that takes UTF-8 paths
    private static extern int Rename([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string from,
        [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string to);
#pragma warning restore CA2101, SYSLIB1054

    /// <summary>
    /// An in-memory source whose change token never fires (so only the poll sees changes); it can pretend to be
    /// missing (throws) or return a file list that throws when validation enumerates it.
    /// </summary>
    private sealed class SilentSource : IRuleSetSource
    {
        private IReadOnlyList<RuleSourceFile> _files = RuleSet.DefaultFiles();
        private int _loads;

        public IReadOnlyList<RuleSourceFile> Files
        {
            get => Volatile.Read(ref _files);
            set => Volatile.Write(ref _files, value);
        }

        public volatile bool Missing;
        public volatile bool Poisoned;

        public int Loads => Volatile.Read(ref _loads);

        public Task<IReadOnlyList<RuleSourceFile>> LoadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _loads);
            if (Missing) throw new DirectoryNotFoundException("The rule files are gone.");
            return Task.FromResult<IReadOnlyList<RuleSourceFile>>(Poisoned ? new PoisonedFiles(Files) : Files);
        }

        public IChangeToken Watch() => new CancellationChangeToken(CancellationToken.None);
    }

    /// <summary>
    /// A file list that throws when <see cref="RuleSet.Load"/> enumerates it (and only then): stands for any defect
    /// of validation or compilation that nobody expected.
    /// </summary>
    private sealed class PoisonedFiles(IReadOnlyList<RuleSourceFile> files) : IReadOnlyList<RuleSourceFile>
    {
        public RuleSourceFile this[int index] => files[index];

        public int Count => files.Count;

        public IEnumerator<RuleSourceFile> GetEnumerator() =>
            Environment.StackTrace.Contains("PlanRules.RuleSet.Load(", StringComparison.Ordinal)
                ? throw new InvalidOperationException("an unexpected defect")
                : files.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
