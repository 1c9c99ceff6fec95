using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PlanRules.Rules;
using PlanRules.Cases;
using PlanRules.Replay;
using Xunit;
using static PlanRules.Tests.Cases.CaseTestHelpers;
using PlanRules.Privacy;

namespace PlanRules.Tests.Privacy;

/// <summary>
/// A value that came from a case never appears in a diagnostic: words, codes, numbers, keys, case ids and
/// expectations that are not the rule set's own are described by their shape. One test per leak found from outside.
/// </summary>
public class CaseRedactionTests
{
    private const string Name = "Maria Okonkwo-Jürgensen";

    private static void NotEchoed(CaseReadResult result, string value)
    {
        Assert.Null(result.Case);
        Assert.NotEmpty(result.Diagnostics);
        var folded = Fold(value);
        foreach (var d in result.Diagnostics)
        {
            foreach (var text in new[] { d.ToString(), d.Message, d.Suggestion ?? "", d.JsonPath ?? "" })
                Assert.DoesNotContain(folded, Fold(text), StringComparison.Ordinal);
        }
    }

    /// <summary>How outputs are compared: NFKC and case folding, so a variant spelling of the value is caught too.</summary>
    internal static string Fold(string s) => AnonymizationGuard.Canonical(s).ToUpperInvariant();

    [Fact]
    public void AName_AsAWordValue_IsDescribedByItsShape()
    {
        var result = Read(Case($$"""  "findings": { "pain.laterality": "{{Name}}" }"""));

        var d = Single(result);
        Assert.Equal("PR4005", d.Code);
        Assert.Equal("a text of 23 characters is not an allowed word for 'finding.pain.laterality'", d.Message);
        Assert.Equal("$.findings['pain.laterality']", d.JsonPath);
        NotEchoed(result, Name);
        NotEchoed(result, "Okonkwo");
    }

    [Theory]
    [InlineData("""  "history": { "medications": [ { "code": "aspirin", "indication": "RN 4481-2291" } ] }""", "4481-2291")]
    [InlineData("""  "history": { "medications": [ { "code": "aspirin", "indication": "448122913" } ] }""", "448122913")]
    [InlineData("""  "patient": { "sex": "4 March 1961" }""", "1961")]
    [InlineData("""  "patient": { "sex": "born March 4, 1961" }""", "1961")]
    [InlineData("""  "patient": { "sex": "04-Mar-1961" }""", "1961")]
    [InlineData("""  "patient": { "sex": "zoë.müller@exämple.de" }""", "müller")]
    [InlineData("""  "patient": { "sex": "ｚｏｅ＠ｅｘａｍｐｌｅ．ｏｒｇ" }""", "zoe")]
    [InlineData("""  "patient": { "sex": "tel 020 7946 0958" }""", "7946")]
    [InlineData("""  "patient": { "sex": "١٩٦١-٠٣-٠٤" }""", "١٩٦١")]
    [InlineData("""  "patient": { "sex": "１９６１-０３-０４" }""", "１９６１")]
    [InlineData("""  "patient": { "sex": "٤ March ١٩٦١" }""", "١٩٦١")]
    public void IdentifierLikeValues_InAnyScript_AreRefusedAsIdentifiers_NeverEchoed(string members, string part)
    {
        var result = Read(Case(members));

        Assert.Contains(result.Diagnostics, d => d.Code == "PR4009");
        NotEchoed(result, part);
    }

    [Fact]
    public void ARecordNumber_AsANumericFinding_IsDescribedByWhereItStandsAgainstTheRange()
    {
        var result = Read(Case("""  "findings": { "pain.nrs": 4481229 }"""));

        var d = Single(result);
        Assert.Equal("PR4006", d.Code);
        Assert.Equal("a number above 10 is out of range for 'finding.pain.nrs'", d.Message);
        NotEchoed(result, "4481229");
    }

    [Theory]
    [InlineData("Maria Okonkwo")]
    [InlineData("Okonkwo")]
    [InlineData("case 17")]
    [InlineData("CASE-0001")]
    [InlineData("case--1")]
    [InlineData("case-1961-03-04")]
    [InlineData("case-44812291")]
    public void ACaseIdThatIsNotAnOpaqueLabel_IsRefused_NeverEchoed(string caseId)
    {
        var result = Read(Case($$"""  "caseId": "{{caseId}}" """));

        var d = Assert.Single(result.Diagnostics);
        Assert.Contains(d.Code, new[] { "PR4011", "PR4009" });
        Assert.Equal("$.caseId", d.JsonPath);
        NotEchoed(result, caseId);
    }

    [Theory]
    [InlineData("case-0001")]
    [InlineData("lumbar-radicular-apixaban")]
    [InlineData("antithrombotic-apixaban-71-hours-esi-hold")]
    [InlineData("a.b_c-1")]
    public void AnOpaqueLabel_IsAValidCaseId(string caseId)
    {
        Assert.True(CaseIds.IsValid(caseId));
        Assert.Equal(caseId, Ok(Read(Case($$"""  "caseId": "{{caseId}}" """))).CaseId);
    }

