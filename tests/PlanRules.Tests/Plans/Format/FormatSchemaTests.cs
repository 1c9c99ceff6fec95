using Newtonsoft.Json.Linq;
using PlanRules.Tests.Review;

namespace PlanRules.Tests.Plans.Format;

/// <summary><c>rules/planrules.schema.json</c> knows the rule-file properties <c>purpose</c> and <c>restart</c> and the vocabulary's <c>screening</c>.</summary>
public sealed class FormatSchemaTests
{
    private const string RuleFile = """
        { "rules": [
          { "id": "m.inr", "title": "INR", "kind": "missing-information", "fact": "lab.inr", "purpose": "PURPOSE", "message": "Ask.",
            "appliesTo": "any", "when": "always" },
          { "id": "f.restart", "title": "restart", "kind": "follow-up", "appliesTo": "any", "measure": "medication.apixaban", "afterWeeks": 0,
            "restart": RESTART, "message": "Restart.", "when": { "fact": "medication.apixaban", "is": true } } ] }
        """;

    [Fact]
    public void RuleFile_WithPurposeAndRestart_IsValid() =>
        Assert.Empty(SchemaTests.Validate(RuleFile.Replace("PURPOSE", "screening").Replace("RESTART", "true")));

    [Theory]
    [InlineData("safty", "true")]
    [InlineData("safety", "\"yes\"")]
    public void RuleFile_WithAWrongPurposeOrRestart_IsRejected(string purpose, string restart) =>
        Assert.NotEmpty(SchemaTests.Validate(RuleFile.Replace("PURPOSE", purpose).Replace("RESTART", restart)));

    [Fact]
    public void Purpose_OnAWarning_IsRejected() =>
        Assert.NotEmpty(SchemaTests.Validate("""
            { "rules": [ { "id": "w", "title": "w", "kind": "warning", "severity": "info", "code": "x.y", "message": "m", "purpose": "safety",
                           "when": { "fact": "lab.inr", "above": 2 } } ] }
            """));

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"yes\"", false)]
    public void Vocabulary_Screening_IsABoolean(string value, bool valid)
    {
        var vocabulary = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Rules, "vocabulary.json")));
        vocabulary["facts"]!["finding.redflag.cauda_equina"]!["screening"] = JToken.Parse(value);
        Assert.Equal(valid, SchemaTests.Validate(vocabulary.ToString()).Count == 0);
    }
}
