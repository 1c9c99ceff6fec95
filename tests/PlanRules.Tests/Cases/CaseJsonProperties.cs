using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PlanRules.Cases;
using PlanRules.Replay;
using PlanRules.Rules;
using Xunit;
using static PlanRules.Tests.Cases.CaseTestHelpers;

namespace PlanRules.Tests.Cases;

/// <summary>Generators of valid cases (every code from <see cref="TestVocabulary"/>, every value in range).</summary>
public static class CaseJsonArbitraries
{
    public static Arbitrary<PatientCase> ValidCase() => Arb.From(Case());

    public static Arbitrary<CaseFile> ValidCaseFile() => Arb.From(
        from c in Case()
        from expect in Optional(Expect())
        select new CaseFile(c, expect));

    public static Arbitrary<IdentifierInCase> Identifier() => Arb.From(
        from value in Gen.Elements(
            "jane.roe@example.org", "J_Roe+1@mail.example.co.uk", "555-123-4567", "(555) 123-4567", "+44 20 7946 0958",
            "0171 234 5678", "123-45-6789", "1970-01-31", "31/01/1970", "12/31/1969", "31.12.1969", "MRN 0042", "mrn:123456")
        from place in Gen.Choose(0, IdentifierInCase.Places.Length - 1)
        select new IdentifierInCase(value, IdentifierInCase.Places[place]));

    private static Gen<T?> Optional<T>(Gen<T> gen) where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(x => (T?)x)));

    private static Gen<double?> OptionalNumber(Gen<double> gen) =>
        Gen.Frequency((1, Gen.Constant<double?>(null)), (3, gen.Select(x => (double?)x)));

    /// <summary>Whole numbers and full-precision fractions within [min, max].</summary>
    private static Gen<double> Number(double min, double max) => Gen.OneOf(
        Gen.Choose((int)Math.Ceiling(min), (int)Math.Floor(max)).Select(i => (double)i),
        Gen.Choose(0, int.MaxValue).Select(i => Math.Clamp(min + (max - min) * (i / (double)int.MaxValue), min, max)),
        Gen.Choose((int)Math.Ceiling(min * 10), (int)Math.Floor(max * 10)).Select(i => i / 10.0));

    private static Gen<string[]> SubList(string[] codes) =>
        Gen.SubListOf(codes).SelectMany(l => Gen.Shuffle(l.ToArray()));

    private static Gen<FactValue> FindingValue(FactDefinition definition) => definition.Type switch
    {
        FactType.Number => Number(definition.Min ?? 0, definition.Max ?? 1000).Select(FactValue.Number),
        FactType.Boolean => Gen.Elements(true, false).Select(FactValue.Boolean),
        _ => Gen.Elements(definition.Words.ToArray()).Select(FactValue.Word),
    };

    private static Gen<Dictionary<string, FactValue>> Findings()
    {
        var definitions = TestVocabulary.Instance.Facts.Where(f => f.Section == "finding").ToArray();
        return from chosen in Gen.SubListOf(definitions)
               from values in Gen.CollectToArray(chosen, FindingValue)
               select chosen.Zip(values).ToDictionary(x => x.First.Code, x => x.Second, StringComparer.Ordinal);
    }

    private static Gen<Dictionary<string, double>> Labs() =>
        from chosen in Gen.SubListOf(TestVocabulary.Labs)
        from values in Gen.CollectToArray(chosen, l => Number(l.Min, l.Max))
        select chosen.Zip(values).ToDictionary(x => x.First.Code, x => x.Second, StringComparer.Ordinal);

    private static Gen<MedicationEntry> Medication(string code) =>
        from hours in OptionalNumber(Number(0, 100000))
        from dose in Optional(Gen.Elements(TestVocabulary.Doses))
        from indication in Optional(Gen.Elements(TestVocabulary.Indications))
        select new MedicationEntry(code) { LastDoseHoursAgo = hours, Dose = dose, Indication = indication };

    private static Gen<ProcedureEntry> Procedure() =>
        from code in Gen.Elements(TestVocabulary.Interventions)
        from weeksAgo in OptionalNumber(Number(0, 5200))
        from reliefPercent in OptionalNumber(Number(0, 100))
        from reliefWeeks in OptionalNumber(Number(0, 5200))
        select new ProcedureEntry(code) { WeeksAgo = weeksAgo, ReliefPercent = reliefPercent, ReliefWeeks = reliefWeeks };

    private static Gen<CaseHistory> History() =>
        from conditions in Optional(SubList(TestVocabulary.Conditions))
        from medicationCodes in Optional(SubList(TestVocabulary.Medications))
        from medications in Gen.CollectToArray(medicationCodes ?? [], Medication)
        from allergies in Optional(SubList(TestVocabulary.Allergies))
        from devices in Optional(SubList(TestVocabulary.Devices))
        from procedures in Optional(Gen.ArrayOf(Procedure()).Resize(6))
        select new CaseHistory
        {
            Conditions = conditions,
            Medications = medicationCodes is null ? null : medications,
            Allergies = allergies,
            Devices = devices,
            Procedures = procedures,
        };

    private static Gen<PatientInfo> Patient() =>
        from age in OptionalNumber(Number(0, 130))
        from sex in Optional(Gen.Elements(TestVocabulary.Sexes))
        from pregnant in Gen.Elements<bool?>(null, true, false)
        select new PatientInfo { AgeYears = age, Sex = sex, Pregnant = pregnant };

    private static readonly string[] ExpectationCodes =
        [.. TestVocabulary.Interventions, "urgent_evaluation", "lab.inr", "finding.pain.nrs", "medication.apixaban", "antithrombotic.hold"];

    private static Gen<ListExpectation> ListExpectation() =>
        from include in SubList(ExpectationCodes)
        from exclude in SubList(ExpectationCodes)
        select new ListExpectation { Include = include, Exclude = exclude };

    private static Gen<WarningExpectation> Warning() =>
        from about in Optional(Gen.Elements(ExpectationCodes))
        from appliesTo in Optional(Gen.Elements(TestVocabulary.Interventions))
        from code in Optional(Gen.Elements("antithrombotic.hold", "contraindication.relative"))
        from severity in Optional(Gen.Elements("critical", "warning", "info"))
        select new WarningExpectation { About = about, AppliesTo = appliesTo, Code = code, Severity = severity };

    private static Gen<CaseExpectations> Expect() =>
        from candidates in Optional(ListExpectation())
        from excluded in Optional(ListExpectation())
        from include in Gen.ArrayOf(Warning()).Resize(3)
        from exclude in Gen.ArrayOf(Warning()).Resize(3)
        from hasWarnings in Gen.Elements(true, false)
        from missing in Optional(ListExpectation())
        from referrals in Optional(ListExpectation())
        from noCandidates in Gen.Elements<bool?>(null, true, false)
        select new CaseExpectations
        {
            Candidates = candidates,
            Excluded = excluded,
            Warnings = hasWarnings ? new WarningListExpectation { Include = include, Exclude = exclude } : null,
            MissingInformation = missing,
            Referrals = referrals,
            NoCandidates = noCandidates,
        };

    private static Gen<PatientCase> Case() =>
        from caseId in Optional(Gen.OneOf(
            Gen.Choose(0, 9999).Select(i => "case-" + i.ToString("D4", CultureInfo.InvariantCulture)),
            Gen.Elements("example-lumbar-radicular-01", "a", "x.y_z-0")))
        from patient in Patient()
        from findings in Findings()
        from history in History()
        from labs in Labs()
        from goals in Optional(SubList(TestVocabulary.Goals))
        select new PatientCase
        {
            CaseId = caseId,
            Patient = patient,
            Findings = findings,
            History = history,
            Labs = labs,
            Goals = goals,
        };
}

