using Firely.Fhir.Validation;
using Firely.Fhir.Validation.Compilation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Hl7.Fhir.Validation;
using Xunit.Abstractions;

namespace PlanRules.Fhir.Tests;

public sealed class Scratch(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var zip = ZipSource.CreateValidationSource(Path.Combine(AppContext.BaseDirectory, "specification.zip"));
        var resolver = new CachedResolver(new StructureDefinitionCorrectionsResolver(zip));
        var validator = new Firely.Fhir.Validation.Validator(resolver, new LocalTerminologyService(resolver));
        var p = new Patient { Gender = AdministrativeGender.Female, BirthDate = "1967-03-04" };
        var r = validator.Validate(p);
        output.WriteLine(r.ToString() + " " + sw.ElapsedMilliseconds);
        var rg = new RequestGroup();
        r = validator.Validate(rg);
        output.WriteLine(" " + sw.ElapsedMilliseconds);
        foreach (var i in r.Issue) output.WriteLine($"{i.Severity} {i.Code} {i.Details?.Text} @ {string.Join(",", i.Expression)}");
        var json = "{\"resourceType\":\"Patient\",\"gender\":\"female\",\"birthDate\":\"1967\",\"identifier\":[{\"value\":\"123\"}]}";
        var parsed = FhirJsonDeserializer.DEFAULT.Deserialize<Patient>(json);
        output.WriteLine(parsed.BirthDate + " " + parsed.ToJson());
        try { FhirJsonDeserializer.DEFAULT.Deserialize<RequestGroup>("{\"resourceType\":\"RequestGroup\"}"); output.WriteLine("parsed empty RG"); } catch (Exception e) { output.WriteLine(e.GetType() + e.Message); }
        var errs = rg.Validate(NarrativeValidationKind.FhirXhtml, null);
        output.WriteLine("attr: " + string.Join(" | ", errs.Select(e => e.ToString())));
    }
}
