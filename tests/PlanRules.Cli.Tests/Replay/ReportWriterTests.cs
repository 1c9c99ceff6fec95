using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using PlanRules.Replay;

namespace PlanRules.Cli.Tests.Replay;

/// <summary>Report writers: well-formed output for any number of cases, and misuse.</summary>
public sealed class ReportWriterTests
{
    private static ReplaySummary Empty => new(TestRules.Default.Identity, 0, 0, 0, 0, TimeSpan.FromSeconds(1.5), 2);

    [Theory]
    [InlineData(ReplayReportFormat.JUnit)]
    [InlineData(ReplayReportFormat.Json)]
    [InlineData(ReplayReportFormat.Markdown)]
    public void EmptyRun_GivesAWellFormedReport(ReplayReportFormat format)
    {
        var output = new StringWriter();
        using (var writer = ReplayReportWriter.Create(format, output)) writer.Complete(Empty);

        var text = output.ToString();
        switch (format)
        {
            case ReplayReportFormat.JUnit:
                var xml = XDocument.Parse(text);
                Assert.Equal("0", (string?)xml.Root!.Attribute("tests"));
                Assert.Equal("1.5", (string?)xml.Root!.Element("testsuite")!.Attribute("time"));
                break;
            case ReplayReportFormat.Json:
                Assert.Empty((JArray)JObject.Parse(text)["cases"]!);
                break;
            default:
                Assert.Contains("**0 passed, 0 failed**", text, StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public async Task JUnit_EscapesWhatXmlCannotCarry()
    {
        var output = new StringWriter();
        var runner = new ReplayRunner(TestRules.Default);
        var weird = TestCorpus.Case("a<b>&\"c\"", expect: JObject.Parse("""{ "referrals": { "include": ["x<y>\u0001"] } }"""));
        using (var writer = new JUnitReportWriter(output))
        {
            var summary = await runner.RunAsync([CaseSource.FromText("<odd> & \"name\".json", weird.ToString())], writer.Add, 1);
            writer.Complete(summary);
        }

        var xml = XDocument.Parse(output.ToString());
        var testcase = xml.Descendants("testcase").Single();
        Assert.Equal("<odd> & \"name\".json", (string?)testcase.Attribute("name"));
        // The case id and the expectation are not codes: the case is refused (PR4011, PR4005) and neither is repeated.
        Assert.NotNull(testcase.Element("error"));
        Assert.DoesNotContain("x<y>", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("a&lt;b&gt;", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Writers_RefuseUseAfterCompletion()
    {
        using var writer = ReplayReportWriter.Create(ReplayReportFormat.Json, new StringWriter());
        writer.Complete(Empty);

        Assert.Throws<InvalidOperationException>(() => writer.Complete(Empty));
    }
}
