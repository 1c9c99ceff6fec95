using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PlanRules.Cases;

namespace PlanRules.Fhir.Tests;

/// <summary>FHIR R4 in: a Bundle becomes a case; every decision is a note; identifiers never reach the case.</summary>
public sealed class FhirImportTests
{
    // Identifying values written into the synthetic bundles; none may appear in a case, a note or an export.
    internal static readonly string[] IdentifyingValues =
    [
        "MRN-4471920", "Testperson", "Alexandra", "Jordan", "555-0147", "555-0199", "alex.testperson@example.org",
        "42 Synthetic Lane", "Springfield", "99999", "1967-05-14", "1979-02-02", "pat-1", "B-1",
        "Get back to work at the warehouse", "Walk the dog again", "Use less oxycodone",
    ];

    [Fact]
    public void Import_LumbarRadicularBundle_MapsPatientFindingsHistoryLabsAndGoals()
    {
        var (c, plan, _) = TestBundles.Plan(TestBundles.LumbarRadicular);

        Assert.Equal(59, c.Patient.AgeYears);            // born 1967-05-14, asOf 2026-11-20
        Assert.Equal("female", c.Patient.Sex);
        Assert.False(c.Patient.Pregnant);                 // LOINC 82810-3 = SNOMED 60001007
        Assert.Equal(7, c.Findings["pain.nrs"].NumberValue);
        Assert.Equal("lumbar", c.Findings["pain.region"].WordValue);      // Condition 279039007 low back pain
        Assert.Equal("radicular", c.Findings["pain.pattern"].WordValue);  // Condition 23056005 sciatica
        Assert.Equal("left", c.Findings["pain.laterality"].WordValue);
        Assert.Equal(44, c.Findings["function.odi"].NumberValue);
        Assert.True(c.Findings["imaging.concordant"].BooleanValue);
        Assert.Equal(1.0, c.Labs["inr"]);
        Assert.Equal(210, c.Labs["platelets"]);
        Assert.Equal(6.8, c.Labs["hba1c"]);
        Assert.Equal(["diabetes.type2"], c.History.Conditions);
        var apixaban = Assert.Single(c.History.Medications!);
        Assert.Equal("apixaban", apixaban.Code);
        Assert.Equal(12, apixaban.LastDoseHoursAgo);     // effective 2026-11-19T21:00Z, asOf 09:00Z next day
        Assert.Empty(c.History.Allergies!);               // SNOMED 716186003 no known allergy
        Assert.Null(c.History.Devices);                   // no Device resource: unknown, not "none"
        var esi = Assert.Single(c.History.Procedures!);
        Assert.Equal(("esi.lumbar.transforaminal", 60.0, 12.0), (esi.Code, esi.ReliefPercent!.Value, esi.ReliefWeeks!.Value));
        Assert.Equal(["return_to_work", "walk_further"], c.Goals);

        Assert.Equal("esi.lumbar.transforaminal", plan.Candidates[0].Intervention);
        Assert.Contains(plan.Candidates[0].Prerequisites, p => p.Code == "hold.apixaban");
    }

    [Fact]
    public void Import_DropsIdentifyingData_AndReportsEachDrop()
    {
        var import = TestBundles.Import(TestBundles.LumbarRadicular);
        var dropped = import.NotesWith(FhirMappingOutcome.Dropped).Select(n => n.Element).ToList();

        foreach (var element in new[] { "Patient.identifier", "Patient.name", "Patient.telecom", "Patient.address", "Patient.contact", "Patient.maritalStatus", "Patient.id", "Bundle.identifier" })
            Assert.Contains(element, dropped);
        Assert.Contains(import.Notes, n => n is { Element: "Patient.birthDate", Target: "patient.ageYears" } && n.Message.Contains("birth date itself was dropped", StringComparison.Ordinal));

        var caseJson = import.Case!.ToJson();
        var notes = string.Join("\n", import.Notes);
        foreach (var value in IdentifyingValues)
        {
            Assert.DoesNotContain(value, caseJson, StringComparison.Ordinal);
            Assert.DoesNotContain(value, notes, StringComparison.Ordinal);
        }
        Assert.Empty(import.Case.Validate(TestBundles.Rules.Vocabulary));   // includes the anonymization guard
    }

