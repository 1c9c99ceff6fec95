using PlanRules.Replay;
using PlanRules.Tests.Cases;
using Xunit;
using static PlanRules.Tests.Cases.CaseTestHelpers;

namespace PlanRules.Tests.Expectations;

/// <summary>
/// The <c>expect</c> block belongs to PlanRules.Testing: the core case reader accepts the key and guards it for
/// identifiers, and <see cref="CaseExpectationsReader"/> reads it with lines and columns.
/// </summary>
public class CaseExpectationsReaderTests
{
    private static CaseExpectationsReadResult ReadExpect(string json) => CaseExpectationsReader.Read(json, TestVocabulary.Instance);

    [Fact]
    public void Read_ExpectBlock_IsParsedIntoExpectations()
    {
        var result = ReadExpect(Fixture("example-with-expectations.json"));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        var expect = result.Expectations!;
        Assert.Equal(["esi.lumbar.transforaminal"], expect.Candidates!.Include);
        Assert.Equal(["scs.trial"], expect.Candidates.Exclude);
        Assert.Equal(["rfa.lumbar.medial_branch"], expect.Excluded!.Include);
        Assert.Empty(expect.Excluded.Exclude);
        var warning = Assert.Single(expect.Warnings!.Include);
        Assert.Equal(new WarningExpectation { About = "medication.apixaban", AppliesTo = "esi.lumbar.transforaminal" }, warning);
        Assert.Equal(new WarningExpectation { Code = "antithrombotic.hold", Severity = "critical" }, Assert.Single(expect.Warnings.Exclude));
        Assert.Equal(["lab.inr"], expect.MissingInformation!.Include);
        Assert.Equal(["urgent_evaluation"], expect.Referrals!.Include);
        Assert.False(expect.NoCandidates);
    }

    [Fact]
    public void Read_ExpectCodes_NeedNotBeInTheVocabulary()
    {
        var json = Case("""
              "expect": { "candidates": { "include": ["some.future.intervention"] }, "missingInformation": { "exclude": ["finding.not_yet_defined"] },
                          "warnings": { "include": [ { "about": "anything.at_all", "code": "x.y" } ] } }
            """);

        var result = ReadExpect(json);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["some.future.intervention"], result.Expectations!.Candidates!.Include);
        Assert.Null(result.Expectations.Excluded);
        Assert.Null(result.Expectations.NoCandidates);
    }

    [Fact]
    public void Read_CaseWithoutExpectBlock_HasNoExpectations()
    {
        var result = ReadExpect(Fixture("example-with-expectations.json").Replace("\"expect\"", "\"expectX\"", StringComparison.Ordinal));
        var plain = ReadExpect(Case("""  "goals": []"""));

        Assert.True(plain.Succeeded);
        Assert.Null(plain.Expectations);
        Assert.Empty(plain.Diagnostics);
        // The expect reader does not check the clinical part (nor unknown root keys): the case reader does.
        Assert.True(result.Succeeded);
        Assert.Null(result.Expectations);
    }

    [Theory]
    [InlineData("\"expect\": { \"noCandidates\": \"false\" }", "PR4002", "$.expect.noCandidates")]
    [InlineData("\"expect\": { \"candidates\": [\"scs.trial\"] }", "PR4002", "$.expect.candidates")]
    [InlineData("\"expect\": 5", "PR4002", "$.expect")]
    [InlineData("\"expect\": { \"candidate\": { \"include\": [] } }", "PR4003", "$.expect[#1]")]
    [InlineData("\"expect\": { \"warnings\": { \"include\": [ { \"severity\": \"severe\" } ] } }", "PR4005", "$.expect.warnings.include[0].severity")]
    [InlineData("\"expect\": { \"referrals\": { \"include\": [ \"Not A Code\" ] } }", "PR4005", "$.expect.referrals.include[0]")]
    [InlineData("\"expect\": { \"candidates\": { \"include\": [], \"include\": [] } }", "PR4008", "$.expect.candidates.include")]
    public void Read_BadExpectBlock_IsReportedWithLineAndColumn_WhileTheCoreReaderAcceptsIt(string members, string code, string path)
    {
        var json = Case("  " + members);

        var core = Read(json);
        var result = ReadExpect(json);

        Assert.True(core.Succeeded); // the clinical model has no part for expect: the core reader only accepts the key
        Assert.False(result.Succeeded);
        Assert.Null(result.Expectations);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(path, d.JsonPath);
        Assert.Equal(3, d.Line);
        Assert.True(d.Column > 0);
    }

    [Theory]
    [InlineData("\"expect\": { \"candidates\": { \"include\": [\"jane.roe@example.org\"] } }", "$.expect.candidates.include[0]")]
    [InlineData("\"expect\": { \"warnings\": { \"exclude\": [ { \"about\": \"123-45-6789\" } ] } }", "$.expect.warnings.exclude[0].about")]
    [InlineData("\"expect\": { \"warnings\": { \"include\": [ { \"ssn\": \"x\" } ] } }", "$.expect.warnings.include[0].ssn")]
    [InlineData("\"expect\": { \"noCandidates\": true, \"notes\": \"MRN 55501\" }", "$.expect[#2]")]
    public void AnIdentifierInTheExpectBlock_IsRefusedByTheCoreReaderAndTheExpectReader_NeverEchoed(string members, string path)
    {
        var json = Case("  " + members);

        var core = Read(json);
        var result = ReadExpect(json);

        Assert.Null(core.Case);
        Assert.Equal(path, Assert.Single(core.Diagnostics, d => d.Code == "PR4009").JsonPath);
        Assert.Null(result.Expectations);
        Assert.Equal(path, Assert.Single(result.Diagnostics, d => d.Code == "PR4009").JsonPath);
        foreach (var value in new[] { "jane.roe@example.org", "123-45-6789", "MRN 55501" })
        {
            NeverShown(core.Diagnostics, value);
            NeverShown(result.Diagnostics, value);
        }
    }

    [Fact]
    public void Read_NotJson_ReportsPR4001()
    {
        var result = ReadExpect("""{ "schema": "planrules.case/1", "expect": { """);

        Assert.Null(result.Expectations);
        Assert.Equal("PR4001", result.Diagnostics[0].Code);
    }

    [Fact]
    public void Read_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => CaseExpectationsReader.Read(null!, TestVocabulary.Instance));
        Assert.Throws<ArgumentNullException>(() => CaseExpectationsReader.Read("{}", null!));
    }

    [Fact]
    public void ReadAsReplayDoes_BadExpectBlock_RefusesTheCase_WithTheDiagnosticsOfBothInDocumentOrder()
    {
        var json = Case("""
              "findings": { "pain.regin": "lumbar" },
              "expect": { "referrals": { "include": ["Not A Code"] } }
            """);

        var result = ReadWithExpectations(json);

        Assert.Null(result.Case);
        Assert.Equal(["PR4004", "PR4005"], result.Diagnostics.Select(d => d.Code));
    }
}
