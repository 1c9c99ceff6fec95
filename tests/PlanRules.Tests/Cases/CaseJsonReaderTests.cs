using PlanRules.Cases;
using PlanRules.Rules;
using Xunit;
using static PlanRules.Tests.Cases.CaseTestHelpers;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Cases;

public class CaseJsonReaderTests
{
    // ------------------------------------------------------------------ the spec's example

    [Fact]
    public void FromJson_SpecExample_ReadsWithoutDiagnostics()
    {
        var result = Read(Fixture("example-lumbar-radicular-01.json"));

        var c = Ok(result);
        Assert.Equal("example-lumbar-radicular-01", c.CaseId);
        Assert.Equal(58, c.Patient.AgeYears);
        Assert.Equal("female", c.Patient.Sex);
        Assert.False(c.Patient.Pregnant);
    }

    [Fact]
    public void FromJson_SpecExample_HasTheFindingsWithoutTheirSection()
    {
        var c = Ok(Read(Fixture("example-lumbar-radicular-01.json")));

        Assert.Equal(9, c.Findings.Count);
        Assert.Equal(FactValue.Word("lumbar"), c.Findings["pain.region"]);
        Assert.Equal(FactValue.Word("radicular"), c.Findings["pain.pattern"]);
        Assert.Equal(FactValue.Number(10), c.Findings["pain.duration_weeks"]);
        Assert.Equal(FactValue.Number(7), c.Findings["pain.nrs"]);
        Assert.Equal(FactValue.Number(44), c.Findings["function.odi"]);
        Assert.Equal(FactValue.Boolean(true), c.Findings["imaging.concordant"]);
        Assert.Equal(FactValue.Word("stable"), c.Findings["exam.neuro_deficit"]);
        Assert.Equal(FactValue.Number(6), c.Findings["conservative_care.weeks"]);
        Assert.Equal(FactValue.Boolean(false), c.Findings["redflag.cauda_equina"]);
        Assert.DoesNotContain(c.Findings.Keys, k => k.StartsWith("finding.", StringComparison.Ordinal));
    }

    [Fact]
    public void FromJson_SpecExample_HasTheHistoryLabsAndGoals()
    {
        var c = Ok(Read(Fixture("example-lumbar-radicular-01.json")));

        Assert.Equal(["diabetes.type2"], c.History.Conditions!);
        var medication = Assert.Single(c.History.Medications!);
        Assert.Equal("apixaban", medication.Code);
        Assert.Equal(12, medication.LastDoseHoursAgo);
        Assert.Null(medication.Dose);
        Assert.Null(medication.Indication);
        Assert.Equal(["iodinated_contrast"], c.History.Allergies!);
        Assert.NotNull(c.History.Devices);
        Assert.Empty(c.History.Devices);
        var procedure = Assert.Single(c.History.Procedures!);
        Assert.Equal(new ProcedureEntry("esi.lumbar.transforaminal") { WeeksAgo = 20, ReliefPercent = 60, ReliefWeeks = 12 }, procedure);
        Assert.Equal(3, c.Labs.Count);
        Assert.Equal(1.0, c.Labs["inr"]);
        Assert.Equal(210, c.Labs["platelets"]);
        Assert.Equal(7.2, c.Labs["hba1c"]);
        Assert.Equal(["return_to_work", "avoid_implant"], c.Goals!);
    }

    // ------------------------------------------------------------------ absent means unknown

    [Fact]
    public void FromJson_OnlySchema_LeavesEverythingUnknown()
    {
        var c = Ok(Read("""{ "schema": "planrules.case/1" }"""));

        Assert.Null(c.CaseId);
        Assert.Equal(new PatientInfo(), c.Patient);
        Assert.Empty(c.Findings);
        Assert.Null(c.History.Conditions);
        Assert.Null(c.History.Medications);
        Assert.Null(c.History.Allergies);
        Assert.Null(c.History.Devices);
        Assert.Null(c.History.Procedures);
        Assert.Empty(c.Labs);
        Assert.Null(c.Goals);
    }

