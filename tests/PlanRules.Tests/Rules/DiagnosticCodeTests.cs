using System.Text.RegularExpressions;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Rules;

/// <summary>Every rule-set diagnostic code has a fixture named after it that proves it is found, where it is.</summary>
public sealed partial class DiagnosticCodeTests
{
    private static string FixtureDirectory => Path.Combine(RepoPaths.Fixtures, "diagnostics");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(FixtureDirectory, "PR*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Load_Fixture_ReportsItsCode_AtTheMarkedLine(string code)
    {
        var text = File.ReadAllText(Path.Combine(FixtureDirectory, code + ".json"));
        var path = $"test/{code}.json";
        var result = TestRuleSets.Load((path, text));

        Assert.Null(result.RuleSet);
        var hits = result.Diagnostics.Where(d => d.Code == code).ToArray();
        Assert.True(hits.Length > 0, $"expected {code}, got:\n{string.Join("\n", result.Diagnostics)}");
        Assert.All(hits, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(hits, d => Assert.Equal(path, d.File));
        Assert.All(hits, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        var lines = text.Split('\n');
        var marked = Array.FindIndex(lines, l => l.Contains("<-- " + code, StringComparison.Ordinal)) + 1;
        if (marked > 0) Assert.Contains(hits, d => d.Line == marked);
        Assert.All(hits, d => Assert.StartsWith($"{path}({d.Line},{d.Column}): error {code}: ", d.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void EveryDocumentedRuleSetCode_HasAFixtureOrATest()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Rules, "README.md"));
        var documented = CodePattern().Matches(readme).Select(m => m.Value).Where(c => c[2] is '1' or '2').Distinct().Order().ToArray();
        // PR1006 is tested below (a missing file has no fixture); PR2099 reports an internal defect no valid input produces.
        string[] testedHere = ["PR1006", "PR2099"];
        var fixtures = Directory.GetFiles(FixtureDirectory, "PR*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.DoesNotContain(documented, c => !fixtures.Contains(c) && !testedHere.Contains(c));
    }

    [Fact]
    public void Load_MissingRequiredFile_ReportsPR1006()
    {
        var files = TestRuleSets.ShippedDataFiles().Where(f => f.Path != "vocabulary.json").ToArray();
        var result = RuleSet.Load(files);
        Assert.Null(result.RuleSet);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "PR1006");
        Assert.Equal("vocabulary.json", d.File);
    }

    [Fact]
    public void LoadDirectory_MissingDirectory_ReportsPR1006()
    {
        var result = RuleSet.LoadDirectory(Path.Combine(Path.GetTempPath(), "planrules-no-such-dir-" + Guid.NewGuid()));
        Assert.Null(result.RuleSet);
        Assert.Equal("PR1006", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Load_UnknownFact_SuggestsTheClosestFact()
    {
        var result = TestRuleSets.Load(("test/PR2001.json", File.ReadAllText(Path.Combine(FixtureDirectory, "PR2001.json"))));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("a", d.RuleId);
        Assert.Equal("did you mean 'finding.pain.duration_weeks'?", d.Suggestion);
        Assert.Equal("test/PR2001.json(5,9): error PR2001: rule 'a': unknown fact 'finding.pain.duratoin_weeks' at $.rules[0].when.all[0].fact (did you mean 'finding.pain.duration_weeks'?)", d.ToString());
    }

    [Fact]
    public void Load_FileWithSeveralProblems_ReportsEveryOne_AndLoadsNothing()
    {
        const string text = """
            { "rules": [
              { "id": "a", "title": "a", "kind": "candidate", "intervention": "mbb.lumber", "strength": "consider",
                "when": { "fact": "finding.pain.regoin", "is": "lumbar" } },
              { "id": "b", "title": "b", "kind": "warning", "severity": "critical", "code": "x", "message": "m", "colour": "red",
                "when": { "fact": "finding.pain.nrs", "is": "high" } },
              { "id": "c", "title": "ok", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider",
                "when": { "fact": "finding.pain.region", "is": "lumbar" } }
            ] }
            """;
        var result = TestRuleSets.Load(("test/many.json", text), ("test/other.json", "{ \"rules\": [ { \"id\": \"d\" } ] }"));
        Assert.Null(result.RuleSet);
        var codes = result.Diagnostics.Select(d => d.Code).ToArray();
        Assert.Contains("PR2002", codes);
        Assert.Contains("PR2001", codes);
        Assert.Contains("PR1003", codes);
        Assert.Contains("PR2004", codes);
        Assert.Contains(result.Diagnostics, d => d.Code == "PR1004" && d.File == "test/other.json");
        Assert.True(result.Diagnostics.Count >= 5);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line > 0, d.ToString()));
    }

    [Fact]
    public void Load_OneBadFile_LoadsNoneOfTheOthers()
    {
        var good = "{ \"rules\": [ { \"id\": \"ok\", \"title\": \"ok\", \"kind\": \"candidate\", \"intervention\": \"mbb.lumbar\", \"strength\": \"consider\", \"when\": { \"fact\": \"finding.pain.region\", \"is\": \"lumbar\" } } ] }";
        Assert.True(TestRuleSets.Load(("a/good.json", good)).Succeeded);
        var result = TestRuleSets.Load(("a/good.json", good), ("b/bad.json", "{ \"rules\": [ "));
        Assert.Null(result.RuleSet);
        Assert.Equal("PR1001", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Load_HugeFile_ReportsPR1005_WithoutParsing()
    {
        var huge = "{ \"rules\": [], \"topic\": \"" + new string('x', PlanRules.Rules.JsonFile.MaxChars) + "\" }";
        var result = TestRuleSets.Load(("test/huge.json", huge));
        Assert.Equal("PR1005", Assert.Single(result.Diagnostics).Code);
    }

    [GeneratedRegex(@"PR\d{4}")]
    private static partial Regex CodePattern();
}
