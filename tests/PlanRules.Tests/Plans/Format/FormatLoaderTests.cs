using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Plans.Format;

/// <summary>The rule-file and vocabulary properties of the plan format v2: <c>purpose</c>, <c>restart</c>, <c>screening</c>.</summary>
public sealed class FormatLoaderTests
{
    private const string AskPlatelets = """
        { "id": "m.plt", "title": "platelets", "kind": "missing-information", "fact": "lab.platelets", "message": "Platelets please.",
          "appliesTo": "any", "when": "always" PURPOSE }
        """;

    [Theory]
    [InlineData("safety")]
    [InlineData("screening")]
    [InlineData("eligibility")]
    public void Purpose_IsRead(string purpose)
    {
        var rules = FormatRuleSets.Rules(AskPlatelets.Replace("PURPOSE", $", \"purpose\": \"{purpose}\""));
        Assert.Equal(purpose, rules.Rules.Single(r => r.Id == "m.plt").Purpose);
    }

    [Fact]
    public void Purpose_IsNullWhenAbsent()
    {
        var rules = FormatRuleSets.Rules(AskPlatelets.Replace("PURPOSE", ""));
        Assert.Null(rules.Rules.Single(r => r.Id == "m.plt").Purpose);
    }

    [Fact]
    public void Purpose_UnknownWord_IsAnErrorAtItsLine()
    {
        var result = FormatRuleSets.Load("[" + FormatRuleSets.Propose + ",\n" + AskPlatelets.Replace("PURPOSE", ",\n \"purpose\": \"safty\"") + "]");
        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("PR1007", "test/rules.json"), (diagnostic.Code, diagnostic.File));
        Assert.Equal(7, diagnostic.Line);
        Assert.Contains("safety, screening, eligibility", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'safety'?", diagnostic.Suggestion ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Purpose_OnAnotherKind_IsAnUnknownKey()
    {
        var result = FormatRuleSets.Load("[" + FormatRuleSets.Propose + """
            , { "id": "w", "title": "w", "kind": "warning", "severity": "info", "code": "x.y", "message": "m", "purpose": "safety",
                "when": { "fact": "lab.inr", "above": 2 } }]
            """);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("purpose", StringComparison.Ordinal));
    }

    [Fact]
    public void Restart_AcceptsAMedicationFactAsMeasure()
    {
        var rules = FormatRuleSets.Rules("""
            { "id": "f.restart", "title": "restart", "kind": "follow-up", "appliesTo": "any", "measure": "medication.apixaban", "afterWeeks": 0,
              "restart": true, "message": "Restart apixaban as planned.", "when": { "fact": "medication.apixaban", "is": true } }
            """);
        var rule = rules.Rules.Single(r => r.Id == "f.restart");
        Assert.True(rule.Restart);
        Assert.Equal("medication.apixaban", rule.Measure);
        Assert.False(rules.Rules.Single(r => r.Id == "p.esi").Restart);
    }

    [Fact]
    public void Restart_WithAMeasureThatIsNoMedication_IsAnError()
    {
        var result = FormatRuleSets.Load("[" + FormatRuleSets.Propose + """
            , { "id": "f.restart", "title": "restart", "kind": "follow-up", "appliesTo": "any", "measure": "finding.pain.nrs", "afterWeeks": 0,
                "restart": true, "message": "m", "when": "always" }]
            """);
        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("PR1007", "test/rules.json"), (diagnostic.Code, diagnostic.File));
        Assert.True(diagnostic.Line > 0);
        Assert.Contains("medication fact", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_NotABoolean_IsAnError()
    {
        var result = FormatRuleSets.Load("[" + FormatRuleSets.Propose + """
            , { "id": "f.restart", "title": "restart", "kind": "follow-up", "appliesTo": "any", "measure": "medication.apixaban", "afterWeeks": 0,
                "restart": "yes", "message": "m", "when": "always" }]
            """);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "PR1002" && d.Message.Contains("'restart'", StringComparison.Ordinal));
    }

    [Fact]
    public void Vocabulary_Screening_IsRead()
    {
        var rules = FormatRuleSets.Rules("");
        Assert.True(rules.Vocabulary.TryGetFact("patient.pregnant", out var pregnant) && pregnant.Screening);
        Assert.True(rules.Vocabulary.TryGetFact("lab.inr", out var inr) && !inr.Screening);
    }

    [Fact]
    public void Vocabulary_Screening_NotABoolean_IsAnError()
    {
        var result = FormatRuleSets.Load("[" + FormatRuleSets.Propose + "]", vocabularyEdit: """
            { "finding.redflag.cauda_equina": { "type": "boolean", "label": "Cauda equina", "screening": "yes" } }
            """);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "PR1002" && d.File == "vocabulary.json" && d.Message.Contains("'screening'", StringComparison.Ordinal));
    }
}
