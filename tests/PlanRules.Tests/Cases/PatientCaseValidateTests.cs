using PlanRules.Rules;
using PlanRules.Cases;
using PlanRules.Replay;
using Xunit;
using static PlanRules.Tests.Cases.CaseTestHelpers;

namespace PlanRules.Tests.Cases;

public class PatientCaseValidateTests
{
    private static readonly PlanRules.Rules.Vocabulary V = TestVocabulary.Instance;

    internal static PatientCase ExampleCase() => new()
    {
        CaseId = "example-lumbar-radicular-01",
        Patient = new PatientInfo { AgeYears = 58, Sex = "female", Pregnant = false },
        Findings = new Dictionary<string, FactValue>
        {
            ["pain.region"] = "lumbar",
            ["pain.pattern"] = "radicular",
            ["pain.duration_weeks"] = 10,
            ["pain.nrs"] = 7,
            ["function.odi"] = 44,
            ["imaging.concordant"] = true,
            ["exam.neuro_deficit"] = "stable",
            ["conservative_care.weeks"] = 6,
            ["redflag.cauda_equina"] = false,
        },
        History = new CaseHistory
        {
            Conditions = ["diabetes.type2"],
            Medications = [new MedicationEntry("apixaban") { LastDoseHoursAgo = 12 }],
            Allergies = ["iodinated_contrast"],
            Devices = [],
            Procedures = [new ProcedureEntry("esi.lumbar.transforaminal") { WeeksAgo = 20, ReliefPercent = 60, ReliefWeeks = 12 }],
        },
        Labs = new Dictionary<string, double> { ["inr"] = 1.0, ["platelets"] = 210, ["hba1c"] = 7.2 },
        Goals = ["return_to_work", "avoid_implant"],
    };

    [Fact]
    public void Validate_SpecExampleBuiltInCSharp_HasNoDiagnostics()
    {
        Assert.Empty(ExampleCase().Validate(V));
    }

    [Fact]
    public void Validate_EmptyCase_HasNoDiagnostics()
    {
        Assert.Empty(new PatientCase().Validate(V));
    }

    [Fact]
    public void Validate_UnknownFinding_ReportsPR4004WithPathAndSuggestionAndLineZero()
    {
        var c = new PatientCase { Findings = new Dictionary<string, FactValue> { ["pain.duratoin_weeks"] = 10 } };

        var d = Assert.Single(c.Validate(V));

        Assert.Equal("PR4004", d.Code);
        Assert.Equal("unknown finding code (a text of 19 characters)", d.Message);
        Assert.Equal("$.findings[#1]", d.JsonPath);
        Assert.Equal("did you mean 'pain.duration_weeks'?", d.Suggestion);
        Assert.Equal((0, 0), (d.Line, d.Column));
    }

    [Fact]
    public void Validate_WordForANumberFinding_ReportsPR4002()
    {
        var c = new PatientCase { Findings = new Dictionary<string, FactValue> { ["pain.nrs"] = "severe" } };

        var d = Assert.Single(c.Validate(V));

        Assert.Equal("PR4002", d.Code);
        Assert.Equal("expected a number for 'finding.pain.nrs' but found a string", d.Message);
    }