    [Fact]
    public void FromJson_HistoryWithoutDevicesKey_LeavesDevicesNull()
    {
        var c = Ok(Read(Case("""  "history": { "conditions": [], "medications": [] }""")));

        Assert.Null(c.History.Devices);
        Assert.Null(c.History.Allergies);
        Assert.Null(c.History.Procedures);
    }

    [Fact]
    public void FromJson_EmptyLists_AreKnownNone()
    {
        var c = Ok(Read(Case("""
              "history": { "conditions": [], "medications": [], "allergies": [], "devices": [], "procedures": [] },
              "goals": []
            """)));

        Assert.Empty(c.History.Conditions!);
        Assert.Empty(c.History.Medications!);
        Assert.Empty(c.History.Allergies!);
        Assert.Empty(c.History.Devices!);
        Assert.Empty(c.History.Procedures!);
        Assert.Empty(c.Goals!);
    }

    [Fact]
    public void FromJson_MissingGoals_LeavesGoalsNull()
    {
        var c = Ok(Read(Case("""  "findings": { "pain.nrs": 3 }""")));

        Assert.Null(c.Goals);
    }

    [Fact]
    public void FromJson_MedicationWithoutAttributes_HasNullAttributes()
    {
        var c = Ok(Read(Case("""  "history": { "medications": [ { "code": "enoxaparin" }, { "code": "aspirin", "indication": "secondary_prevention" } ] }""")));

        Assert.Equal(new MedicationEntry("enoxaparin"), c.History.Medications![0]);
        Assert.Equal(new MedicationEntry("aspirin") { Indication = "secondary_prevention" }, c.History.Medications[1]);
    }

    [Fact]
    public void FromJson_LabKeys_HaveNoSection()
    {
        var c = Ok(Read(Case("""  "labs": { "inr": 1.3 }""")));

        Assert.Equal(1.3, c.Labs["inr"]);
        Assert.False(c.Labs.ContainsKey("lab.inr"));
    }

    [Fact]
    public void FromJson_SameProcedureTwice_IsAllowedAsTwoSessions()
    {
        var c = Ok(Read(Case("""
              "history": { "procedures": [ { "code": "mbb.lumbar", "weeksAgo": 8, "reliefPercent": 90 },
                                           { "code": "mbb.lumbar", "weeksAgo": 4, "reliefPercent": 85 } ] }
            """)));

        Assert.Equal(2, c.History.Procedures!.Count);
        Assert.All(c.History.Procedures, p => Assert.Equal("mbb.lumbar", p.Code));
    }

    // ------------------------------------------------------------------ PR4001 syntax

    [Fact]
    public void FromJson_InvalidJson_ReportsPR4001WithLineAndColumn()
    {
        var json = "{\n  \"schema\": \"planrules.case/1\",\n  \"caseId\": \"a\"\n  \"findings\": {}\n}";

        var d = Single(Read(json));

        Assert.Equal("PR4001", d.Code);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(4, d.Line);
        Assert.True(d.Column > 0);
        Assert.StartsWith("the case is not valid JSON", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"schema\": \"planrules.case/1\"} {}")]
    [InlineData("{\"schema\": \"planrules.case/1\", \"caseId\": \"unterminated}")]
    [InlineData("{\"schema\": tru}")]
    [InlineData("{\"schema\": \"planrules.case/1\", \"goals\": [\"a\"")]
    [InlineData("{\"schema\": \"planrules.case/1\", \"caseId\": ")]
    public void FromJson_NotJson_ReportsPR4001(string json)
    {
        var d = Single(Read(json));

        Assert.Equal("PR4001", d.Code);
        Assert.Null(d.File);
    }

    [Fact]
    public void FromJson_SyntaxErrorNearAnUnquotedIdentifier_DoesNotEchoIt()
    {
        var result = Read("{\"schema\": \"planrules.case/1\", \"caseId\": 555-123-4567}");

        Assert.Equal("PR4001", Assert.Single(result.Diagnostics).Code);
        NeverShown(result.Diagnostics, "555-123-4567");
    }

