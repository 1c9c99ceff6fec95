using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Xunit.Abstractions;
using FhirTask = Hl7.Fhir.Model.Task;

namespace PlanRules.Fhir.Tests;

/// <summary>
/// Round trip: synthetic FHIR JSON → Firely deserializer → case → plan → FHIR R4 out → JSON → Firely deserializer
/// again, and validation against base R4 offline. What is validated: (1) the strict deserializer
/// (<c>FhirJsonDeserializer.DEFAULT</c>) rejects structural errors (unknown elements, wrong types, invalid
/// primitives, cardinality); (2) the SDK's attribute validation (<c>resource.Validate</c>: cardinality, required
/// elements, primitive formats, narrative); (3) the Firely profile validator against the base R4 StructureDefinitions
/// from <c>specification.zip</c> (types, cardinality, required bindings of core value sets, FHIRPath invariants).
/// Not validated: terminology of external code systems (SNOMED CT, LOINC, RxNorm: no terminology server offline).
/// </summary>
public sealed class FhirRoundTripTests(ITestOutputHelper output)
{
    private static readonly FhirExportOptions Options = new() { Recorded = TestBundles.AsOf };

    public static TheoryData<string> Bundles => new(TestBundles.All);

    [Theory]
    [MemberData(nameof(Bundles))]
    public void InputBundle_IsValidR4(string name)
    {
        var bundle = TestBundles.Parse(name);
        Assert.Empty(bundle.Validate(NarrativeValidationKind.FhirXhtml, null));
        Assert.Empty(TestBundles.ValidationErrors(bundle));
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void RoundTrip_PlanAsFhir_ParsesAgainAndValidatesAgainstBaseR4(string name)
    {
        var (_, plan, _) = TestBundles.Plan(name);
        var json = FhirPlanExporter.ToJson(plan, TestBundles.Rules, Options);

        var parsed = FhirJsonDeserializer.DEFAULT.Deserialize<Bundle>(json);   // strict: throws on any structural error
        Assert.Equal(Bundle.BundleType.Collection, parsed.Type);
        Assert.Empty(parsed.Validate(NarrativeValidationKind.FhirXhtml, null));
        var errors = TestBundles.ValidationErrors(parsed);
        foreach (var e in errors) output.WriteLine(e);
        Assert.Empty(errors);
        foreach (var entry in parsed.Entry)
        {
            Assert.StartsWith("urn:uuid:", entry.FullUrl, StringComparison.Ordinal);
            Assert.Empty(TestBundles.ValidationErrors(entry.Resource!));
        }
        Assert.Equal(json, parsed.ToJson(pretty: true).Replace("\r\n", "\n", StringComparison.Ordinal));   // nothing lost in the round trip
    }

    [Fact]
    public void Export_LumbarPlan_HasRequestGroupIssuesTasksAndProvenance()
    {
        var (_, plan, _) = TestBundles.Plan(TestBundles.LumbarRadicular);
        var bundle = FhirJsonDeserializer.DEFAULT.Deserialize<Bundle>(FhirPlanExporter.ToJson(plan, TestBundles.Rules, Options));
        var resources = bundle.Entry.Select(e => e.Resource).ToList();

        var group = Assert.Single(resources.OfType<RequestGroup>());
        Assert.Equal((RequestStatus.Draft, RequestIntent.Proposal), (group.Status!.Value, group.Intent!.Value));
        var options = Assert.Single(group.Action, a => a.SelectionBehavior == ActionSelectionBehavior.AtMostOne);
        var candidateActions = options.Action;
        Assert.Equal(plan.Candidates.Select(c => c.Name), candidateActions.Select(a => a.Title));
        var first = candidateActions[0];
        Assert.Equal("esi.lumbar.transforaminal", first.Code[0].Coding[0].Code);
        Assert.StartsWith("Recommended (rank 1). Because: Lumbar transforaminal ESI", first.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("{", first.Description, StringComparison.Ordinal);                 // parameters filled in
        Assert.Contains(first.Documentation, d => d.Type == RelatedArtifact.RelatedArtifactType.Justification && d.Label == plan.Candidates[0].Because[0].Rule);
        Assert.Equal("hold.apixaban", first.Action[0].Code[0].Coding[0].Code);                  // the prerequisite first ...
        Assert.Equal("esi.lumbar.transforaminal", first.Action[^1].Code[0].Coding[0].Code);      // ... then the procedure
        var hold = resources.OfType<FhirTask>().Single(t => t.Code!.Coding[0].System == FhirCodeSystems.Issues && t.Code.Coding[0].Code == "hold.apixaban"
                                                            && t.Focus!.Reference == first.Action[^1].Resource!.Reference);
        Assert.Equal(plan.Candidates[0].Prerequisites[0].Message, hold.Description);
        var procedure = resources.OfType<ServiceRequest>().Single(r => r.Code!.Coding[0].Code == "esi.lumbar.transforaminal");
        Assert.Equal((RequestStatus.Draft, RequestIntent.Proposal), (procedure.Status!.Value, procedure.Intent!.Value));
        Assert.Contains(group.Action, a => a.Title == "Physical therapy" && a.Resource is not null);

        var issues = resources.OfType<DetectedIssue>().ToList();
        Assert.Equal(plan.Warnings.Count + plan.Excluded.Sum(x => x.Reasons.Count), issues.Count);
        Assert.Contains(issues, i => i.Code!.Coding[0].Code == "antithrombotic.hold" && i.Severity == DetectedIssue.DetectedIssueSeverity.High);
        Assert.Contains(issues, i => i.Code!.Coding[0].Code == "diabetes.steroid_glucose" && i.Severity == DetectedIssue.DetectedIssueSeverity.Moderate);

        Assert.Equal(plan.MissingInformation.Count, resources.OfType<FhirTask>().Count(t => t.Code!.Coding[0].System == FhirCodeSystems.Vocabulary));

        var provenance = Assert.Single(resources.OfType<Provenance>());
        Assert.Equal(TestBundles.AsOf, provenance.Recorded);
        Assert.Equal(bundle.Entry.Count - 2, provenance.Target.Count);   // everything but the Device and itself
        Assert.Equal(plan.RuleSet.Sha256, provenance.Entity[0].What!.Identifier!.Value);
        Assert.Contains(plan.RuleSet.Version, provenance.Entity[0].What.Display, StringComparison.Ordinal);
        Assert.Contains(plan.RuleSet.Name, provenance.Policy.First()!, StringComparison.Ordinal);
        Assert.Single(resources.OfType<Device>());
    }

    [Fact]
    public void Export_AxialPlan_InfoWarningIsLowSeverity_AndMissingInformationIsTasks()
    {
        var (_, plan, _) = TestBundles.Plan(TestBundles.LumbarAxial);
        var bundle = FhirPlanExporter.ToBundle(plan, TestBundles.Rules, Options);
        var issues = bundle.Entry.Select(e => e.Resource).OfType<DetectedIssue>().ToList();
        foreach (var warning in plan.Warnings)
            Assert.Contains(issues, i => i.Code!.Coding[0].Code == warning.Code && i.Severity == FhirPlanExporter.SeverityOf(warning.Severity));
        Assert.Contains(issues, i => i.Severity == DetectedIssue.DetectedIssueSeverity.Low);
        var tasks = bundle.Entry.Select(e => e.Resource).OfType<FhirTask>().Where(t => t.Code!.Coding[0].System == FhirCodeSystems.Vocabulary).ToList();
        Assert.Equal(plan.MissingInformation.Select(m => m.Fact), tasks.Select(t => t.Code!.Coding[0].Code));
        Assert.All(tasks, t => Assert.Equal((FhirTask.TaskStatus.Requested, FhirTask.TaskIntent.Proposal), (t.Status!.Value, t.Intent!.Value)));
    }

    [Fact]
    public void Export_RedFlagPlan_HasUrgentReferralAndHighSeverityExclusions()
    {
        var (_, plan, _) = TestBundles.Plan(TestBundles.RedFlag);
        var bundle = FhirPlanExporter.ToBundle(plan, TestBundles.Rules, Options);
        var group = bundle.Entry.Select(e => e.Resource).OfType<RequestGroup>().Single();
        Assert.All(group.Action, a => Assert.Equal(RequestPriority.Urgent, a.Priority));
        Assert.NotEmpty(group.Action);
        var exclusions = bundle.Entry.Select(e => e.Resource).OfType<DetectedIssue>().Where(i => i.Detail!.Contains("is excluded", StringComparison.Ordinal)).ToList();
        Assert.Equal(plan.Excluded.Sum(x => x.Reasons.Count), exclusions.Count);
        Assert.All(exclusions, i => Assert.Equal(DetectedIssue.DetectedIssueSeverity.High, i.Severity));
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Export_IsDeterministic_AndCarriesNoIdentifiers(string name)
    {
        var (_, plan, _) = TestBundles.Plan(name);
        var json = FhirPlanExporter.ToJson(plan, TestBundles.Rules, Options);
        Assert.Equal(json, FhirPlanExporter.ToJson(plan, TestBundles.Rules, Options));
        foreach (var value in FhirImportTests.IdentifyingValues) Assert.DoesNotContain(value, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Patient/", json, StringComparison.Ordinal);   // no patient reference unless the host gives one

        var withSubject = FhirPlanExporter.ToBundle(plan, TestBundles.Rules, Options with { PatientReference = "Patient/123" });
        Assert.Equal("Patient/123", withSubject.Entry.Select(e => e.Resource).OfType<RequestGroup>().Single().Subject!.Reference);
        Assert.Empty(TestBundles.ValidationErrors(withSubject));
    }
}