    [Fact]
    public void Validate_NullFindingValue_ReportsPR4002()
    {
        var c = new PatientCase { Findings = new Dictionary<string, FactValue> { ["pain.nrs"] = null! } };

        Assert.Equal("PR4002", Assert.Single(c.Validate(V)).Code);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_InvalidPart_ReportsTheCodeAtThePath(string code, string path, PatientCase c)
    {
        var d = Assert.Single(c.Validate(V));

        Assert.Equal(code, d.Code);
        Assert.Equal(path, d.JsonPath);
    }

    public static TheoryData<string, string, PatientCase> InvalidCases() => new()
    {
        { "PR4005", "$.patient.sex", new PatientCase { Patient = new PatientInfo { Sex = "f" } } },
        { "PR4006", "$.patient.ageYears", new PatientCase { Patient = new PatientInfo { AgeYears = 131 } } },
        { "PR4006", "$.patient.ageYears", new PatientCase { Patient = new PatientInfo { AgeYears = double.NaN } } },
        { "PR4005", "$.findings['pain.region']", new PatientCase { Findings = new Dictionary<string, FactValue> { ["pain.region"] = "lumbr" } } },
        { "PR4006", "$.findings['pain.nrs']", new PatientCase { Findings = new Dictionary<string, FactValue> { ["pain.nrs"] = 10.5 } } },
        { "PR4002", "$.findings['imaging.concordant']", new PatientCase { Findings = new Dictionary<string, FactValue> { ["imaging.concordant"] = 1 } } },
        { "PR4004", "$.labs[#1]", new PatientCase { Labs = new Dictionary<string, double> { ["ldl"] = 1 } } },
        { "PR4006", "$.labs.inr", new PatientCase { Labs = new Dictionary<string, double> { ["inr"] = 0.1 } } },
        { "PR4004", "$.history.conditions[1]", new PatientCase { History = new CaseHistory { Conditions = ["osteoporosis", "diabetes"] } } },
        { "PR4008", "$.history.conditions[1]", new PatientCase { History = new CaseHistory { Conditions = ["osteoporosis", "osteoporosis"] } } },
        { "PR4008", "$.history.allergies[2]", new PatientCase { History = new CaseHistory { Allergies = ["latex", "corticosteroid", "latex"] } } },
        { "PR4008", "$.history.devices[1]", new PatientCase { History = new CaseHistory { Devices = ["icd", "icd"] } } },
        { "PR4008", "$.goals[1]", new PatientCase { Goals = ["avoid_steroids", "avoid_steroids"] } },
        { "PR4004", "$.goals[0]", new PatientCase { Goals = ["feel_better"] } },
        { "PR4004", "$.history.medications[0].code", new PatientCase { History = new CaseHistory { Medications = [new MedicationEntry("tylenol")] } } },
        { "PR4008", "$.history.medications[1].code", new PatientCase { History = new CaseHistory { Medications = [new MedicationEntry("aspirin"), new MedicationEntry("aspirin")] } } },
        { "PR4005", "$.history.medications[0].dose", new PatientCase { History = new CaseHistory { Medications = [new MedicationEntry("enoxaparin") { Dose = "full" }] } } },
        { "PR4005", "$.history.medications[0].indication", new PatientCase { History = new CaseHistory { Medications = [new MedicationEntry("aspirin") { Indication = "primary" }] } } },
        { "PR4006", "$.history.medications[0].lastDoseHoursAgo", new PatientCase { History = new CaseHistory { Medications = [new MedicationEntry("aspirin") { LastDoseHoursAgo = -3 }] } } },
        { "PR4004", "$.history.procedures[0].code", new PatientCase { History = new CaseHistory { Procedures = [new ProcedureEntry("mbb.lumbr")] } } },
        { "PR4006", "$.history.procedures[0].reliefPercent", new PatientCase { History = new CaseHistory { Procedures = [new ProcedureEntry("mbb.lumbar") { ReliefPercent = 101 }] } } },
        { "PR4006", "$.history.procedures[1].reliefWeeks", new PatientCase { History = new CaseHistory { Procedures = [new ProcedureEntry("mbb.lumbar"), new ProcedureEntry("mbb.lumbar") { ReliefWeeks = -1 }] } } },
        { "PR4009", "$.caseId", new PatientCase { CaseId = "MRN 4444" } },
        { "PR4002", "$.history", new PatientCase { History = null! } },
    };

    [Fact]
    public void Validate_SameProcedureTwice_IsAllowed()
    {
        var c = new PatientCase { History = new CaseHistory { Procedures = [new ProcedureEntry("mbb.lumbar"), new ProcedureEntry("mbb.lumbar")] } };

        Assert.Empty(c.Validate(V));
    }

    [Fact]
    public void ValidateExpectations_UnknownSeverity_ReportsPR4005AtItsPath()
    {
        var expect = new CaseExpectations { Warnings = new WarningListExpectation { Include = [new WarningExpectation { Severity = "high" }] } };

        var d = Assert.Single(expect.Validate());

        Assert.Equal("PR4005", d.Code);
        Assert.Equal("$.expect.warnings.include[0].severity", d.JsonPath);
        Assert.Equal(0, d.Line);
    }

    [Fact]
    public void ValidateExpectations_ExpectationCodes_NeedNotBeInTheVocabulary()
    {
        var expect = new CaseExpectations { Candidates = new ListExpectation { Include = ["not.a.vocabulary.code"] }, NoCandidates = true };

        Assert.Empty(expect.Validate());
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var c = ExampleCase() with
        {
            Findings = new Dictionary<string, FactValue> { ["pain.nrs"] = 12, ["pain.regin"] = "lumbar" },
            Goals = ["walk_further", "walk_further"],
        };

        Assert.Equal(["PR4006", "PR4004", "PR4008"], c.Validate(V).Select(d => d.Code));
    }

    [Fact]
    public void Validate_AndFromJson_ReportTheSameCodesAtTheSamePaths()
    {
        var c = new PatientCase
        {
            Patient = new PatientInfo { AgeYears = 200, Sex = "woman" },
            Findings = new Dictionary<string, FactValue> { ["pain.nrs"] = 12, ["pain.regin"] = "lumbar", ["pain.region"] = 4, ["exam.neuro_deficit"] = "worse" },
            History = new CaseHistory
            {
                Conditions = ["diabetes.type2", "diabetes.type2", "gout"],
                Medications = [new MedicationEntry("heparin_sc") { Dose = "big" }, new MedicationEntry("aspirinn"), new MedicationEntry("heparin_sc")],
                Procedures = [new ProcedureEntry("scs.trial") { ReliefPercent = 120 }, new ProcedureEntry("scs.trial")],
            },
            Labs = new Dictionary<string, double> { ["inr"] = 30, ["ldl"] = 2 },
            Goals = ["fly"],
        };
        var expect = new CaseExpectations { Warnings = new WarningListExpectation { Exclude = [new WarningExpectation { Severity = "bad" }] } };

        var fromModel = c.Validate(V).Concat(expect.Validate()).Select(d => (d.Code, d.JsonPath)).Order().ToArray();
        var read = ReadWithExpectations(CaseExpectationsWriter.WriteCase(c, expect));
        var fromJson = read.Diagnostics.Select(d => (d.Code, d.JsonPath)).Order().ToArray();

        Assert.Equal(16, fromModel.Length);
        Assert.Equal(fromModel, fromJson);
        Assert.All(read.Diagnostics, d => Assert.True(d.Line > 0));
    }

    [Fact]
    public void Validate_NullVocabulary_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new PatientCase().Validate(null!));
    }
}
