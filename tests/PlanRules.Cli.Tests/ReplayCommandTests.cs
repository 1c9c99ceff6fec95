using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace PlanRules.Cli.Tests;

/// <summary><c>planrules replay</c>: expectations, the closing line, exit codes, reports, identifiers.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly string _rules;

    public ReplayCommandTests() => _rules = _corpus.WriteRuleSet("rules");

    public void Dispose() => _corpus.Dispose();

    private static JObject Expect(string json) => JObject.Parse(json);

    [Fact]
    public void Replay_AllCasesPass_ExitsZero_AndEndsWithPassedFailedLine()
    {
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        _corpus.WriteCase("cases/b.json", TestCorpus.Case("b", weeks: 2, expect: Expect("""
            { "candidates": { "include": ["mbb.lumbar"], "exclude": ["esi.lumbar.transforaminal"] }, "noCandidates": false }
            """)));

        var result = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("2 passed, 0 failed", result.OutLines[^1]);
        Assert.DoesNotContain("FAIL", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_Failure_PrintsExpectationActualItemsAndRules_AndExitsOne()
    {
        _corpus.WriteCase("cases/1-pass.json", TestCorpus.Case("pass"));
        _corpus.WriteCase("cases/2-fail.json", TestCorpus.Case("fail", expect: Expect("""
            { "candidates": { "include": ["scs.trial"], "exclude": ["mbb.lumbar"] } }
            """)));

        var result = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", _rules, "--parallel", "2");

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        var lines = result.OutLines;
        Assert.Equal("1 passed, 1 failed", lines[^1]);
        Assert.Single(lines, l => l == "1 passed, 1 failed");
        var fail = Array.FindIndex(lines, l => l.StartsWith("FAIL 2-fail.json", StringComparison.Ordinal));
        Assert.True(fail >= 0, result.ToString());
        var block = string.Join("\n", lines.Skip(fail).Take(7));
        Assert.Contains("candidates: expected include scs.trial", block, StringComparison.Ordinal);
        Assert.Contains("actual: esi.lumbar.transforaminal, mbb.lumbar", block, StringComparison.Ordinal);
        Assert.Contains("t.scs.never", block, StringComparison.Ordinal); // the rule that would have proposed it
        Assert.Contains("candidates: expected exclude mbb.lumbar", block, StringComparison.Ordinal);
        Assert.Contains("rules: t.mbb", block, StringComparison.Ordinal); // the rule that proposed it
        Assert.DoesNotContain("1-pass.json", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_JUnitReport_IsXmlACiSystemReads_WithTheRightCounts()
    {
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        _corpus.WriteCase("cases/b.json", TestCorpus.Case("b", expect: Expect("""{ "referrals": { "include": ["urgent_evaluation"] } }""")));
        var refused = TestCorpus.Case("c");
        refused["email"] = "someone.private@example.org";
        _corpus.WriteCase("cases/c.json", refused);
        _corpus.WriteCase("cases/d.json", TestCorpus.Case("d", withExpect: false));
        var report = _corpus.PathOf("out/junit.xml");

        var result = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", _rules, "--format", "junit", "--output", report);

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Equal("2 passed, 2 failed", result.OutLines[^1]);
        var xml = XDocument.Load(report);
        var suites = xml.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        var suite = Assert.Single(suites.Elements("testsuite"));
        foreach (var element in new[] { suites, suite })
        {
            Assert.Equal("4", (string?)element.Attribute("tests"));
            Assert.Equal("1", (string?)element.Attribute("failures"));
            Assert.Equal("1", (string?)element.Attribute("errors"));
            Assert.Equal("0", (string?)element.Attribute("skipped"));
            Assert.True(double.TryParse((string?)element.Attribute("time"), System.Globalization.CultureInfo.InvariantCulture, out _));
        }
        var cases = suite.Elements("testcase").ToArray();
        Assert.Equal(["a.json", "b.json", "c.json", "d.json"], cases.Select(c => (string?)c.Attribute("name")));
        Assert.All(cases, c => Assert.NotNull(c.Attribute("classname")));
        Assert.All(cases, c => Assert.True(double.TryParse((string?)c.Attribute("time"), System.Globalization.CultureInfo.InvariantCulture, out _)));
        Assert.Empty(cases[0].Elements());
        var failure = Assert.Single(cases[1].Elements("failure"));
        Assert.Contains("referrals: expected include urgent_evaluation", failure.Value, StringComparison.Ordinal);
        Assert.Contains("urgent_evaluation", (string?)failure.Attribute("message"), StringComparison.Ordinal);
        var error = Assert.Single(cases[2].Elements("error"));
        Assert.Contains("PR4009", error.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("someone.private", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Empty(cases[3].Elements());
    }

    [Fact]
    public void Replay_CaseWithIdentifier_IsAnErrorForThatCase_TheRunGoesOn_AndTheValueIsNeverPrinted()
    {
        const string secret = "Bartholomew Ravenscroft";
        _corpus.WriteCase("cases/1.json", TestCorpus.Case("one"));
        var refused = TestCorpus.Case("two");
        ((JObject)refused["patient"]!)["fullName"] = secret;
        _corpus.WriteCase("cases/2.json", refused);
        _corpus.WriteCase("cases/3.json", TestCorpus.Case("three", expect: Expect("""{ "candidates": { "include": ["scs.trial"] } }""")));

        var outputs = new List<string>();
        foreach (var format in new[] { "junit", "json", "markdown" })
        {
            var report = _corpus.PathOf($"out/report.{format}");
            var result = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", _rules, "--format", format, "--output", report);
            Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
            Assert.Contains("ERROR 2.json", result.Out, StringComparison.Ordinal);
            Assert.Contains("PR4009", result.Out, StringComparison.Ordinal);
            Assert.Contains("fullName", result.Out, StringComparison.Ordinal); // the field is named
            Assert.Contains("FAIL 3.json", result.Out, StringComparison.Ordinal); // the others were replayed
            Assert.Equal("1 passed, 2 failed", result.OutLines[^1]);
            outputs.Add(result.All);
            outputs.Add(File.ReadAllText(report));
        }
        Assert.All(outputs, text =>
        {
            Assert.DoesNotContain("Bartholomew", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ravenscroft", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Replay_JsonAndMarkdownReports_CarryTotalsAndFailures()
    {
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        _corpus.WriteCase("cases/b.json", TestCorpus.Case("b", expect: Expect("""{ "missingInformation": { "include": ["lab.hba1c"] } }""")));
        var json = _corpus.PathOf("out/report.json");
        var markdown = _corpus.PathOf("out/report.md");

        var first = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", _rules, "--output", json); // format from the extension
        var second = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", _rules, "--format", "markdown", "--output", markdown);

        Assert.True(first.ExitCode == ExitCodes.Failed, first.ToString());
        Assert.True(second.ExitCode == ExitCodes.Failed, second.ToString());
        var report = JObject.Parse(File.ReadAllText(json));
        Assert.Equal("planrules.replay-report/1", (string?)report["schema"]);
        Assert.Equal(2, (int)report["summary"]!["total"]!);
        Assert.Equal(1, (int)report["summary"]!["passed"]!);
        Assert.Equal(1, (int)report["summary"]!["failed"]!);
        Assert.Equal(0, (int)report["summary"]!["errors"]!);
        var cases = (JArray)report["cases"]!;
        Assert.Equal(["a.json", "b.json"], cases.Select(c => (string?)c["name"]));
        Assert.Equal(["passed", "failed"], cases.Select(c => (string?)c["outcome"]));
        Assert.Equal("missingInformation", (string?)cases[1]["failures"]![0]!["section"]);
        var md = File.ReadAllText(markdown);
        Assert.StartsWith("# Replay report", md, StringComparison.Ordinal);
        Assert.Contains("**1 passed, 1 failed**", md, StringComparison.Ordinal);
        Assert.Contains("| missingInformation | include lab.hba1c |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_ManyCasesOnSeveralWorkers_ReportsInFileNameOrder()
    {
        for (var i = 0; i < 60; i++)
            _corpus.WriteCase($"cases/sub{i % 3}/case-{i:D3}.json", TestCorpus.Case("c" + i, weeks: i % 2 == 0 ? 10 : 2, withExpect: i % 2 == 0));
        var json = _corpus.PathOf("out/report.json");

        var result = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", _rules, "--parallel", "4", "--output", json);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("60 passed, 0 failed", result.OutLines[^1]);
        var names = ((JArray)JObject.Parse(File.ReadAllText(json))["cases"]!).Select(c => (string)c["name"]!).ToArray();
        Assert.Equal(60, names.Length);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.StartsWith("sub0/", names[0], StringComparison.Ordinal);
        Assert.Equal(30, (int)JObject.Parse(File.ReadAllText(json))["summary"]!["withoutExpectations"]!);
    }

    [Fact]
    public void Replay_FolderWithoutCases_IsAUsageError_NotASilentPass()
    {
        Directory.CreateDirectory(_corpus.PathOf("empty"));

        var result = CliResult.Run("replay", _corpus.PathOf("empty"), "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("no case files", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-o", "report.html")]
    [InlineData("--parallel", "0")]
    [InlineData("--format", "html", "-o", "r.html")]
    [InlineData("--format", "junit", "--report", "json")]
    [InlineData("-o", "a.xml", "--out", "b.xml")]
    public void Replay_BadOptions_AreUsageErrors(params string[] options)
    {
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));

        var result = CliResult.Run(["replay", _corpus.PathOf("cases"), "--rules", _rules, .. options]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("error", result.Err, StringComparison.Ordinal);
    }
}
