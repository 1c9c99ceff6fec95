using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PlanRules.Fhir.CdsHooks;
using PlanRules.Samples.CdsHooks;
using Condition = Hl7.Fhir.Model.Condition;

namespace PlanRules.Fhir.Tests;

/// <summary>
/// Trust at the edges: identifier-like strings planted into every string position of a bundle (codes, displays,
/// text, notes, identifiers, extension values, units, references, narrative, unknown keys) never come out again — not
/// in the importer's notes (what <c>planrules plan --fhir</c> prints on stderr), not in the case or the plan, not in
/// the exported FHIR bundle, not in the CDS Hooks response (built directly or answered by the sample service).
/// Compared after NFKC normalization and upper-casing, so that width or case variants count as leaks too.
/// </summary>
public sealed partial class FhirRedactionTests
{
    // Planted as-is where FHIR allows any string (string, code, markdown, xhtml text).
    private static readonly string[] Planted =
    [
        "Maria Okonkwo-Jürgensen", "RN 4481-2291", "4 March 1961", "zoë.müller@exämple.de", "tel 020 7946 0958", "١٩٦١-٠٣-٠٤",
    ];

    // Where FHIR allows no spaces (id, uri), the same values compacted; and the fragments that must not survive either.
    private const string CompactName = "MariaOkonkwo-Jurgensen";
    private const string CompactRecord = "RN4481-2291";

    private static readonly string[] Fragments =
    [
        "Okonkwo", "Jürgensen", "Jurgensen", "4481", "2291", "March 1961", "1961-03-04", "zoë", "müller", "exämple", "7946", "0958", "١٩٦١", "٠٣-٠٤",
    ];

    private static readonly string[] Forbidden = [.. Planted, CompactName, CompactRecord, .. Fragments];

