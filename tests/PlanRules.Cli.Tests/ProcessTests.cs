using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace PlanRules.Cli.Tests;

/// <summary>The real executable, as CI runs it: exit code, standard output, the closing line.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TestCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public async Task Replay_AsAProcess_ExitsOne_AndItsLastLineIsPassedFailed()
    {
        var rules = _corpus.WriteRuleSet("rules");
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        _corpus.WriteCase("cases/b.json", TestCorpus.Case("b", expect: JObject.Parse("""{ "noCandidates": true }""")));
        var report = _corpus.PathOf("out/junit.xml");

        var (code, stdout, stderr) = await RunAsync("replay", _corpus.PathOf("cases"), "--rules", rules, "--format", "junit", "-o", report, "--parallel", "2");

        Assert.True(code == ExitCodes.Failed, $"exit {code}\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("1 passed, 1 failed", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("FAIL b.json", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', stdout); // redirected: no colours, no progress bar
        Assert.True(File.Exists(report));
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PlanRules.Cli.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