/// <summary>A case file: the clinical case and its <c>expect</c> block (PlanRules.Testing).</summary>
public sealed record CaseFile(PatientCase Case, CaseExpectations? Expect);

/// <summary>An identifier value and where to put it in an otherwise valid case.</summary>
public sealed record IdentifierInCase(string Value, string Place)
{
    public static readonly string[] Places =
    [
        "caseId", "patient.sex", "finding.word", "finding.number", "finding.key", "condition", "medication.code",
        "medication.dose", "goal", "expect.include", "expect.warning", "unknown.nested", "history.key",
    ];

    public string Json()
    {
        var v = Newtonsoft.Json.JsonConvert.ToString(Value);
        var members = Place switch
        {
            "caseId" => $"\"caseId\": {v}",
            "patient.sex" => $"\"patient\": {{ \"sex\": {v} }}",
            "finding.word" => $"\"findings\": {{ \"pain.region\": {v} }}",
            "finding.number" => $"\"findings\": {{ \"pain.nrs\": {v} }}",
            "finding.key" => $"\"findings\": {{ {v}: true }}",
            "condition" => $"\"history\": {{ \"conditions\": [{v}] }}",
            "medication.code" => $"\"history\": {{ \"medications\": [ {{ \"code\": {v} }} ] }}",
            "medication.dose" => $"\"history\": {{ \"medications\": [ {{ \"code\": \"heparin_sc\", \"dose\": {v} }} ] }}",
            "goal" => $"\"goals\": [\"walk_further\", {v}]",
            "expect.include" => $"\"expect\": {{ \"excluded\": {{ \"exclude\": [{v}] }} }}",
            "expect.warning" => $"\"expect\": {{ \"warnings\": {{ \"include\": [ {{ \"appliesTo\": {v} }} ] }} }}",
            "unknown.nested" => $"\"notes\": {{ \"a\": [ {{ \"b\": {v} }} ] }}",
            _ => $"\"history\": {{ {v}: [] }}",
        };
        return "{ \"schema\": \"planrules.case/1\", " + members + " }";
    }
}

