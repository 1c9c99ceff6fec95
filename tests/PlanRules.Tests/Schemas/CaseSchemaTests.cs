using System.Text.Json.Nodes;
using PlanRules.Cases;
using PlanRules.Replay;

namespace PlanRules.Tests.Schemas;

/// <summary>
/// <c>schemas/case.schema.json</c> describes the case format as the reader implements it: every case of the repository
/// (corpus, docs examples, sample, fixtures) validates, and malformed cases are rejected.
/// </summary>
public sealed class CaseSchemaTests
{
    public static TheoryData<string> CaseFiles() => SchemaFiles.CaseFileData();

    [Fact]
    public void CaseFiles_AreFound()
    {
        var files = SchemaFiles.CaseFiles();
        Assert.True(files.Count(f => f.StartsWith("tests/PlanRules.Tests/Corpus/", StringComparison.Ordinal)) >= 100,
            "expected the clinical corpus under tests/PlanRules.Tests/Corpus");
        Assert.Contains("docs/examples/cases/lumbar-radicular-apixaban.json", files);
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void RepositoryCase_ValidatesAgainstTheCaseSchema(string file)
    {
        var errors = SchemaFiles.Validate(SchemaFiles.Case.Value, File.ReadAllText(Path.Combine(RepoPaths.Root, file)));
        Assert.True(errors.Count == 0, $"{file}:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Schema_IsDraft202012_AndNamesTheFormat()
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaFiles.CasePath))!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)root["$schema"]);
        Assert.Equal(PatientCase.Schema, (string?)root["properties"]!["schema"]!["const"]);
    }

    [Fact]
    public void Schema_TopLevelKeys_AreTheReadersKeys()
    {
        // A key the schema allows but the reader refuses (or the other way round) would make the schema lie.
        var root = JsonNode.Parse(File.ReadAllText(SchemaFiles.CasePath))!;
        var keys = root["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "caseId", "expect", "findings", "goals", "history", "labs", "patient", "schema" }, keys);
        var history = root["properties"]!["history"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "allergies", "conditions", "devices", "medications", "procedures" }, history);
    }

    private const string Minimal = """{ "schema": "planrules.case/1" }""";

    [Fact]
    public void MinimalCase_IsValid()
    {
        Assert.Empty(SchemaFiles.Validate(SchemaFiles.Case.Value, Minimal));
    }

    [Theory]
    [InlineData("no schema", """{ "caseId": "case-0001" }""")]
    [InlineData("another schema", """{ "schema": "planrules.case/2" }""")]
    [InlineData("unknown top-level key", """{ "schema": "planrules.case/1", "name": "x" }""")]
    [InlineData("caseId with capitals and a space", """{ "schema": "planrules.case/1", "caseId": "Case 1" }""")]
    [InlineData("caseId too long", """{ "schema": "planrules.case/1", "caseId": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }""")]
    [InlineData("age as text", """{ "schema": "planrules.case/1", "patient": { "ageYears": "58" } }""")]
    [InlineData("sex not a word of the format", """{ "schema": "planrules.case/1", "patient": { "sex": "f" } }""")]
    [InlineData("unknown patient key", """{ "schema": "planrules.case/1", "patient": { "dateOfBirth": "x" } }""")]
    [InlineData("finding as an object", """{ "schema": "planrules.case/1", "findings": { "pain.nrs": { "value": 7 } } }""")]
    [InlineData("finding code with capitals", """{ "schema": "planrules.case/1", "findings": { "Pain.NRS": 7 } }""")]
    [InlineData("conditions as a map", """{ "schema": "planrules.case/1", "history": { "conditions": { "diabetes.type2": true } } }""")]
    [InlineData("condition listed twice", """{ "schema": "planrules.case/1", "history": { "conditions": ["diabetes.type2", "diabetes.type2"] } }""")]
    [InlineData("medication as a bare string", """{ "schema": "planrules.case/1", "history": { "medications": ["apixaban"] } }""")]
    [InlineData("medication without a code", """{ "schema": "planrules.case/1", "history": { "medications": [ { "lastDoseHoursAgo": 12 } ] } }""")]
    [InlineData("unknown medication attribute", """{ "schema": "planrules.case/1", "history": { "medications": [ { "code": "apixaban", "mg": 5 } ] } }""")]
    [InlineData("heparin dose not a word", """{ "schema": "planrules.case/1", "history": { "medications": [ { "code": "enoxaparin", "dose": "high" } ] } }""")]
    [InlineData("relief above 100%", """{ "schema": "planrules.case/1", "history": { "procedures": [ { "code": "mbb.lumbar", "reliefPercent": 120 } ] } }""")]
    [InlineData("negative weeks", """{ "schema": "planrules.case/1", "history": { "procedures": [ { "code": "mbb.lumbar", "weeksAgo": -1 } ] } }""")]
    [InlineData("unknown history list", """{ "schema": "planrules.case/1", "history": { "surgeries": [] } }""")]
    [InlineData("lab as text", """{ "schema": "planrules.case/1", "labs": { "inr": "1.1" } }""")]
    [InlineData("goal not code-shaped", """{ "schema": "planrules.case/1", "goals": ["Return to work"] }""")]
    [InlineData("expectation not code-shaped", """{ "schema": "planrules.case/1", "expect": { "candidates": { "include": ["ESI lumbar"] } } }""")]
    [InlineData("unknown expectation", """{ "schema": "planrules.case/1", "expect": { "plan": true } }""")]
    [InlineData("warning expectation severity", """{ "schema": "planrules.case/1", "expect": { "warnings": { "include": [ { "severity": "high" } ] } } }""")]
    public void MalformedCase_IsRejected_ByTheSchemaAndByTheReader(string what, string json)
    {
        Assert.True(SchemaFiles.Validate(SchemaFiles.Case.Value, json).Count > 0, $"the case schema accepts a case with {what}");
        // The docs promise that a case the schema rejects is always refused: by the case reader, or — for the expect
        // block, which PlanRules.Testing reads — by the expectations reader (replay reads both and refuses either).
        var vocabulary = SchemaFiles.ShippedRules.Value.Vocabulary;
        var read = PatientCase.FromJson(json, vocabulary);
        var expectations = CaseExpectationsReader.Read(json, vocabulary);
        Assert.True(read.Case is null || !expectations.Succeeded, $"the readers accept a case with {what}, which the schema rejects");
    }

    [Fact]
    public void MinimalCase_IsReadByTheReader()
    {
        var read = PatientCase.FromJson(Minimal, SchemaFiles.ShippedRules.Value.Vocabulary);
        Assert.True(read.Case is not null, string.Join("\n", read.Diagnostics));
    }
}
