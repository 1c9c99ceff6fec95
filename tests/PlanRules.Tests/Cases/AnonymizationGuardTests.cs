using PlanRules.Rules;
using PlanRules.Cases;
using PlanRules.Replay;
using Xunit;
using static PlanRules.Tests.Cases.CaseTestHelpers;
using PlanRules.Privacy;

namespace PlanRules.Tests.Cases;

public class AnonymizationGuardTests
{
    // ------------------------------------------------------------------ identifiers as fields

    [Theory]
    [InlineData("name", "a name")]
    [InlineData("firstName", "a name")]
    [InlineData("last_name", "a name")]
    [InlineData("Full Name", "a name")]
    [InlineData("patientName", "a name")]
    [InlineData("given-name", "a name")]
    [InlineData("surname", "a name")]
    [InlineData("MRN", "a medical record number")]
    [InlineData("medical_record_number", "a medical record number")]
    [InlineData("recordNumber", "a medical record number")]
    [InlineData("DOB", "a date of birth")]
    [InlineData("date-of-birth", "a date of birth")]
    [InlineData("birthDate", "a date of birth")]
    [InlineData("birthday", "a date of birth")]
    [InlineData("address", "an address")]
    [InlineData("street_address", "an address")]
    [InlineData("postcode", "an address")]
    [InlineData("zipCode", "an address")]
    [InlineData("zip", "an address")]
    [InlineData("phone", "a phone number")]
    [InlineData("phoneNumber", "a phone number")]
    [InlineData("telephone", "a phone number")]
    [InlineData("mobile", "a phone number")]
    [InlineData("homePhone", "a phone number")]
    [InlineData("email", "an e-mail address")]
    [InlineData("e_mail", "an e-mail address")]
    [InlineData("EmailAddress", "an e-mail address")]
    [InlineData("ssn", "a national identifier")]
    [InlineData("social_security_number", "a national identifier")]
    [InlineData("nationalId", "a national identifier")]
    [InlineData("nhsNumber", "a national identifier")]
    [InlineData("passport", "a national identifier")]
    [InlineData("passportNumber", "a national identifier")]
    [InlineData("insuranceNumber", "a national identifier")]
    [InlineData("healthCardNumber", "a national identifier")]
    public void FieldKind_IdentifierFieldNames_AreRecognizedWhateverTheirSpelling(string key, string kind)
    {
        Assert.Equal(kind, AnonymizationGuard.FieldKind(key));
    }

    [Theory]
    [InlineData("schema")]
    [InlineData("caseId")]
    [InlineData("ageYears")]
    [InlineData("sex")]
    [InlineData("pregnant")]
    [InlineData("code")]
    [InlineData("dose")]
    [InlineData("indication")]
    [InlineData("lastDoseHoursAgo")]
    [InlineData("reliefPercent")]
    [InlineData("missingInformation")]
    [InlineData("appliesTo")]
    [InlineData("pain.duration_weeks")]
    [InlineData("exam.neuro_deficit")]
    [InlineData("city")]
    public void FieldKind_CaseKeysAndCodes_AreNotIdentifiers(string key)
    {
        Assert.Null(AnonymizationGuard.FieldKind(key));
    }

