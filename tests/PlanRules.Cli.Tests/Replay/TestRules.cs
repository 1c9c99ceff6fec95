using Newtonsoft.Json.Linq;
using PlanRules.Plans;
using PlanRules.Replay;
using PlanRules.Rules;

namespace PlanRules.Cli.Tests.Replay;

/// <summary>Small rule sets built in memory from the repository's data files and a rule file of the test's own.</summary>
internal static class TestRules
{
    private static readonly string[] DataFiles = ["ruleset.json", "vocabulary.json", "parameters.json", "catalog.json"];
    private static readonly Lazy<RuleSet> Standard = new(() => Load(TestCorpus.Rules));

    /// <summary>The rules of <see cref="TestCorpus.Rules"/>, loaded once.</summary>
    public static RuleSet Default => Standard.Value;

    public static RuleSet Load(string rulesFile, Action<JObject>? editParameters = null)
    {
        var files = DataFiles.Select(f =>
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Rules, f));
            if (f == "parameters.json" && editParameters is not null)
            {
                var json = JObject.Parse(text);
                editParameters(json);
                text = json.ToString();
            }
            return new RuleSourceFile(f, text);
        }).Append(new RuleSourceFile("test/rules.json", rulesFile));
        var result = RuleSet.Load(files);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.RuleSet!;
    }

    public static TreatmentPlan Plan(RuleSet rules, JObject caseJson)
    {
        var planned = new CasePlanner(rules).Plan(CaseSource.FromText("case.json", caseJson.ToString()));
        Assert.True(planned.Succeeded, string.Join("\n", planned.DescribeProblems()));
        return planned.Plan!;
    }
}
