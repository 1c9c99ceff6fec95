namespace PlanRules.Cli.Tests;

/// <summary>
/// Sign-off through the command line: <c>planrules lint</c> fails on a rule approved without <c>reviewedBy</c> and
/// <c>reviewedOn</c> (PR3011, an error even without <c>--strict</c>), and <c>planrules review</c> opens with what needs
/// sign-off.
/// </summary>
public sealed class SignOffCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "planrules-signoff-" + Guid.NewGuid().ToString("N"));

    public SignOffCommandTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Lint_ApprovedWithoutSignOff_IsAnError_AndExits1()
    {
        var rules = CopyRules();
        File.WriteAllText(Path.Combine(rules, "signoff.json"), """
            { "rules": [
              { "id": "signoff.unsigned", "title": "Approved by nobody", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider",
                "when": { "fact": "finding.pain.region", "is": "lumbar" }, "rationale": "r", "evidence": ["e"], "status": "approved" },
              { "id": "signoff.signed", "title": "Signed off", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider",
                "when": { "fact": "finding.pain.region", "is": "cervical" }, "rationale": "r", "evidence": ["e"], "status": "approved",
                "reviewedBy": "Dr Ana Reyes", "reviewedOn": "2026-11-27" }
            ] }
            """);
        var result = CliResult.Run("lint", rules);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("signoff.json(2,", result.Out, StringComparison.Ordinal);
        Assert.Contains("error PR3011: rule 'signoff.unsigned'", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("rule 'signoff.signed': rule is approved", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"^1 error, \d+ warnings, \d+ notes$", result.OutLines[^1]);
    }

    [Fact]
    public void Review_OpensWithWhatNeedsSignOff()
    {
        var file = Path.Combine(_temp, "review.html");
        var result = CliResult.Run("review", RepoPaths.Rules, "-o", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(file);
        var signOff = html.IndexOf("id=\"sign-off\"", StringComparison.Ordinal);
        Assert.True(signOff > 0);
        Assert.True(signOff < html.IndexOf("id=\"interventions\"", StringComparison.Ordinal));
        Assert.Contains("Draft rules (", html, StringComparison.Ordinal);
    }

    private string CopyRules()
    {
        var target = Path.Combine(_temp, "rules");
        foreach (var file in Directory.GetFiles(RepoPaths.Rules, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(RepoPaths.Rules, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