    [Theory]
    [InlineData("""{ "schema": "planrules.case/1", "name": "Jane Roe" }""", "$.name")]
    [InlineData("""{ "schema": "planrules.case/1", "patient": { "name": "Jane Roe", "ageYears": 40 } }""", "$.patient.name")]
    [InlineData("""{ "schema": "planrules.case/1", "patient": { "dateOfBirth": "Jane Roe" } }""", "$.patient.dateOfBirth")]
    [InlineData("""{ "schema": "planrules.case/1", "findings": { "mrn": "Jane Roe" } }""", "$.findings.mrn")]
    [InlineData("""{ "schema": "planrules.case/1", "labs": { "phone": "Jane Roe" } }""", "$.labs.phone")]
    [InlineData("""{ "schema": "planrules.case/1", "history": { "address": "Jane Roe" } }""", "$.history.address")]
    [InlineData("""{ "schema": "planrules.case/1", "history": { "medications": [ { "code": "apixaban", "email": "Jane Roe" } ] } }""", "$.history.medications[0].email")]
    [InlineData("""{ "schema": "planrules.case/1", "history": { "procedures": [ { "code": "mbb.lumbar", "surname": "Jane Roe" } ] } }""", "$.history.procedures[0].surname")]
    [InlineData("""{ "schema": "planrules.case/1", "expect": { "candidates": { "ssn": "Jane Roe" } } }""", "$.expect.candidates.ssn")]
    [InlineData("""{ "schema": "planrules.case/1", "expect": { "warnings": { "include": [ { "nationalId": "Jane Roe" } ] } } }""", "$.expect.warnings.include[0].nationalId")]
    public void FromJson_IdentifierField_ReportsPR4009NotPR4003(string json, string path)
    {
        var result = Read(json);

        var d = Single(result);
        Assert.Equal("PR4009", d.Code);
        Assert.Equal(path, d.JsonPath);
        Assert.StartsWith(path + ": ", d.Message, StringComparison.Ordinal);
        Assert.Contains("direct identifier", d.Message, StringComparison.Ordinal);
        Assert.Contains("cases must be anonymized", d.Message, StringComparison.Ordinal);
        NeverShown(result.Diagnostics, "Jane Roe");
    }

    [Fact]
    public void FromJson_IdentifierFieldNestedDeepInAnUnknownKey_IsStillRefused()
    {
        var json = """
            { "schema": "planrules.case/1",
              "history": { "medications": [ { "code": "apixaban", "prescriber": { "contact": [ { "fullName": "Dr Jane Roe" } ] } } ] } }
            """;

        var result = Read(json);

        Assert.Null(result.Case);
        var d = Assert.Single(result.Diagnostics, x => x.Code == "PR4009");
        Assert.Equal("$.history.medications[0][#2][#1][0].fullName", d.JsonPath);
        Assert.Equal(2, d.Line);
        NeverShown(result.Diagnostics, "Jane Roe");
    }

    [Fact]
    public void FromJson_IdentifierFieldHoldingAnIdentifierValue_IsReportedOnce()
    {
        var result = Read("""{ "schema": "planrules.case/1", "patient": { "email": "jane.roe@example.org" } }""");

        Assert.Equal("PR4009", Single(result).Code);
        NeverShown(result.Diagnostics, "jane.roe@example.org");
    }

    // ------------------------------------------------------------------ identifiers as values

    [Theory]
    [InlineData("jane.roe@example.org", "an e-mail address")]
    [InlineData("contact: J.Roe+pain@mail.example.co.uk please", "an e-mail address")]
    [InlineData("555-123-4567", "a phone number")]
    [InlineData("+1 (555) 123-4567", "a phone number")]
    [InlineData("0171 234 5678", "a phone number")]
    [InlineData("020.7946.0958", "a phone number")]
    [InlineData("call (555) 123-4567 after 5", "a phone number")]
    [InlineData("tel +44 20 7946 0958", "a phone number")]
    [InlineData("123-45-6789", "a national identifier")]
    [InlineData("ssn 123-45-6789", "a national identifier")]
    [InlineData("1970-01-31", "a calendar date (a possible date of birth)")]
    [InlineData("31/01/1970", "a calendar date (a possible date of birth)")]
    [InlineData("01/31/1970", "a calendar date (a possible date of birth)")]
    [InlineData("31.01.1970", "a calendar date (a possible date of birth)")]
    [InlineData("born 3/4/1982", "a calendar date (a possible date of birth)")]
    [InlineData("case-2024-03-15", "a calendar date (a possible date of birth)")]
    [InlineData("MRN12345", "a medical record number")]
    [InlineData("MRN 0012345", "a medical record number")]
    [InlineData("mrn:884422", "a medical record number")]
    [InlineData("patient MRN-77", "a medical record number")]
    [InlineData("12345678", "a medical record number")]
    public void ValueKind_IdentifierLikeValues_AreRecognized(string value, string kind)
    {
        Assert.Equal(kind, AnonymizationGuard.ValueKind(value));
    }

