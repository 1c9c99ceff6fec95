using Newtonsoft.Json.Linq;
using PlanRules.Cases;
using PlanRules.Replay;

namespace PlanRules.Cli.Tests;

/// <summary>
/// <c>planrules replay</c> over the clinical corpus agrees, case by case, with replaying it through the library as the
/// corpus test of <c>dotnet test</c> does (PlanRecommender + PlanExpectations.Check). It checks agreement, not the
/// clinical content: whatever the shipped rules decide, the command must report the same.
/// </summary>
public sealed class ClinicalCorpusAgreementTests : IDisposable
{
    private readonly TestCorpus _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Replay_OverTheClinicalCorpus_AgreesCaseByCaseWithTheLibrary()
    {
        var corpus = Path.Combine(RepoPaths.Root, "tests", "PlanRules.Tests", "Corpus");
        var loaded = RuleSet.LoadDirectory(RepoPaths.Rules);
        if (!Directory.Exists(corpus) || loaded.RuleSet is null) return; // nothing to agree on yet
        var report = _scratch.PathOf("corpus.json");

        var result = CliResult.Run("replay", corpus, "--rules", RepoPaths.Rules, "-o", report, "--parallel", "2");

        var cases = ((JArray)JObject.Parse(File.ReadAllText(report))["cases"]!).ToDictionary(c => (string)c["name"]!, c => c);
        var files = Directory.EnumerateFiles(corpus, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(corpus, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, cases.Keys);
        var recommender = new PlanRecommender(loaded.RuleSet);
        var expectedFailures = 0;
        foreach (var file in files)
        {
            var json = File.ReadAllText(Path.Combine(corpus, file));
            var read = PatientCase.FromJson(json, loaded.RuleSet.Vocabulary);
            var expect = CaseExpectationsReader.Read(json, loaded.RuleSet.Vocabulary);
            string expected;
            if (read.Case is null || !expect.Succeeded) expected = "error";
            else
            {
                var failures = expect.Expectations is null ? [] : PlanExpectations.Check(recommender.Recommend(read.Case), expect.Expectations);
                expected = failures.Count == 0 ? "passed" : "failed";
                if (failures.Count > 0)
                    Assert.Equal(failures.Select(f => f.Expectation), cases[file]["failures"]!.Select(f => (string)f["expectation"]!));
            }
            if (expected != "passed") expectedFailures++;
            Assert.True(expected == (string?)cases[file]["outcome"], $"{file}: the library says {expected}, replay says {cases[file]["outcome"]}");
        }
        Assert.Equal($"{files.Length - expectedFailures} passed, {expectedFailures} failed", result.OutLines[^1]);
    }
}
