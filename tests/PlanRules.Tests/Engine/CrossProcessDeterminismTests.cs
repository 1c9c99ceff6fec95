using System.Diagnostics;

namespace PlanRules.Tests.Engine;

/// <summary>
/// Plans are byte-identical across processes (string hashing is randomized per process in .NET, so any ordering
/// that leaked from a hash table would show here).
/// </summary>
public sealed class CrossProcessDeterminismTests
{
    [Fact]
    public void SampleCase_PlanJson_IsIdenticalInTwoProcesses_AndInProcess()
    {
        var first = RunSample();
        var second = RunSample();
        Assert.Equal(first, second);

        var rules = RuleSet.LoadDirectory(RepoPaths.Rules).RuleSet!;
        var json = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "PlanRules.Samples", "cases", "lumbar-radicular-apixaban.json"));
        var inProcess = new PlanRecommender(rules).Recommend(PlanRules.Cases.PatientCase.FromJson(json, rules.Vocabulary).Case!).ToJson();
        Assert.Equal(inProcess, first);
    }

    private static string RunSample()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, "PlanRules.Samples.dll"), "--json", "--rules", RepoPaths.Rules },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "the sample did not finish");
        Assert.True(process.ExitCode == 0, error.Result);
        return output.Result;
    }
}