    [Fact]
    public void Import_PlantedStrings_NeverInNotesCaseOrPlan()
    {
        var bundle = PlantedBundle();
        var json = bundle.ToJson();
        Assert.All(Planted, p => Assert.Contains(p, json, StringComparison.Ordinal));   // the plant took

        var import = FhirCaseImporter.ImportJson(json, TestBundles.Rules.Vocabulary, TestBundles.AsOf);
        Assert.True(import.Succeeded, string.Join("\n", import.Notes));
        AssertClean("notes", string.Join("\n", import.Notes));
        AssertClean("case", import.Case!.ToJson());
        var plan = new PlanRecommender(TestBundles.Rules).Recommend(import.Case);
        AssertClean("plan", plan.ToJson());
        AssertClean("plan text", plan.ToText());

        // The plant reached the mapper: the unmapped codes, bad words and bad numbers are reported by shape.
        Assert.Contains(import.Notes, n => n.Outcome == FhirMappingOutcome.Unmapped && n.Message.Contains("in an unknown code system", StringComparison.Ordinal));
        Assert.Contains(import.Notes, n => n.Outcome == FhirMappingOutcome.Invalid && n.Message.Contains("a text of 23 characters is not one of", StringComparison.Ordinal));
        Assert.Contains(import.Notes, n => n.Outcome == FhirMappingOutcome.Invalid && n.Message.Contains("the value is outside 0–10", StringComparison.Ordinal));
        Assert.Contains(import.Notes, n => n is { Element: "Patient.identifier" } && n.Message.Contains("a medical record number", StringComparison.Ordinal));
        Assert.Contains(import.Notes, n => n is { Element: "Device.identifier" } && n.Message.Contains("a serial number", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_PlantedStrings_NeverInFhirBundleOrCdsResponse()
    {
        var import = FhirCaseImporter.Import(PlantedBundle(), TestBundles.Rules.Vocabulary, TestBundles.AsOf);
        var plan = new PlanRecommender(TestBundles.Rules).Recommend(import.Case!);
        Assert.NotEmpty(plan.Candidates);

        AssertClean("FHIR export", FhirPlanExporter.ToJson(plan, TestBundles.Rules, new FhirExportOptions { Recorded = TestBundles.AsOf }));
        // A patient id is used only when the caller sets it and it is a valid FHIR id; none of the planted strings is one.
        foreach (var patientId in Planted.Append(null))
            AssertClean("CDS Hooks response", CdsHooksResponseBuilder.Build(plan, TestBundles.Rules, new CdsHooksOptions { PatientId = patientId }).ToJson());
    }

    [Fact]
    public void ImportJson_InvalidBundleWithPlantedStrings_ReportsPlacesOnly()
    {
        // Strings where FHIR does not allow them (ids, dates, genders, unknown keys, a resource type) make the bundle
        // invalid; the parse errors are located by path, and a path stops at the first name FHIR R4 does not define.
        var json = InvalidPlantedJson();
        var import = FhirCaseImporter.ImportJson(json, TestBundles.Rules.Vocabulary, TestBundles.AsOf);
        Assert.Null(import.Case);
        Assert.NotEmpty(import.Notes);
        AssertClean("parse notes", string.Join("\n", import.Notes));
        Assert.Contains(import.Notes, n => n.Element is { } e && e.Contains("(an element that FHIR R4 does not define)", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task Service_PlantedStrings_NeverInResponses()
    {
        await using var server = await CdsHooksSample.StartAsync(new CdsHooksServerOptions { Clock = new FixedClock(TestBundles.AsOf) });
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var hook = new Uri("cds-services/" + CdsHooksSample.ServiceId, UriKind.Relative);

        foreach (var (bundle, expectCards) in new[] { (PlantedBundle().ToJson(), true), (InvalidPlantedJson(), false) })
        {
            var request = new JsonObject
            {
                ["hook"] = "patient-view",
                ["hookInstance"] = Planted[1],
                ["fhirServer"] = "https://" + CompactName + ".example/fhir",
                ["context"] = new JsonObject { ["userId"] = Planted[0], ["patientId"] = Planted[1], ["encounterId"] = Planted[5] },
                ["prefetch"] = new JsonObject { [CdsHooksSample.PrefetchKey] = JsonNode.Parse(bundle), [Planted[2]] = Planted[3] },
            };
            using var response = await http.PostAsync(hook, new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertClean("service response", body);
            var cards = JsonNode.Parse(body)!["cards"]!.AsArray();
            Assert.Equal(expectCards, cards.Count > 1);
        }

        // Planted values in the fields the service checks: refused without an echo.
        foreach (var body in new[]
                 {
                     "{\"hook\":\"" + Planted[0] + "\",\"hookInstance\":\"x\",\"context\":{}}",
                     "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{\"patientId\":{\"" + Planted[1] + "\":1}}}",
                     "{\"" + Planted[4] + "\":" + "\"" + Planted[5] + "\"",
                 })
        {
            using var response = await http.PostAsync(hook, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            AssertClean("problem", await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Fails when a planted value (or a fragment of one) appears, after NFKC normalization and upper-casing.</summary>
    private static void AssertClean(string what, string text)
    {
        // Ids (fresh UUIDs, name-based UUIDs, hashes) are hex: blank them so that a chance "4481" in one is not a leak.
        var comparable = Normalize(HexRun().Replace(text, "#"));
        foreach (var value in Forbidden)
            Assert.False(comparable.Contains(Normalize(value), StringComparison.Ordinal), what + " contains a planted value (" + value.Length + " characters)");
    }

    private static string Normalize(string s) => s.Normalize(NormalizationForm.FormKC).ToUpperInvariant();

    [GeneratedRegex("[0-9a-fA-F-]{16,}")]
    private static partial Regex HexRun();

    // ---------------------------------------------------------------- The planted bundle

    /// <summary>The lumbar radicular test bundle, with planted strings added in every string position that stays valid FHIR R4.</summary>
    internal static Bundle PlantedBundle()
    {
        var bundle = TestBundles.Parse(TestBundles.LumbarRadicular);
        var p = Planted;
        bundle.Identifier = new Identifier("urn:x:" + CompactName, p[1]);

        var patient = (Patient)bundle.Entry.Single(e => e.Resource is Patient).Resource!;
        patient.Identifier.Add(new Identifier("urn:x:" + CompactRecord, p[1]) { Type = new CodeableConcept("urn:x:" + CompactName, p[0], p[0], p[0]) });
        patient.Identifier.Add(new Identifier("urn:x:a", p[5]) { Type = new CodeableConcept(ValueShape.IdentifierTypeSystem, "MR", p[3], p[3]) });
        patient.Name.Add(new HumanName { Text = p[0], Family = p[0], Given = [p[0], p[3]] });
        patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, p[4]));
        patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, p[3]));
        patient.Address.Add(new Address { Text = p[2], Line = [p[0], p[1]], City = p[4], PostalCode = p[5] });
        patient.Extension.Add(new Extension("urn:x:" + CompactName, new FhirString(p[2])));
        patient.Extension.Add(new Extension("urn:x:birth", new FhirString(p[5])));
        patient.Text = new Narrative { Status = Narrative.NarrativeStatus.Generated, Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + string.Join(" ", p) + "</div>" };
        patient.Communication.Add(new Patient.CommunicationComponent { Language = new CodeableConcept("urn:ietf:bcp:47", p[1], p[0], p[2]) });
        patient.MaritalStatus = new CodeableConcept("urn:x:" + CompactRecord, p[1], p[3], p[4]);

        var subject = new ResourceReference(bundle.Entry.Single(e => e.Resource is Patient).FullUrl, p[0]);
        CodeableConcept Unknown(int i) => new("urn:x:" + CompactName, p[i], p[(i + 1) % p.Length], p[(i + 2) % p.Length]);
        CodeableConcept Vocabulary(string code) => new(FhirCodeSystems.Vocabulary, code, p[0], p[2]);
        List<Annotation> Notes() => [new Annotation { Text = p[2] + " " + p[4] }];

        void Add(Resource resource) => bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = resource });

        // Observations: an unknown code, a vocabulary-looking code the vocabulary does not define, a word fact with a
        // planted string, a number out of range with a planted unit, pregnancy status with an unknown code.
        Add(new Observation { Status = ObservationStatus.Final, Subject = subject, Code = Unknown(0), Value = new FhirString(p[1]), Note = Notes() });
        Add(new Observation { Status = ObservationStatus.Final, Subject = subject, Code = new CodeableConcept(FhirCodeSystems.Vocabulary, p[0], p[1], p[2]), Value = new FhirString(p[3]) });
        Add(new Observation { Status = ObservationStatus.Final, Subject = subject, Code = Vocabulary("finding.pain.laterality"), Value = new FhirString(p[0]) });
        Add(new Observation { Status = ObservationStatus.Final, Subject = subject, Code = new CodeableConcept(FhirCodeSystems.Loinc, "72514-3", p[4], p[0]), Value = new Quantity(4481, "{score}") });
        Add(new Observation { Status = ObservationStatus.Final, Subject = subject, Code = new CodeableConcept(FhirCodeSystems.Loinc, "72514-3", p[4], p[0]), Value = new Quantity(3, p[1]) { System = "urn:x:" + CompactRecord } });
        Add(new Observation { Status = ObservationStatus.Final, Subject = subject, Code = new CodeableConcept(FhirCodeSystems.Loinc, "82810-3", p[5], p[5]), Value = new CodeableConcept(FhirCodeSystems.Snomed, p[1], p[0], p[2]) });
        Add(new Observation { Status = ObservationStatus.Final, Subject = subject, Code = Vocabulary("finding.function.odi"), Value = new Quantity(2291, p[4]) });

        // Conditions: unknown SNOMED CT code, unknown statuses, notes.
        Add(new Condition
        {
            Subject = subject, Code = new CodeableConcept(FhirCodeSystems.Snomed, p[1], p[0], p[3]), Note = Notes(),
            ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", p[0]),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", p[5]),
        });

        // Medications: an unknown RxNorm code with a planted last-dose extension; a request for a planted Medication.
        Add(new MedicationStatement
        {
            Status = MedicationStatement.MedicationStatusCodes.Active, Subject = subject, Medication = new CodeableConcept(FhirCodeSystems.RxNorm, p[4], p[0], p[2]),
            Note = Notes(), Dosage = [new Dosage { Text = p[3], Route = Unknown(2) }],
            Extension = [new Extension(FhirCodeSystems.LastDoseExtension, new FhirString(p[2]))],
        });
        Add(new Medication { Id = CompactRecord, Code = Unknown(3) });
        Add(new MedicationRequest
        {
            Status = MedicationRequest.MedicationrequestStatus.Active, Intent = MedicationRequest.MedicationRequestIntent.Order, Subject = subject,
            Medication = new ResourceReference("Medication/" + CompactRecord, p[0]), Note = Notes(),
        });
        Add(new MedicationRequest
        {
            Status = MedicationRequest.MedicationrequestStatus.Active, Intent = MedicationRequest.MedicationRequestIntent.Order, Subject = subject,
            Medication = new ResourceReference("Medication/" + CompactName, p[1]),
        });

        // Allergy, procedure (unknown and ambiguous CPT, planted relief extensions), goal, device.
        Add(new AllergyIntolerance { Patient = subject, Code = Unknown(4), Note = Notes() });
        Add(new Procedure
        {
            Status = EventStatus.Completed, Subject = subject, Code = new CodeableConcept(FhirCodeSystems.Cpt, p[1], p[0], p[2]), Note = Notes(),
            Outcome = new CodeableConcept { Text = p[0] }, Performed = new FhirDateTime(TestBundles.AsOf.AddDays(-30)),
        });
        Add(new Procedure
        {
            Status = EventStatus.Completed, Subject = subject, Code = Vocabulary("procedure.mbb.lumbar"), Performed = new FhirDateTime(TestBundles.AsOf.AddDays(-30)),
            Extension = [new Extension(FhirCodeSystems.ReliefPercentExtension, new FhirDecimal(4481)), new Extension(FhirCodeSystems.ReliefWeeksExtension, new FhirString(p[1]))],
            Outcome = new CodeableConcept { Text = p[3] },
        });
        Add(new Goal { LifecycleStatus = Goal.GoalLifecycleStatus.Active, Subject = subject, Description = new CodeableConcept { Text = p[0], Coding = [new Coding("urn:x:" + CompactName, p[2], p[4])] }, Note = Notes() });
        Add(new Device
        {
            Status = Device.FHIRDeviceStatus.Active, Patient = subject, Type = Unknown(5), SerialNumber = p[1], LotNumber = p[2],
            Identifier = [new Identifier("urn:x:" + CompactRecord, p[1])], UdiCarrier = [new Device.UdiCarrierComponent { DeviceIdentifier = p[1], CarrierHRF = p[0] }],
            Note = Notes(),
        });
        Add(new Practitioner { Name = [new HumanName { Text = p[0] }], Identifier = [new Identifier("urn:x:a", p[1])] });
        Add(new Encounter { Status = Encounter.EncounterStatus.Finished, Class = new Coding("urn:x:a", p[1]), ReasonCode = [Unknown(1)], Subject = subject });
        return bundle;
    }

    /// <summary>JSON that is not valid FHIR R4 because of planted strings where FHIR allows none (ids, dates, codes of required bindings, unknown keys).</summary>
    private static string InvalidPlantedJson()
    {
        var p = Planted;
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["id"] = p[1],
            ["entry"] = new JsonArray(
                new JsonObject
                {
                    ["fullUrl"] = p[0],
                    ["resource"] = new JsonObject
                    {
                        ["resourceType"] = "Patient", ["id"] = p[0], ["gender"] = p[3], ["birthDate"] = p[2],
                        [p[0]] = p[1], [CompactName] = p[4], ["identifier"] = p[5],
                    },
                },
                new JsonObject
                {
                    ["resource"] = new JsonObject
                    {
                        ["resourceType"] = "Observation", ["status"] = p[1], ["effectiveDateTime"] = p[5],
                        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = p[4], ["code"] = "  " + p[0] + "  " }) },
                        ["valueQuantity"] = new JsonObject { ["value"] = p[1], ["unit"] = 4481 },
                        ["extension"] = new JsonArray(new JsonObject { ["url"] = p[3], [CompactRecord] = p[2] }),
                    },
                },
                new JsonObject { ["resource"] = new JsonObject { ["resourceType"] = CompactName, ["name"] = p[0] } }),
        };
        return bundle.ToJsonString();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