    [Fact]
    public void FromJson_RootIsAnArray_ReportsPR4002()
    {
        var d = Single(Read("[1, 2]"));

        Assert.Equal("PR4002", d.Code);
        Assert.Contains("expected a JSON object for the case but found an array", d.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ PR4002 types

    [Fact]
    public void FromJson_StringForNumberFinding_ReportsPR4002NamingTheFact()
    {
        var d = Single(Read(Case("""  "findings": { "pain.nrs": "7" }""")));

        Assert.Equal("PR4002", d.Code);
        Assert.Equal("expected a number for 'finding.pain.nrs' but found a string", d.Message);
        Assert.Equal("$.findings['pain.nrs']", d.JsonPath);
    }

    [Fact]
    public void FromJson_NullFinding_ReportsPR4002BecauseAbsentIsHowToSayUnknown()
    {
        var d = Single(Read(Case("""  "findings": { "imaging.concordant": null }""")));

        Assert.Equal("PR4002", d.Code);
        Assert.Contains("found null", d.Message, StringComparison.Ordinal);
        Assert.Equal("leave the finding out when it is unknown", d.Suggestion);
    }

    [Theory]
    [InlineData("\"findings\": { \"pain.region\": 3 }", "expected a word (a string) for 'finding.pain.region' but found a number")]
    [InlineData("\"findings\": { \"imaging.concordant\": \"yes\" }", "expected true or false for 'finding.imaging.concordant' but found a string")]
    [InlineData("\"findings\": { \"pain.nrs\": [7] }", "expected a number for 'finding.pain.nrs' but found an array")]
    [InlineData("\"patient\": \"female\"", "expected an object for 'patient' but found a string")]
    [InlineData("\"patient\": { \"ageYears\": \"58\" }", "expected a number for 'patient.ageYears' but found a string")]
    [InlineData("\"patient\": { \"pregnant\": \"no\" }", "expected true or false for 'patient.pregnant' but found a string")]
    [InlineData("\"caseId\": 17", "expected a string for 'caseId' but found a number")]
    [InlineData("\"history\": { \"conditions\": \"diabetes.type2\" }", "expected an array of condition codes for 'conditions' but found a string")]
    [InlineData("\"history\": { \"devices\": [ 1 ] }", "expected a string (device code) for $.history.devices[0] but found a number")]
    [InlineData("\"history\": { \"procedures\": [ { \"code\": \"mbb.lumbar\", \"weeksAgo\": \"8\" } ] }", "expected a number for 'weeksAgo' but found a string")]
    [InlineData("\"labs\": { \"inr\": \"1.2\" }", "expected a number for 'lab.inr' but found a string")]
    [InlineData("\"goals\": {}", "expected an array of goal codes for 'goals' but found an object")]
    [InlineData("\"expect\": { \"noCandidates\": \"false\" }", "expected true or false for 'noCandidates' but found a string")]
    [InlineData("\"expect\": { \"candidates\": [\"scs.trial\"] }", "expected an object for 'candidates' but found an array")]
    public void FromJson_WrongJsonType_ReportsPR4002(string members, string message)
    {
        var d = Single(ReadCaseFile(Case("  " + members)));

        Assert.Equal("PR4002", d.Code);
        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void FromJson_MedicationGivenAsAString_ReportsPR4002WithTheObjectForm()
    {
        var d = Single(Read(Case("""  "history": { "medications": ["apixaban"] }""")));

        Assert.Equal("PR4002", d.Code);
        Assert.Equal("$.history.medications[0]", d.JsonPath);
        Assert.Equal("write { \"code\": \"apixaban\" }", d.Suggestion);
    }

    [Fact]
    public void FromJson_MedicationWithoutCode_ReportsPR4002()
    {
        var d = Single(Read(Case("""  "history": { "medications": [ { "lastDoseHoursAgo": 12 } ] }""")));

        Assert.Equal("PR4002", d.Code);
        Assert.Contains("'code'", d.Message, StringComparison.Ordinal);
        Assert.Contains("missing", d.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ PR4003 unknown keys

    [Fact]
    public void FromJson_UnknownTopLevelKey_ReportsPR4003WithSuggestion()
    {
        var d = Single(Read(Case("""  "finding": { "pain.nrs": 7 }""")));

        Assert.Equal("PR4003", d.Code);
        Assert.Equal("unknown key (a key of 7 characters) in the case", d.Message);
        Assert.Equal("did you mean 'findings'?", d.Suggestion);
        Assert.Equal("$[#2]", d.JsonPath); // the second key of the case; an unknown key is never written out
    }

    [Theory]
    [InlineData("\"patient\": { \"AgeYears\": 58 }", "$.patient[#1]", "did you mean 'ageYears'?")]
    [InlineData("\"history\": { \"device\": [] }", "$.history[#1]", "did you mean 'devices'?")]
    [InlineData("\"history\": { \"medications\": [ { \"code\": \"apixaban\", \"lastDoseHoursAg\": 3 } ] }", "$.history.medications[0][#2]", "did you mean 'lastDoseHoursAgo'?")]
    [InlineData("\"history\": { \"procedures\": [ { \"code\": \"mbb.lumbar\", \"relief\": 80 } ] }", "$.history.procedures[0][#2]", null)]
    [InlineData("\"expect\": { \"candidate\": { \"include\": [] } }", "$.expect[#1]", "did you mean 'candidates'?")]
    [InlineData("\"expect\": { \"candidates\": { \"includes\": [] } }", "$.expect.candidates[#1]", "did you mean 'include'?")]
    [InlineData("\"expect\": { \"warnings\": { \"include\": [ { \"abut\": \"x\" } ] } }", "$.expect.warnings.include[0][#1]", "did you mean 'about'?")]
    public void FromJson_UnknownKeyAtAnyLevel_ReportsPR4003(string members, string path, string? suggestion)
    {
        var d = Single(ReadCaseFile(Case("  " + members)));

        Assert.Equal("PR4003", d.Code);
        Assert.Equal(path, d.JsonPath);
        if (suggestion is null) Assert.StartsWith("remove it", d.Suggestion, StringComparison.Ordinal);
        else Assert.Equal(suggestion, d.Suggestion);
    }

    // ------------------------------------------------------------------ PR4004 unknown codes

    [Fact]
    public void FromJson_UnknownFinding_ReportsPR4004WithSuggestion()
    {
        var d = Single(Read(Case("""  "findings": { "pain.duratoin_weeks": 10 }""")));

        Assert.Equal("PR4004", d.Code);
        Assert.Equal("unknown finding code (a text of 19 characters)", d.Message);
        Assert.Equal("did you mean 'pain.duration_weeks'?", d.Suggestion);
        Assert.Equal("$.findings[#1]", d.JsonPath);
    }

    [Theory]
    [InlineData("\"history\": { \"conditions\": [\"diabetes.typ2\"] }", "unknown condition code (a text of 13 characters)", "$.history.conditions[0]", "did you mean 'diabetes.type2'?")]
    [InlineData("\"history\": { \"medications\": [ { \"code\": \"apixabn\" } ] }", "unknown medication code (a text of 7 characters)", "$.history.medications[0].code", "did you mean 'apixaban'?")]
    [InlineData("\"history\": { \"allergies\": [\"latexx\"] }", "unknown allergy code (a text of 6 characters)", "$.history.allergies[0]", "did you mean 'latex'?")]
    [InlineData("\"history\": { \"devices\": [\"pacemakr\"] }", "unknown device code (a text of 8 characters)", "$.history.devices[0]", "did you mean 'pacemaker'?")]
    [InlineData("\"history\": { \"procedures\": [ { \"code\": \"mbb.lumbr\" } ] }", "unknown procedure code (a text of 9 characters)", "$.history.procedures[0].code", "did you mean 'mbb.lumbar'?")]
    [InlineData("\"labs\": { \"inrr\": 1.1 }", "unknown lab code (a text of 4 characters)", "$.labs[#1]", "did you mean 'inr'?")]
    [InlineData("\"goals\": [\"avoid_implants\"]", "unknown goal code (a text of 14 characters)", "$.goals[0]", "did you mean 'avoid_implant'?")]
    public void FromJson_UnknownCodeInEachSection_ReportsPR4004WithSuggestion(string members, string message, string path, string suggestion)
    {
        var d = Single(Read(Case("  " + members)));

        Assert.Equal("PR4004", d.Code);
        Assert.Equal(message, d.Message);
        Assert.Equal(path, d.JsonPath);
        Assert.Equal(suggestion, d.Suggestion);
    }

    [Fact]
    public void FromJson_FindingKeyWithItsSection_SuggestsTheCodeWithout()
    {
        var d = Single(Read(Case("""  "findings": { "finding.pain.nrs": 7 }""")));

        Assert.Equal("PR4004", d.Code);
        Assert.StartsWith("did you mean 'pain.nrs'?", d.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_LabPutInFindings_SuggestsLabs()
    {
        var d = Single(Read(Case("""  "findings": { "platelets": 210 }""")));

        Assert.Equal("PR4004", d.Code);
        Assert.Equal("'platelets' is a lab: put it in labs", d.Suggestion);
    }

    [Fact]
    public void FromJson_UnknownCodeWithNothingClose_HasNoSuggestion()
    {
        var d = Single(Read(Case("""  "history": { "conditions": ["zzzzzzzzzzzz"] }""")));

        Assert.Equal("PR4004", d.Code);
        Assert.Null(d.Suggestion);
    }

    // ------------------------------------------------------------------ PR4005 words

    [Fact]
    public void FromJson_WordNotAllowed_ReportsPR4005WithSuggestion()
    {
        var d = Single(Read(Case("""  "findings": { "pain.region": "lumbr" }""")));

        Assert.Equal("PR4005", d.Code);
        Assert.Equal("a text of 5 characters is not an allowed word for 'finding.pain.region'", d.Message);
        Assert.Equal("did you mean 'lumbar'?", d.Suggestion);
    }

    [Fact]
    public void FromJson_WordFarFromAnyAllowed_ListsTheAllowedWords()
    {
        var d = Single(Read(Case("""  "findings": { "exam.neuro_deficit": "worsening quickly" }""")));

        Assert.Equal("PR4005", d.Code);
        Assert.Equal("use one of: none, stable, progressive", d.Suggestion);
    }

    [Theory]
    [InlineData("\"patient\": { \"sex\": \"femal\" }", "$.patient.sex")]
    [InlineData("\"history\": { \"medications\": [ { \"code\": \"enoxaparin\", \"dose\": \"high\" } ] }", "$.history.medications[0].dose")]
    [InlineData("\"history\": { \"medications\": [ { \"code\": \"aspirin\", \"indication\": \"prevention\" } ] }", "$.history.medications[0].indication")]
    [InlineData("\"findings\": { \"pain.pattern\": \"\" }", "$.findings['pain.pattern']")]
    [InlineData("\"expect\": { \"warnings\": { \"include\": [ { \"severity\": \"severe\" } ] } }", "$.expect.warnings.include[0].severity")]
    public void FromJson_WordNotAllowedAnywhere_ReportsPR4005(string members, string path)
    {
        var d = Single(ReadCaseFile(Case("  " + members)));

        Assert.Equal("PR4005", d.Code);
        Assert.Equal(path, d.JsonPath);
    }

    // ------------------------------------------------------------------ PR4006 ranges

    [Fact]
    public void FromJson_NumberOutOfRange_ReportsPR4006()
    {
        var d = Single(Read(Case("""  "findings": { "pain.nrs": 11 }""")));

        Assert.Equal("PR4006", d.Code);
        Assert.Equal("a number above 10 is out of range for 'finding.pain.nrs'", d.Message);
        Assert.Equal("use a value from 0 to 10", d.Suggestion);
        Assert.Equal("$.findings['pain.nrs']", d.JsonPath);
    }

    [Theory]
    [InlineData("\"patient\": { \"ageYears\": -1 }", "$.patient.ageYears")]
    [InlineData("\"labs\": { \"platelets\": 2000.5 }", "$.labs.platelets")]
    [InlineData("\"history\": { \"procedures\": [ { \"code\": \"mbb.lumbar\", \"reliefPercent\": 150 } ] }", "$.history.procedures[0].reliefPercent")]
    [InlineData("\"history\": { \"procedures\": [ { \"code\": \"mbb.lumbar\", \"weeksAgo\": -2 } ] }", "$.history.procedures[0].weeksAgo")]
    [InlineData("\"history\": { \"medications\": [ { \"code\": \"warfarin\", \"lastDoseHoursAgo\": 100001 } ] }", "$.history.medications[0].lastDoseHoursAgo")]
    [InlineData("\"findings\": { \"pain.duration_weeks\": 1e400 }", "$.findings['pain.duration_weeks']")]
    public void FromJson_NumberOutOfRangeAnywhere_ReportsPR4006(string members, string path)
    {
        var d = Single(Read(Case("  " + members)));

        Assert.Equal("PR4006", d.Code);
        Assert.Equal(path, d.JsonPath);
    }

    [Fact]
    public void FromJson_AttributeOutOfRange_NamesTheAttributeAndEntry()
    {
        var d = Single(Read(Case("""  "history": { "procedures": [ { "code": "mbb.lumbar", "reliefPercent": 150 } ] }""")));

        Assert.Equal("a number above 100 is out of range for 'reliefPercent' of procedure 'mbb.lumbar'", d.Message);
        Assert.Equal("use a value from 0 to 100 percent", d.Suggestion);
    }

    [Fact]
    public void FromJson_BoundaryValues_AreInRange()
    {
        Ok(Read(Case("""  "findings": { "pain.nrs": 0, "function.odi": 100 }, "labs": { "inr": 0.5 }""")));
    }

    // ------------------------------------------------------------------ PR4007 schema

    [Fact]
    public void FromJson_MissingSchema_ReportsPR4007()
    {
        var d = Single(Read("""{ "caseId": "case-0001" }"""));

        Assert.Equal("PR4007", d.Code);
        Assert.Contains("planrules.case/1", d.Message, StringComparison.Ordinal);
        Assert.Equal(1, d.Line);
    }

    [Fact]
    public void FromJson_WrongSchema_ReportsPR4007NamingIt()
    {
        var d = Single(Read("""{ "schema": "planrules.case/2" }"""));

        Assert.Equal("PR4007", d.Code);
        Assert.Equal("unsupported schema (a text of 16 characters); this library reads 'planrules.case/1'", d.Message);
        Assert.Equal("$.schema", d.JsonPath);
    }

    [Fact]
    public void FromJson_SchemaNotAString_ReportsPR4007()
    {
        Assert.Equal("PR4007", Single(Read("""{ "schema": 1 }""")).Code);
    }

    // ------------------------------------------------------------------ PR4008 duplicates

    [Fact]
    public void FromJson_SameMedicationTwice_ReportsPR4008AtTheSecond()
    {
        var d = Single(Read(Case("""  "history": { "medications": [ { "code": "apixaban" }, { "code": "aspirin" }, { "code": "apixaban", "lastDoseHoursAgo": 3 } ] }""")));

        Assert.Equal("PR4008", d.Code);
        Assert.Equal("medication 'apixaban' is listed twice in history.medications", d.Message);
        Assert.Equal("$.history.medications[2].code", d.JsonPath);
    }

    [Theory]
    [InlineData("\"history\": { \"conditions\": [\"diabetes.type2\", \"diabetes.type2\"] }", "$.history.conditions[1]")]
    [InlineData("\"history\": { \"allergies\": [\"latex\", \"latex\"] }", "$.history.allergies[1]")]
    [InlineData("\"history\": { \"devices\": [\"icd\", \"pacemaker\", \"icd\"] }", "$.history.devices[2]")]
    [InlineData("\"goals\": [\"improve_sleep\", \"improve_sleep\"]", "$.goals[1]")]
    [InlineData("\"findings\": { \"pain.nrs\": 7, \"pain.nrs\": 8 }", "$.findings['pain.nrs']")]
    [InlineData("\"labs\": { \"inr\": 1, \"inr\": 1.1 }", "$.labs.inr")]
    [InlineData("\"patient\": { \"sex\": \"male\", \"sex\": \"male\" }", "$.patient.sex")]
    public void FromJson_SameCodeTwice_ReportsPR4008(string members, string path)
    {
        var d = Single(Read(Case("  " + members)));

        Assert.Equal("PR4008", d.Code);
        Assert.Equal(path, d.JsonPath);
    }

    [Fact]
    public void FromJson_DuplicateKeyOnAnotherLine_PointsAtTheSecond()
    {
        var json = Case("  \"findings\": {\n    \"pain.nrs\": 7,\n    \"pain.nrs\": 8\n  }");

        var d = Single(Read(json));

        Assert.Equal(5, d.Line);
        Assert.Equal(5, d.Column);
    }

    // ------------------------------------------------------------------ PR4010 size and depth

    [Fact]
    public void FromJson_LargerThan4MiB_ReportsPR4010()
    {
        var padding = new string(' ', 4 * 1024 * 1024);
        var d = Single(Read(Case("  \"caseId\": \"case-0001\"" + padding)));

        Assert.Equal("PR4010", d.Code);
        Assert.Contains("4 MiB", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_MultiByteTextOver4MiB_IsMeasuredInUtf8Bytes()
    {
        var text = new string('é', 2 * 1024 * 1024 + 16); // fewer chars than 4 MiB, more bytes
        var d = Single(Read(Case($"  \"caseId\": \"{text}\"")));

        Assert.Equal("PR4010", d.Code);
    }

    [Fact]
    public void FromJson_NestedMoreThan64Levels_ReportsPR4010()
    {
        var deep = new string('[', 70) + new string(']', 70);
        var d = Single(Read(Case($"  \"expect\": {{ \"candidates\": {{ \"include\": {deep} }} }}")));

        Assert.Equal("PR4010", d.Code);
        Assert.Contains("64", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_NestedExactly64Levels_IsNotTooDeep()
    {
        // The root object is level 1; 63 arrays make 64 levels. Too deep for nothing but a type error.
        var deep = new string('[', 63) + new string(']', 63);
        var result = Read(Case($"  \"goals\": {deep}"));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PR4010");
    }

    [Fact]
    public void FromJson_Nested65Levels_IsTooDeep()
    {
        var deep = new string('[', 64) + new string(']', 64);
        var d = Single(Read(Case($"  \"goals\": {deep}")));

        Assert.Equal("PR4010", d.Code);
        Assert.Equal("$.goals" + string.Concat(Enumerable.Repeat("[0]", 63)), d.JsonPath);
    }

    // ------------------------------------------------------------------ all at once, lines, paths

    [Fact]
    public void FromJson_CaseWithThreeProblems_ReportsAllThree()
    {
        var json = Case("""
              "findings": { "pain.nrs": 11, "pain.regon": "lumbar" },
              "history": { "conditions": ["diabetes.type2", "diabetes.type2"] }
            """);

        var result = Read(json);

        Assert.Null(result.Case);
        Assert.Equal(["PR4006", "PR4004", "PR4008"], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void FromJson_ManyProblemsInDifferentSections_AreAllReportedInDocumentOrder()
    {
        var json = """
            {
              "schema": "planrules.case/9",
              "patient": { "sex": "f", "ageYears": 200 },
              "findings": { "pain.nrs": "high", "unknown.thing": true },
              "history": { "medications": [ { "code": "apixaban", "dose": "x" } ], "extra": 1 },
              "labs": { "inr": -1 },
              "goals": ["walk_further", "walk_further"]
            }
            """;

        var result = Read(json);

        Assert.Equal(
            ["PR4007", "PR4005", "PR4006", "PR4002", "PR4004", "PR4005", "PR4003", "PR4006", "PR4008"],
            result.Diagnostics.Select(d => d.Code));
        Assert.All(result.Diagnostics, d => Assert.True(d.Line > 0));
        Assert.Equal(result.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column), result.Diagnostics);
    }

    [Fact]
    public void FromJson_Diagnostics_CarryTheLineAndColumnWhereTheProblemStarts()
    {
        var json = """
            {
              "schema": "planrules.case/1",
              "findings": {
                "pain.nrs": 7,
                "pain.duratoin_weeks": 10
              },
              "history": {
                "conditions": [ "diabetes.type2", "diabetes.typ2" ]
              },
              "labs": { "inr": 99 }
            }
            """;

        var result = Read(json);

        var unknownFinding = result.Diagnostics[0];
        Assert.Equal(("PR4004", 5, 5), (unknownFinding.Code, unknownFinding.Line, unknownFinding.Column));
        var unknownCondition = result.Diagnostics[1];
        Assert.Equal(("PR4004", 8, 39), (unknownCondition.Code, unknownCondition.Line, unknownCondition.Column));
        var range = result.Diagnostics[2];
        Assert.Equal(("PR4006", 10, 20), (range.Code, range.Line, range.Column));
    }

    [Fact]
    public void FromJson_CrLfLineEnds_CountLinesTheSame()
    {
        var json = "{\r\n  \"schema\": \"planrules.case/1\",\r\n  \"findings\": { \"pain.nrs\": 12 }\r\n}";

        var d = Single(Read(json));

        Assert.Equal((3, 29), (d.Line, d.Column));
    }

    [Fact]
    public void FromJson_DiagnosticText_ReadsLikeACompilerMessage()
    {
        var d = Single(Read(Case("""  "findings": { "pain.duratoin_weeks": 10 }""")));

        Assert.Equal("<case>(3,17): error PR4004: unknown finding code (a text of 19 characters) (did you mean 'pain.duration_weeks'?)", d.ToString());
    }

    [Theory]
    [InlineData("\"findings\": { \"pain.nrs\": 12 }", "$.findings['pain.nrs']")]
    [InlineData("\"labs\": { \"inr\": 99 }", "$.labs.inr")]
    [InlineData("\"patient\": { \"sex\": \"x\" }", "$.patient.sex")]
    [InlineData("\"history\": { \"medications\": [ { \"code\": \"aspirin\" }, { \"code\": \"nope\" } ] }", "$.history.medications[1].code")]
    [InlineData("\"findings\": { \"it's\": 1 }", "$.findings[#1]")]
    [InlineData("\"findings\": { \"pain.nrs\": 3, \"Maria Okonkwo\": 1 }", "$.findings[#2]")]
    [InlineData("\"expect\": { \"referrals\": { \"include\": [ 3 ] } }", "$.expect.referrals.include[0]")]
    public void FromJson_JsonPath_UsesDotsForNamesAndBracketsForCodes(string members, string path)
    {
        Assert.Equal(path, Single(ReadCaseFile(Case("  " + members))).JsonPath);
    }

    [Fact]
    public void FromJson_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => PatientCase.FromJson(null!, TestVocabulary.Instance));
        Assert.Throws<ArgumentNullException>(() => PatientCase.FromJson("{}", null!));
    }

    [Fact]
    public void FromJson_AllDiagnostics_AreErrorsWithoutAFile()
    {
        var result = Read("""{ "schema": "x", "findings": { "a": 1 }, "b": 2 }""");

        Assert.Equal(3, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d =>
        {
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Null(d.File);
            Assert.NotNull(d.JsonPath);
        });
    }

    [Fact]
    public void FromJson_AnotherVocabulary_DecidesWhatIsKnown()
    {
        var vocabulary = new Vocabulary([new FactDefinition("finding.custom.score", FactType.Number, "Custom") { Min = 0, Max = 3 }],
            new Dictionary<string, IReadOnlyDictionary<string, FactDefinition>>());

        var ok = PatientCase.FromJson(Case("""  "findings": { "custom.score": 2 }"""), vocabulary);
        var bad = PatientCase.FromJson(Case("""  "findings": { "pain.nrs": 2 }"""), vocabulary);

        Assert.True(ok.Succeeded);
        Assert.Equal("PR4004", Assert.Single(bad.Diagnostics).Code);
    }
}
