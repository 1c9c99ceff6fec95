using Firely.Fhir.Validation;
using Firely.Fhir.Validation.Compilation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using PlanRules.Cases;
using PlanRules.Plans;

namespace PlanRules.Fhir.Tests;

/// <summary>The synthetic bundles under <c>Bundles/</c>, the instant they describe, and a shared offline R4 validator.</summary>
internal static class TestBundles
{
    /// <summary>The <c>asOf</c> of every test bundle.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public static readonly RuleSet Rules = RuleSet.LoadDefault();

    public const string LumbarRadicular = "lumbar-radicular-apixaban.json";
    public const string LumbarAxial = "lumbar-axial-two-blocks.json";
    public const string RedFlag = "red-flag-cauda-equina.json";

    public static readonly string[] All = [LumbarRadicular, LumbarAxial, RedFlag];

    public static string Json(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bundles", name));

    /// <summary>Parses a test bundle with the Firely R4 deserializer (strict: structural errors throw).</summary>
    public static Bundle Parse(string name) => FhirJsonDeserializer.DEFAULT.Deserialize<Bundle>(Json(name));

    public static FhirImportResult Import(string name) => FhirCaseImporter.Import(Parse(name), Rules.Vocabulary, AsOf, "fhir-" + Path.GetFileNameWithoutExtension(name));

    public static (PatientCase Case, TreatmentPlan Plan, FhirImportResult Import) Plan(string name)
    {
        var import = Import(name);
        Assert.True(import.Succeeded, string.Join("\n", import.Notes));
        return (import.Case!, new PlanRecommender(Rules).Recommend(import.Case!), import);
    }

    /// <summary>
    /// The Firely profile validator (Firely.Fhir.Validation.R4) over the base R4 specification
    /// (Hl7.Fhir.Specification.Data.R4's specification.zip), offline: cardinality, types, required bindings of the
    /// core value sets the local terminology service can expand, and the FHIRPath invariants of the base resources.
    /// Built once (loading the specification takes a few seconds).
    /// </summary>
    public static Validator Validator => LazyValidator.Value;

    private static readonly Lazy<Validator> LazyValidator = new(() =>
    {
        var zip = ZipSource.CreateValidationSource(Path.Combine(AppContext.BaseDirectory, "specification.zip"));
        var resolver = new CachedResolver(new StructureDefinitionCorrectionsResolver(zip));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The errors (and fatal issues) of validating a resource against base R4.</summary>
    public static IReadOnlyList<string> ValidationErrors(Resource resource)
    {
        OperationOutcome outcome;
        lock (LazyValidator) outcome = Validator.Validate(resource);
        return outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => i.Severity + " " + i.Code + ": " + i.Details?.Text + " @ " + string.Join(",", i.Expression))
            .ToList();
    }
}
