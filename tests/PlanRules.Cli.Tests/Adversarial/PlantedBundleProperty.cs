using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using PlanRules.Fhir;
using PlanRules.Fhir.CdsHooks;
using Xunit;

namespace PlanRules.Cli.Tests.Adversarial;

/// <summary>
/// The same property for FHIR input: a string planted into any string value or key of a patient bundle never reaches
/// the importer's notes (what <c>planrules plan --fhir</c> prints), the case, the plan, the exported bundle or the
/// CDS Hooks cards.
/// </summary>
public class PlantedBundleProperty
{
    private static readonly RuleSet Rules = RuleSet.LoadDefault();
    private static readonly DateTimeOffset AsOf = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly string Bundle = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "PlanRules.Fhir.Tests", "Bundles", "lumbar-radicular-apixaban.json"));

    private static readonly (string Path, bool IsKey)[] Positions = [.. PlantedCaseProperty.AllPositions(JObject.Parse(Bundle))];

    private static List<string> Outputs(string json)
    {
        var outputs = new List<string>();
        var import = FhirCaseImporter.ImportJson(json, Rules.Vocabulary, AsOf, "bundle-0001");
        outputs.AddRange(import.Notes.Select(n => n.ToString()));
        if (import.Case is { } c && c.Validate(Rules.Vocabulary).Count == 0)
        {
            outputs.Add(c.ToJson());
            var plan = new PlanRecommender(Rules).Recommend(c);
            outputs.Add(plan.ToJson());
            outputs.Add(plan.ToText());
            outputs.Add(FhirPlanExporter.ToJson(plan, Rules, new FhirExportOptions { Recorded = AsOf }));
            outputs.Add(CdsHooksResponseBuilder.Build(plan, Rules).ToJson());
        }
        return outputs;
    }

    [Fact]
    public void TheBaseBundle_Imports_SoEveryOutputIsExercised()
    {
        var outputs = Outputs(Bundle);
        Assert.True(outputs.Count > 5, string.Join("\n", outputs));
        Assert.True(Positions.Length > 30);
    }

    [Property(MaxTest = 200)]
    public Property APlantedIdentifier_InABundle_IsNeverEchoed() =>
        Prop.ForAll(
            Gen.Elements(Positions).ToArbitrary(),
            Plants.Any().ToArbitrary(),
            (at, planted) =>
            {
                var json = PlantedCaseProperty.PlantAt(Bundle, at, planted);
                foreach (var output in Outputs(json))
                    Assert.False(PlantedCaseProperty.Leaks(output, planted), $"'{at.Path}' ({(at.IsKey ? "key" : "value")}) leaked into:\n{output}");
            });
}