public class CaseJsonProperties
{
    [Property(Arbitrary = [typeof(CaseJsonArbitraries)], MaxTest = 300)]
    public void ToJson_ThenFromJson_GivesTheSameCase(PatientCase c)
    {
        var json = c.ToJson();

        var read = Read(json);

        Assert.Empty(read.Diagnostics);
        Assert.Equal(json, read.Case!.ToJson());
    }

    [Property(Arbitrary = [typeof(CaseJsonArbitraries)], MaxTest = 300)]
    public void WriteCaseWithExpectations_ThenRead_GivesTheSameCaseAndExpectations(CaseFile file)
    {
        var json = CaseExpectationsWriter.WriteCase(file.Case, file.Expect);

        var read = Ok(Read(json));
        var expect = CaseExpectationsReader.Read(json, TestVocabulary.Instance);

        Assert.Empty(expect.Diagnostics);
        Assert.Equal(file.Expect is null, expect.Expectations is null);
        Assert.Equal(file.Case.ToJson(), read.ToJson());
        Assert.Equal(json, CaseExpectationsWriter.WriteCase(read, expect.Expectations));
        Assert.Empty(file.Expect?.Validate() ?? []);
    }

    [Property(Arbitrary = [typeof(CaseJsonArbitraries)], MaxTest = 200)]
    public void ValidCases_HaveNoDiagnostics_BuiltOrRead(PatientCase c)
    {
        Assert.Empty(c.Validate(TestVocabulary.Instance));
        var read = Ok(Read(c.ToJson()));
        Assert.Empty(read.Validate(TestVocabulary.Instance));
        Assert.Equal(c.Findings.OrderBy(f => f.Key, StringComparer.Ordinal), read.Findings.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal(c.History.Devices is null, read.History.Devices is null);
        Assert.Equal(c.History.Medications, read.History.Medications);
        Assert.Equal(c.History.Procedures, read.History.Procedures);
    }

    [Property(Arbitrary = [typeof(CaseJsonArbitraries)], MaxTest = 300)]
    public void AnIdentifierAnywhere_IsRefused_AndNeverEchoed(IdentifierInCase identifier)
    {
        var read = Read(identifier.Json());

        Assert.Null(read.Case);
        Assert.Contains(read.Diagnostics, d => d.Code == "PR4009");
        NeverShown(read.Diagnostics, identifier.Value);
    }

    [Property(MaxTest = 500)]
    public void FromJson_NeverThrows_OnArbitraryText(string text)
    {
        var read = Read(text ?? "");

        Assert.Equal(read.Case is null, read.Diagnostics.Count > 0);
    }

    [Property(MaxTest = 500)]
    public void FromJson_NeverThrows_OnMangledCases(int seed)
    {
        var json = PatientCaseValidateTests.ExampleCase().ToJson();
        var random = new Random(seed);
        var chars = json.ToCharArray();
        for (var i = 0; i < 3; i++) chars[random.Next(chars.Length)] = "{}[]\":,0a-. \\"[random.Next(13)];

        var read = Read(new string(chars));

        Assert.Equal(read.Case is null, read.Diagnostics.Count > 0);
    }

    [Property(MaxTest = 500)]
    public void Numbers_RoundTripExactly(double value)
    {
        if (!double.IsFinite(value)) return;
        var c = new PatientCase { Labs = new Dictionary<string, double> { ["ldl"] = value } };

        var read = Read(c.ToJson());

        // 'ldl' is not in the vocabulary: the number still comes back, with its diagnostic.
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal("PR4004", d.Code);
        var text = c.ToJson();
        var written = text[(text.IndexOf("\"ldl\": ", StringComparison.Ordinal) + 7)..text.IndexOf('\n', text.IndexOf("\"ldl\"", StringComparison.Ordinal))];
        Assert.Equal(value == 0 ? 0 : value, double.Parse(written, CultureInfo.InvariantCulture));
    }
}