    [Theory]
    [InlineData("""  "expect": { "candidates": { "include": ["Maria Okonkwo"] } }""", "$.expect.candidates.include[0]")]
    [InlineData("""  "expect": { "warnings": { "include": [ { "about": "Okonkwo" } ] } }""", "$.expect.warnings.include[0].about")]
    public void ANameInAnExpectation_IsRefused_NeverEchoed(string members, string path)
    {
        var result = ReadWithExpectations(Case(members));
        var expect = CaseExpectationsReader.Read(Case(members), PlanRules.Tests.Cases.TestVocabulary.Instance);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("PR4005", d.Code);
        Assert.Equal(path, d.JsonPath);
        NotEchoed(result, "Okonkwo");
        Assert.Null(expect.Expectations);
        Assert.Equal([d], expect.Diagnostics);
    }

    [Fact]
    public void AnUnknownKey_IsWrittenByPosition_NeverByName()
    {
        var result = Read(Case("""  "findings": { "pain.nrs": 3, "Okonkwo": 1 }, "Maria": {}"""));

        Assert.Equal(["$.findings[#2]", "$[#3]"], result.Diagnostics.Select(d => d.JsonPath));
        NotEchoed(result, "Okonkwo");
        NotEchoed(result, "Maria");
    }

    [Fact]
    public void ACaseBuiltInCSharp_GetsTheSameRedaction()
    {
        var c = new PatientCase
        {
            CaseId = "Maria Okonkwo",
            Findings = new Dictionary<string, FactValue> { ["pain.laterality"] = FactValue.Word("Okonkwo"), ["Okonkwo"] = FactValue.Number(1) },
        };

        var diagnostics = c.Validate(TestVocabulary());

        Assert.Equal(3, diagnostics.Count);
        foreach (var d in diagnostics) Assert.DoesNotContain("OKONKWO", Fold(d.ToString()), StringComparison.Ordinal);
    }

    private static PlanRules.Rules.Vocabulary TestVocabulary() => Tests.Cases.TestVocabulary.Instance;

    // ------------------------------------------------------------------ the guard never throws

    [Property(MaxTest = 500)]
    public void TheGuard_NeverThrows_OnAnyString(NonNull<string> value)
    {
        _ = AnonymizationGuard.ValueKind(value.Get);
        _ = AnonymizationGuard.FieldKind(value.Get);
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("a\uDC00b")]
    [InlineData("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩")]
    [InlineData("𝟏𝟗𝟔𝟏-𝟎𝟑-𝟎𝟒")]
    [InlineData("٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩-٠١-٠١")]
    public void TheGuard_HandlesSurrogatesAndDigitsOfEveryScript(string value)
    {
        _ = AnonymizationGuard.ValueKind(value);
        var result = Read(Case($$"""  "patient": { "sex": "{{value}}" }"""));
        Assert.Null(result.Case);
    }

    // ------------------------------------------------------------------ strict JSON

    [Theory]
    [InlineData("""{ "schema": "planrules.case/1", "findings": { "pain.nrs": new Date(1) } }""", "constructor")]
    [InlineData("""{ "schema": "planrules.case/1" /* comment */ }""", "comment")]
    [InlineData("""{ "schema": "planrules.case/1" } // comment""", "comment")]
    [InlineData("""{ 'schema': "planrules.case/1" }""", "single quotes")]
    [InlineData("""{ "schema": 'planrules.case/1' }""", "single quotes")]
    [InlineData("""{ schema: "planrules.case/1" }""", "double quotes")]
    [InlineData("""{ "schema": "planrules.case/1", "findings": { "pain.nrs": 0x07 } }""", "hexadecimal")]
    [InlineData("""{ "schema": "planrules.case/1", "findings": { "pain.nrs": 07 } }""", "leading zero")]
    [InlineData("""{ "schema": "planrules.case/1", "findings": { "pain.nrs": NaN } }""", "NaN")]
    [InlineData("""{ "schema": "planrules.case/1", "findings": { "pain.nrs": -Infinity } }""", "NaN and Infinity")]
    [InlineData("""{ "schema": "planrules.case/1", "goals": ["walk_further",] }""", "trailing commas")]
    [InlineData("""{ "schema": "planrules.case/1", }""", "trailing commas")]
    [InlineData("""{ "schema": "planrules.case/1", "findings": { "pain.nrs": undefined } }""", "undefined")]
    [InlineData("""{ "schema": "planrules.case/1", "findings": { "pain.nrs": .5 } }""", "expected a JSON value")]
    [InlineData("{ \"schema\": \"planrules.case/1\", \"caseId\": \"a\tb\" }", "control character")]
    public void LenientJson_IsPR4001_NamingWhatIsWrong(string json, string words)
    {
        var d = Assert.Single(Read(json).Diagnostics);

        Assert.Equal("PR4001", d.Code);
        Assert.Contains(words, d.Message, StringComparison.Ordinal);
        Assert.True(d.Line > 0 && d.Column > 0);
    }

    [Fact]
    public void HugeNumbers_AreOutOfRange_NotACrash()
    {
        var result = Read(Case("""  "findings": { "pain.nrs": 1e400, "function.odi": 18446744073709551616 }, "labs": { "inr": -1e400 }"""));

        Assert.Null(result.Case);
        Assert.All(result.Diagnostics, d => Assert.Equal("PR4006", d.Code));
        Assert.Equal(3, result.Diagnostics.Count);
    }

    [Fact]
    public void AMillionLevelsOfNesting_AreRefused_WithoutAStackOverflow()
    {
        var json = new StringBuilder("{ \"schema\": \"planrules.case/1\", \"goals\": ")
            .Append('[', 1_000_000).Append(']', 1_000_000).Append('}').ToString();

        var d = Assert.Single(Read(json).Diagnostics);

        Assert.Equal("PR4010", d.Code);
    }
}