    [Theory]
    [InlineData("example-lumbar-radicular-01")]
    [InlineData("case-0001")]
    [InlineData("case-12345")]
    [InlineData("lumbar-2024-17")]
    [InlineData("planrules.case/1")]
    [InlineData("esi.lumbar.transforaminal")]
    [InlineData("diabetes.type2")]
    [InlineData("return_to_work")]
    [InlineData("medication.apixaban")]
    [InlineData("antithrombotic.hold")]
    [InlineData("version 1.2.3")]
    [InlineData("7/10 pain")]
    [InlineData("@mention")]
    [InlineData("a@b")]
    [InlineData("")]
    public void ValueKind_OrdinaryLabelsAndCodes_AreNotIdentifiers(string value)
    {
        Assert.Null(AnonymizationGuard.ValueKind(value));
    }

    [Theory]
    [InlineData("example-lumbar-radicular-01")]
    [InlineData("case-0001")]
    public void FromJson_OpaqueCaseId_Passes(string caseId)
    {
        var c = Ok(Read(Case($"  \"caseId\": \"{caseId}\"")));

        Assert.Equal(caseId, c.CaseId);
    }

    [Theory]
    [InlineData("jane.roe@example.org")]
    [InlineData("555-123-4567")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("123-45-6789")]
    [InlineData("1970-01-31")]
    [InlineData("31/01/1970")]
    [InlineData("01/31/1970")]
    [InlineData("31.01.1970")]
    [InlineData("MRN0042424")]
    public void FromJson_CaseIdThatLooksLikeAnIdentifier_ReportsPR4009WithoutTheValue(string value)
    {
        var result = Read(Case($"  \"caseId\": \"{value}\""));

        var d = Single(result);
        Assert.Equal("PR4009", d.Code);
        Assert.Equal("$.caseId", d.JsonPath);
        Assert.Equal(3, d.Line);
        Assert.Contains("the value is not shown", d.Message, StringComparison.Ordinal);
        NeverShown(result.Diagnostics, value);
    }

    [Theory]
    [InlineData("\"findings\": { \"pain.region\": \"VALUE\" }", "$.findings['pain.region']")]
    [InlineData("\"findings\": { \"pain.nrs\": \"VALUE\" }", "$.findings['pain.nrs']")]
    [InlineData("\"patient\": { \"sex\": \"VALUE\" }", "$.patient.sex")]
    [InlineData("\"history\": { \"conditions\": [\"diabetes.type2\", \"VALUE\"] }", "$.history.conditions[1]")]
    [InlineData("\"history\": { \"medications\": [ { \"code\": \"VALUE\", \"dose\": \"therapeutic\" } ] }", "$.history.medications[0].code")]
    [InlineData("\"history\": { \"medications\": [ { \"code\": \"heparin_sc\", \"dose\": \"VALUE\" } ] }", "$.history.medications[0].dose")]
    [InlineData("\"history\": { \"medications\": [\"VALUE\"] }", "$.history.medications[0]")]
    [InlineData("\"goals\": [\"VALUE\"]", "$.goals[0]")]
    [InlineData("\"expect\": { \"candidates\": { \"include\": [\"VALUE\"] } }", "$.expect.candidates.include[0]")]
    [InlineData("\"expect\": { \"warnings\": { \"exclude\": [ { \"about\": \"VALUE\" } ] } }", "$.expect.warnings.exclude[0].about")]
    [InlineData("\"expect\": { \"warnings\": { \"include\": [ { \"severity\": \"VALUE\" } ] } }", "$.expect.warnings.include[0].severity")]
    [InlineData("\"history\": { \"procedures\": [ { \"code\": \"mbb.lumbar\", \"notes\": { \"deep\": [ [ \"VALUE\" ] ] } } ] }", "$.history.procedures[0][#2][#1][0][0]")]
    public void FromJson_IdentifierValueAnywhere_IsRefusedAndNeverEchoed(string members, string path)
    {
        foreach (var value in new[] { "jane.roe@example.org", "(555) 123-4567", "123-45-6789", "1970-01-31", "MRN 55501" })
        {
            var result = Read(Case("  " + members.Replace("VALUE", value, StringComparison.Ordinal)));

            Assert.Null(result.Case);
            var d = Assert.Single(result.Diagnostics, x => x.Code == "PR4009");
            Assert.Equal(path, d.JsonPath);
            Assert.DoesNotContain(result.Diagnostics, x => x.Code is "PR4004" or "PR4005");
            NeverShown(result.Diagnostics, value);
        }
    }

