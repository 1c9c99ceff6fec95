using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanRules.Cases;
using PlanRules.Hosting;
using PlanRules.Rules;

namespace PlanRules.Tests.Hosting;

/// <summary>A copy of the shipped <c>rules/</c> folder in a temporary directory, deleted on dispose.</summary>
internal sealed class TempRulesDirectory : IDisposable
{
    public TempRulesDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "planrules-hosting-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Rules, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(RepoPaths.Rules, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; }

    public string RuleSetJsonPath => System.IO.Path.Combine(Path, "ruleset.json");

    /// <summary>Rewrites <c>ruleset.json</c> with another version: a valid rule set with another hash.</summary>
    public void SetVersion(string version)
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(RuleSetJsonPath));
        json["version"] = version;
        File.WriteAllText(RuleSetJsonPath, json.ToString());
    }

    /// <summary>Rewrites <c>ruleset.json</c> from the shipped one with another version (repairs a broken file).</summary>
    public void SetVersionFromScratch(string version)
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(System.IO.Path.Combine(RepoPaths.Rules, "ruleset.json")));
        json["version"] = version;
        File.WriteAllText(RuleSetJsonPath, json.ToString());
    }

    /// <summary>Breaks <c>ruleset.json</c> (PR1001: not valid JSON).</summary>
    public void BreakRuleSetJson() => File.WriteAllText(RuleSetJsonPath, "{ \"name\": \"planrules-pain\", \"version\": ");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Rule files held in memory; <see cref="Files"/> can be replaced to simulate an edit.</summary>
internal sealed class InMemoryRuleSetSource : IRuleSetSource
{
    private IReadOnlyList<RuleSourceFile> _files = RuleSet.DefaultFiles();

    public IReadOnlyList<RuleSourceFile> Files
    {
        get => Volatile.Read(ref _files);
        set => Volatile.Write(ref _files, value);
    }

    public int Loads;

    public Task<IReadOnlyList<RuleSourceFile>> LoadAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Loads);
        return Task.FromResult(Files);
    }

    /// <summary>The shipped files with <c>ruleset.json</c>'s version replaced.</summary>
    public static IReadOnlyList<RuleSourceFile> WithVersion(string version) =>
        RuleSet.DefaultFiles().Select(f => f.Path == "ruleset.json"
            ? f with { Content = WithVersion(f.Content, version) }
            : f).ToArray();

    private static string WithVersion(string ruleSetJson, string version)
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(ruleSetJson);
        json["version"] = version;
        return json.ToString();
    }
}

/// <summary>Collects every log line, to check what is (and is not) logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Lines.Enqueue((category, logLevel, eventId, formatter(state, exception)));
    }
}

internal static class HostingTestData
{
    public static string SampleCasePath => Path.Combine(RepoPaths.Root, "src", "PlanRules.Samples", "cases", "lumbar-radicular-apixaban.json");

    public static PatientCase SampleCase(RuleSet rules)
    {
        var read = PatientCase.FromJson(File.ReadAllText(SampleCasePath), rules.Vocabulary);
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
        return read.Case!;
    }

    public static ServiceProvider BuildProvider(Action<IServiceCollection> configure, CapturingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null) services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A task completed by the next raise of an event; fails the test after a generous timeout.</summary>
    public static async Task<T> WithTimeout<T>(this Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out after 30 s waiting for {what}.");
            throw;
        }
    }

    public static Task<RuleSetChangedEventArgs> NextChange(this IRuleSetMonitor monitor)
    {
        var done = new TaskCompletionSource<RuleSetChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<RuleSetChangedEventArgs>? handler = null;
        handler = (_, e) =>
        {
            monitor.Changed -= handler;
            done.TrySetResult(e);
        };
        monitor.Changed += handler;
        return done.Task;
    }

    public static Task<RuleSetReloadFailedEventArgs> NextFailure(this IRuleSetMonitor monitor)
    {
        var done = new TaskCompletionSource<RuleSetReloadFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<RuleSetReloadFailedEventArgs>? handler = null;
        handler = (_, e) =>
        {
            monitor.ReloadFailed -= handler;
            done.TrySetResult(e);
        };
        monitor.ReloadFailed += handler;
        return done.Task;
    }
}
