using System.Diagnostics;

namespace PlanRules.Cli.Tests;

/// <summary>
/// The sample (src/PlanRules.Samples) as a process: an unknown argument is refused with the usage text and exit 2, and
/// plans nothing; <c>--help</c> prints the usage and plans nothing.
/// </summary>
public sealed class SampleProcessTests
{
    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    [InlineData("a.json", "b.json")]
    [InlineData("--rules")]
    public async Task UnknownArguments_AreRefusedWithUsage_Exit2_NothingPlanned(params string[] args)
    {
        var (code, stdout, stderr) = await RunSampleAsync(args);

        Assert.True(code == 2, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("usage: dotnet run --project src/PlanRules.Samples", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_PrintsUsage_Exit0_NothingPlanned(string flag)
    {
        var (code, stdout, stderr) = await RunSampleAsync(flag);

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        Assert.StartsWith("usage: dotnet run --project src/PlanRules.Samples", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("esi.", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    private static async Task<(int Code, string Out, string Err)> RunSampleAsync(params string[] args)
    {
        // tests/PlanRules.Cli.Tests/bin/<configuration>/<tfm>/ → src/PlanRules.Samples/bin/<configuration>/<tfm>/
        var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "PlanRules.Samples", "bin", configuration, tfm, "PlanRules.Samples.dll");
        Assert.True(File.Exists(dll), "the sample is not built at " + dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout).ReplaceLineEndings("\n"), (await stderr).ReplaceLineEndings("\n"));
    }
}