    [Theory]
    [InlineData(TestBundles.LumbarRadicular)]
    [InlineData(TestBundles.LumbarAxial)]
    [InlineData(TestBundles.RedFlag)]
    public void Import_ReportsEveryEntry_NothingDroppedSilently(string name)
    {
        var bundle = TestBundles.Parse(name);
        var import = TestBundles.Import(name);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var label = "(entry " + i + ")";
            Assert.True(import.Notes.Any(n => n.Resource.EndsWith(label, StringComparison.Ordinal)), bundle.Entry[i].Resource!.TypeName + " " + label + " has no note");
        }
    }

    [Fact]
    public void Import_UnmappedResourcesAndCodes_AreReported()
    {
        var radicular = TestBundles.Import(TestBundles.LumbarRadicular);
        Assert.Contains(radicular.Notes, n => n is { Outcome: FhirMappingOutcome.Unmapped, Resource: var r } && r.StartsWith("Encounter", StringComparison.Ordinal));
        Assert.Contains(radicular.Notes, n => n is { Outcome: FhirMappingOutcome.Unmapped, Resource: var r } && r.StartsWith("Practitioner", StringComparison.Ordinal));
        Assert.Contains(radicular.Notes, n => n.Outcome == FhirMappingOutcome.Unmapped && n.Message.Contains("a SNOMED CT code of 8 characters", StringComparison.Ordinal)); // hypertension: no fact (described by shape, never echoed)

        var axial = TestBundles.Import(TestBundles.LumbarAxial);
        Assert.Contains(axial.Notes, n => n.Outcome == FhirMappingOutcome.Unmapped && n.Message.Contains("an RxNorm code of 6 characters", StringComparison.Ordinal));      // oxycodone product: no mapping
        Assert.Contains(axial.Notes, n => n.Outcome == FhirMappingOutcome.Unmapped && n.Message.Contains("CPT 64493 can be", StringComparison.Ordinal));    // ambiguous, not guessed
        Assert.Contains(axial.Notes, n => n.Outcome == FhirMappingOutcome.Unmapped && n.Message.Contains("Device resources", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_AxialBundle_ReadsProcedureReliefFromExtensionAndObservation()
    {
        var (c, _, _) = TestBundles.Plan(TestBundles.LumbarAxial);

        var blocks = c.History.Procedures!.Where(p => p.Code == "mbb.lumbar").ToList();
        Assert.Equal(2, blocks.Count);
        Assert.Equal([90.0, 85.0], blocks.Select(b => b.ReliefPercent!.Value));   // extension; Observation.partOf
        Assert.Equal([6.0, 3.0], blocks.Select(b => b.WeeksAgo!.Value));
    }

    [Fact]
    public void Import_AxialBundle_AppliesStatusAndSubjectRules()
    {
        var (c, plan, import) = TestBundles.Plan(TestBundles.LumbarAxial);

        Assert.Equal(2, c.History.Procedures!.Count);                                  // not-done RFA and ambiguous CPT left out
        Assert.Equal(6, c.Findings["pain.nrs"].NumberValue);                           // the latest of two scores; the other patient's score dropped
        Assert.Contains(import.Notes, n => n.Outcome == FhirMappingOutcome.Dropped && n.Message.Contains("other than the bundle's Patient", StringComparison.Ordinal));
        Assert.Empty(c.History.Conditions!);                                           // refuted diabetes dropped; the list is known
        Assert.Equal(["aspirin"], c.History.Medications!.Select(m => m.Code));         // warfarin stopped in 2021: not taken now
        Assert.Equal(20, c.History.Medications![0].LastDoseHoursAgo);
        Assert.Equal(["latex"], c.History.Allergies);
        Assert.Equal(66, c.Patient.AgeYears);                                          // year only: approximate
        Assert.Contains(import.Notes, n => n.Target == "patient.ageYears" && n.Message.Contains("approximate", StringComparison.Ordinal));
        Assert.Null(c.Patient.Pregnant);

        var rfa = Assert.Single(plan.Candidates);
        Assert.Equal("rfa.lumbar.medial_branch", rfa.Intervention);
    }

    [Fact]
    public void Import_RedFlagBundle_GivesUrgentReferralAndNoCandidates()
    {
        var (c, plan, import) = TestBundles.Plan(TestBundles.RedFlag);

        Assert.True(c.Findings["redflag.cauda_equina"].BooleanValue);                 // provisional Condition 192970008: unknown is not no
        Assert.Contains(import.Notes, n => n.Target == "finding.redflag.cauda_equina" && n.Message.Contains("provisional", StringComparison.Ordinal));
        Assert.Empty(plan.Candidates);
        Assert.Contains(plan.Referrals, r => r.Code == "urgent_evaluation" && r.StopsPlan);
        Assert.NotEmpty(plan.Excluded);
    }

    [Fact]
    public void Import_TwoPatients_IsRefused()
    {
        var bundle = TestBundles.Parse(TestBundles.RedFlag);
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:00000000-0000-4000-8000-999999999999", Resource = new Patient { Gender = AdministrativeGender.Male } });
        var import = FhirCaseImporter.Import(bundle, TestBundles.Rules.Vocabulary, TestBundles.AsOf);
        Assert.Null(import.Case);
        Assert.Contains(import.Notes, n => n.Outcome == FhirMappingOutcome.Invalid && n.Message.Contains("2 Patient resources", StringComparison.Ordinal));
    }

    [Fact]
    public void ImportJson_InvalidFhir_ReportsWhereWithoutValues()
    {
        var json = """{ "resourceType": "Bundle", "type": "collection", "entry": [ { "resource": { "resourceType": "Patient", "gender": "MRN-SECRET-42" } } ] }""";
        var import = FhirCaseImporter.ImportJson(json, TestBundles.Rules.Vocabulary, TestBundles.AsOf);
        Assert.Null(import.Case);
        var note = Assert.Single(import.Notes);
        Assert.Equal(FhirMappingOutcome.Invalid, note.Outcome);
        Assert.DoesNotContain("MRN-SECRET-42", note.ToString(), StringComparison.Ordinal);

        var notBundle = FhirCaseImporter.ImportJson("""{ "resourceType": "Patient", "gender": "female" }""", TestBundles.Rules.Vocabulary, TestBundles.AsOf);
        Assert.Null(notBundle.Case);
        Assert.Contains("expected a Bundle", Assert.Single(notBundle.Notes).Message, StringComparison.Ordinal);

        var notJson = FhirCaseImporter.ImportJson("not json", TestBundles.Rules.Vocabulary, TestBundles.AsOf);
        Assert.Null(notJson.Case);
    }

    [Fact]
    public void Import_ValueOutOfRangeOrWrongUnit_IsInvalidNotMapped()
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Entry =
            [
                new() { Resource = new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept(FhirCodeSystems.Loinc, "72514-3"), Value = new Quantity(14, "{score}") } },
                new() { Resource = new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept(FhirCodeSystems.Loinc, "777-3"), Value = new Quantity(210, "g/L") } },
                new() { Resource = new Observation { Status = ObservationStatus.EnteredInError, Code = new CodeableConcept(FhirCodeSystems.Loinc, "6301-6"), Value = new Quantity(3, "{INR}") } },
            ],
        };
        var import = FhirCaseImporter.Import(bundle, TestBundles.Rules.Vocabulary, TestBundles.AsOf);
        Assert.NotNull(import.Case);
        Assert.Empty(import.Case.Findings);
        Assert.Empty(import.Case.Labs);
        Assert.Equal(2, import.NotesWith(FhirMappingOutcome.Invalid).Count());
        Assert.Contains(import.Notes, n => n.Outcome == FhirMappingOutcome.Dropped && n.Message.Contains("entered-in-error", StringComparison.Ordinal));
        Assert.Contains(import.Notes, n => n.Message.Contains("no Patient resource", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_Heparin_ByRoute()
    {
        MedicationStatement Heparin(string route) => new()
        {
            Status = MedicationStatement.MedicationStatusCodes.Active,
            Medication = new CodeableConcept(FhirCodeSystems.RxNorm, "5224"),
            Effective = new FhirDateTime(TestBundles.AsOf.AddHours(-6)),
            Dosage = [new Dosage { Route = new CodeableConcept(FhirCodeSystems.Snomed, route) }],
        };
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Entry = [new() { Resource = Heparin("34206005") }, new() { Resource = Heparin("26643006") }] };
        var import = FhirCaseImporter.Import(bundle, TestBundles.Rules.Vocabulary, TestBundles.AsOf);
        var heparin = Assert.Single(import.Case!.History.Medications!);
        Assert.Equal(("heparin_sc", 6.0), (heparin.Code, heparin.LastDoseHoursAgo!.Value));
        Assert.Contains(import.Notes, n => n.Outcome == FhirMappingOutcome.Unmapped && n.Message.Contains("cannot tell heparin_iv from heparin_sc", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_UsesTheVocabularysStandardCodes()
    {
        // Every standard code of the shipped vocabulary (SNOMED CT, LOINC, RxNorm) is recognised.
        var vocabulary = TestBundles.Rules.Vocabulary;
        foreach (var fact in vocabulary.Facts.Where(f => f.StandardCodes.Count > 0))
        {
            foreach (var (system, code) in fact.StandardCodes)
            {
                var uri = system switch { "SNOMED CT" => FhirCodeSystems.Snomed, "LOINC" => FhirCodeSystems.Loinc, "RxNorm" => FhirCodeSystems.RxNorm, _ => FhirCodeSystems.Cpt };
                Resource resource = fact.Section switch
                {
                    "condition" => new Condition { Code = new CodeableConcept(uri, code) },
                    "medication" => new MedicationStatement { Status = MedicationStatement.MedicationStatusCodes.Active, Medication = new CodeableConcept(uri, code) },
                    _ => new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept(uri, code), Value = new Quantity((decimal)(fact.Min ?? 1), fact.Unit ?? "1") },
                };
                var import = FhirCaseImporter.Import(new Bundle { Type = Bundle.BundleType.Collection, Entry = [new() { Resource = resource }] }, vocabulary, TestBundles.AsOf);
                Assert.True(import.Notes.Any(n => n.Outcome == FhirMappingOutcome.Mapped && n.Target == fact.Name && n.Message.Contains("vocabulary code", StringComparison.Ordinal)),
                    fact.Name + ": " + string.Join("\n", import.Notes));
            }
        }
    }

    [Fact]
    public void Import_IsDeterministicAndUsesOnlyAsOf()
    {
        var a = TestBundles.Import(TestBundles.LumbarRadicular);
        var b = TestBundles.Import(TestBundles.LumbarRadicular);
        Assert.Equal(a.Case!.ToJson(), b.Case!.ToJson());
        Assert.Equal(a.Notes, b.Notes);

        var later = FhirCaseImporter.Import(TestBundles.Parse(TestBundles.LumbarRadicular), TestBundles.Rules.Vocabulary, TestBundles.AsOf.AddDays(2));
        Assert.Equal(60, later.Case!.History.Medications![0].LastDoseHoursAgo);
        Assert.Matches(new Regex("^mapped "), a.Notes.First(n => n.Outcome == FhirMappingOutcome.Mapped).ToString());
    }
}