    [Fact]
    public void FromJson_KeyThatLooksLikeAnIdentifier_IsRefusedWithoutShowingTheKey()
    {
        var result = Read(Case("""  "findings": { "jane.roe@example.org": true }, "patient": { "555-123-4567": 1 }"""));

        Assert.Null(result.Case);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal("PR4009", d.Code));
        Assert.Equal(["$.findings", "$.patient"], result.Diagnostics.Select(d => d.JsonPath));
        NeverShown(result.Diagnostics, "jane.roe@example.org");
        NeverShown(result.Diagnostics, "555-123-4567");
    }

    [Fact]
    public void FromJson_IdentifierUnderAnIdentifierLookingKey_HidesTheKeyInEveryPath()
    {
        var result = Read(Case("""  "history": { "medications": [ { "code": "warfarin", "jane@example.org": { "x": 1 } } ] }"""));

        NeverShown(result.Diagnostics, "jane@example.org");
        Assert.Equal("PR4009", Single(result).Code);
    }

    [Fact]
    public void FromJson_IdentifiersAndOtherProblems_AreAllReported()
    {
        var json = Case("""
              "caseId": "jane.roe@example.org",
              "patient": { "name": "Jane Roe", "ageYears": 240 },
              "findings": { "pain.nrs": 4, "pain.regin": "lumbar" }
            """);

        var result = Read(json);

        Assert.Equal(["PR4009", "PR4009", "PR4006", "PR4004"], result.Diagnostics.Select(d => d.Code));
        NeverShown(result.Diagnostics, "jane.roe@example.org");
        NeverShown(result.Diagnostics, "Jane Roe");
    }

    [Fact]
    public void FromJson_IdentifierInAFileWithASyntaxError_IsStillReportedAndNotEchoed()
    {
        var result = Read("""{ "schema": "planrules.case/1", "caseId": "jane.roe@example.org", "findings": { """);

        Assert.Contains(result.Diagnostics, d => d.Code == "PR4001");
        Assert.Contains(result.Diagnostics, d => d.Code == "PR4009");
        NeverShown(result.Diagnostics, "jane.roe@example.org");
    }

    // ------------------------------------------------------------------ a case built in C#

    [Fact]
    public void Validate_CaseIdThatLooksLikeAnIdentifier_ReportsPR4009WithoutTheValue()
    {
        var c = new PatientCase { CaseId = "Jane.Roe@example.org" };

        var d = Assert.Single(c.Validate(TestVocabulary.Instance));

        Assert.Equal("PR4009", d.Code);
        Assert.Equal("$.caseId", d.JsonPath);
        Assert.Equal(0, d.Line);
        NeverShown([d], "Jane.Roe@example.org");
    }

    [Fact]
    public void Validate_IdentifiersInCodesWordsKeysAndExpectations_AreRefusedAndNeverEchoed()
    {
        const string Email = "jane.roe@example.org";
        const string Phone = "555 123 4567";
        var c = new PatientCase
        {
            Patient = new PatientInfo { Sex = Phone },
            Findings = new Dictionary<string, FactValue> { ["name"] = FactValue.Word("x"), [Email] = true, ["pain.region"] = FactValue.Word(Phone) },
            History = new CaseHistory { Conditions = [Email], Medications = [new MedicationEntry(Phone) { Dose = Email }] },
            Labs = new Dictionary<string, double> { ["dob"] = 1 },
            Goals = [Phone],
        };
        var expect = new CaseExpectations { Referrals = new ListExpectation { Include = [Email] } };

        var diagnostics = c.Validate(TestVocabulary.Instance).Concat(expect.Validate()).ToArray();

        Assert.Equal(10, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("PR4009", d.Code));
        Assert.Contains(diagnostics, d => d.JsonPath == "$.findings.name");
        Assert.Contains(diagnostics, d => d.JsonPath == "$.labs.dob");
        Assert.Contains(diagnostics, d => d.JsonPath == "$.history.medications[0].dose");
        Assert.Contains(diagnostics, d => d.JsonPath == "$.expect.referrals.include[0]");
        NeverShown(diagnostics, Email);
        NeverShown(diagnostics, Phone);
    }
}
