using System.Globalization;
using PlanRules.Rules;
using PlanRules.Cases;
using PlanRules.Replay;
using Xunit;
using static PlanRules.Tests.Cases.CaseTestHelpers;

namespace PlanRules.Tests.Cases;

public class CaseJsonWriterTests
{
    [Fact]
    public void ToJson_SpecExample_IsCanonical()
    {
        var json = PatientCaseValidateTests.ExampleCase().ToJson();

        const string Expected = """
            {
              "schema": "planrules.case/1",
              "caseId": "example-lumbar-radicular-01",
              "patient": {
                "ageYears": 58,
                "sex": "female",
                "pregnant": false
              },
              "findings": {
                "conservative_care.weeks": 6,
                "exam.neuro_deficit": "stable",
                "function.odi": 44,
                "imaging.concordant": true,
                "pain.duration_weeks": 10,
                "pain.nrs": 7,
                "pain.pattern": "radicular",
                "pain.region": "lumbar",
                "redflag.cauda_equina": false
              },
              "history": {
                "conditions": [
                  "diabetes.type2"
                ],
                "medications": [
                  {
                    "code": "apixaban",
                    "lastDoseHoursAgo": 12
                  }
                ],
                "allergies": [
                  "iodinated_contrast"
                ],
                "devices": [],
                "procedures": [
                  {
                    "code": "esi.lumbar.transforaminal",
                    "weeksAgo": 20,
                    "reliefPercent": 60,
                    "reliefWeeks": 12
                  }
                ]
              },
              "labs": {
                "hba1c": 7.2,
                "inr": 1,
                "platelets": 210
              },
              "goals": [
                "return_to_work",
                "avoid_implant"
              ]
            }
            """;
        Assert.Equal(Expected.ReplaceLineEndings("\n"), json);
    }

    [Fact]
    public void ToJson_SpecExampleFile_ReadsBackToTheSameCase()
    {
        var fromFile = Ok(Read(Fixture("example-lumbar-radicular-01.json")));

        Assert.Equal(PatientCaseValidateTests.ExampleCase().ToJson(), fromFile.ToJson());
    }

    [Fact]
    public void ToJson_UsesOnlyLineFeeds()
    {
        var json = PatientCaseValidateTests.ExampleCase().ToJson();

        Assert.DoesNotContain('\r', json);
        Assert.Contains('\n', json);
    }

    [Theory]
    [InlineData(7.0, "7")]
    [InlineData(7.2, "7.2")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(-0.0, "0")]
    [InlineData(1e20, "1E+20")]
    [InlineData(123456.75, "123456.75")]
    public void ToJson_Numbers_AreWrittenInTheirShortestRoundTripForm(double value, string text)
    {
        var json = new PatientCase { Labs = new Dictionary<string, double> { ["inr"] = value } }.ToJson();

        Assert.Contains($"\"inr\": {text}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_DoesNotDependOnTheCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var json = PatientCaseValidateTests.ExampleCase().ToJson();
            Assert.Contains("\"hba1c\": 7.2", json, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ToJson_FindingsAreSortedByOrdinalKey()
    {
        var c = new PatientCase { Findings = new Dictionary<string, FactValue> { ["pain.nrs"] = 3, ["Zeta"] = 1, ["exam.neuro_deficit"] = "none", ["a"] = true } };

        var json = c.ToJson();

        var order = new[] { "\"Zeta\"", "\"a\"", "\"exam.neuro_deficit\"", "\"pain.nrs\"" }.Select(k => json.IndexOf(k, StringComparison.Ordinal)).ToArray();
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void ToJson_EmptyCase_WritesOnlyTheSchema()
    {
        Assert.Equal("{\n  \"schema\": \"planrules.case/1\"\n}", new PatientCase().ToJson());
    }

    [Fact]
    public void ToJson_UnknownListsAreLeftOutAndEmptyListsAreKept()
    {
        var c = new PatientCase { History = new CaseHistory { Devices = [] }, Goals = [] };

        var json = c.ToJson();

        Assert.Contains("\"devices\": []", json, StringComparison.Ordinal);
        Assert.Contains("\"goals\": []", json, StringComparison.Ordinal);
        Assert.DoesNotContain("conditions", json, StringComparison.Ordinal);
        var read = Ok(Read(json));
        Assert.NotNull(read.History.Devices);
        Assert.Null(read.History.Conditions);
        Assert.Null(read.History.Medications);
        Assert.NotNull(read.Goals);
    }

    [Fact]
    public void ToJson_KeysComeInTheCanonicalOrder()
    {
        var c = PatientCaseValidateTests.ExampleCase();
        var expect = new CaseExpectations { NoCandidates = true, Candidates = new ListExpectation { Include = ["mbb.lumbar"] } };

        var json = CaseExpectationsWriter.WriteCase(c, expect);

        var keys = new[] { "schema", "caseId", "patient", "findings", "history", "labs", "goals", "expect" }
            .Select(k => json.IndexOf($"\n  \"{k}\":", StringComparison.Ordinal)).ToArray();
        Assert.DoesNotContain(-1, keys);
        Assert.Equal(keys.Order(), keys);
    }

    [Fact]
    public void ToJson_ExpectBlock_RoundTrips()
    {
        var fixture = Fixture("example-with-expectations.json");
        var c = Ok(Read(fixture));
        var expect = CaseExpectationsReader.Read(fixture, TestVocabulary.Instance).Expectations!;

        var json = CaseExpectationsWriter.WriteCase(c, expect);
        var again = Ok(Read(json));
        var againExpect = CaseExpectationsReader.Read(json, TestVocabulary.Instance);

        Assert.Empty(againExpect.Diagnostics);
        Assert.Equal(json, CaseExpectationsWriter.WriteCase(again, againExpect.Expectations));
        Assert.Equal(expect.Warnings!.Include[0], againExpect.Expectations!.Warnings!.Include[0]);
        Assert.Equal(expect.NoCandidates, againExpect.Expectations.NoCandidates);
    }

    [Fact]
    public void ToJson_ClinicalCase_WritesNoExpectBlock()
    {
        var fixture = Fixture("example-with-expectations.json");

        var json = Ok(Read(fixture)).ToJson();

        Assert.DoesNotContain("\"expect\"", json, StringComparison.Ordinal);
        Assert.Equal(json, CaseExpectationsWriter.WriteCase(Ok(Read(fixture)), null));
    }

    [Fact]
    public void ToJson_EscapesStrings()
    {
        // A case id with such characters is refused when read back (PR4011), which shows it was written as one JSON string.
        var c = new PatientCase { CaseId = "quote \" backslash \\ tab \t ü" };

        var d = Assert.Single(Read(c.ToJson()).Diagnostics);

        Assert.Equal("PR4011", d.Code);
        Assert.Equal("$.caseId", d.JsonPath);
    }

    [Fact]
    public void ToJson_NonFiniteNumber_Throws()
    {
        var c = new PatientCase { Labs = new Dictionary<string, double> { ["inr"] = double.PositiveInfinity } };

        Assert.Throws<InvalidOperationException>(() => c.ToJson());
    }
}
