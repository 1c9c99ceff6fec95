using Newtonsoft.Json.Linq;
using PlanRules.Plans;
using PlanRules.Rules;

namespace PlanRules.Tests.Plans.Format;

/// <summary>
/// Rule sets for the plan-format tests: the shipped data files with the vocabulary's screening marks set to exactly
/// the facts a test names (independent of the shipped marks), plus rule files given as text.
/// </summary>
internal static class FormatRuleSets
{
    /// <summary>The screening facts the tests mark unless told otherwise.</summary>
    public static readonly string[] DefaultScreening = ["finding.exam.neuro_deficit", "finding.redflag.cauda_equina", "patient.pregnant"];

    /// <summary>Two proposals used by most tests: a transforaminal ESI for radicular pain, medial branch blocks for lumbar pain.</summary>
    public const string Propose = """
        { "id": "p.esi", "title": "ESI", "kind": "candidate", "intervention": "esi.lumbar.transforaminal", "strength": "recommended",
          "when": { "fact": "finding.pain.pattern", "is": "radicular" } },
        { "id": "p.mbb", "title": "MBB", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider",
          "when": { "fact": "finding.pain.region", "is": "lumbar" } }
        """;

    public static RuleSetLoadResult Load(string rulesArray, IReadOnlyList<string>? screening = null, string vocabularyEdit = "")
    {
        var files = TestRuleSets.ShippedDataFiles()
            .Select(f => f.Path == "vocabulary.json" ? f with { Content = MarkScreening(f.Content, screening ?? DefaultScreening, vocabularyEdit) } : f)
            .ToList();
        files.Add(new RuleSourceFile("test/rules.json", "{ \"rules\": " + rulesArray + " }"));
        return RuleSet.Load(files);
    }

    /// <summary>Loads <see cref="Propose"/> and <paramref name="moreRules"/>; fails the test on any error.</summary>
    public static RuleSet Rules(string moreRules, IReadOnlyList<string>? screening = null)
    {
        var result = Load("[" + Propose + (moreRules.Length > 0 ? "," + moreRules : "") + "]", screening);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.RuleSet!;
    }

    public static TreatmentPlan Plan(string moreRules, Action<JObject>? edit = null, IReadOnlyList<string>? screening = null) =>
        TestRuleSets.Plan(Rules(moreRules, screening), TestRuleSets.LumbarCase(edit));

    private static string MarkScreening(string vocabulary, IEnumerable<string> facts, string edit)
    {
        var root = JObject.Parse(vocabulary);
        var map = (JObject)root["facts"]!;
        foreach (var property in map.Properties()) ((JObject)property.Value).Remove("screening");
        foreach (var fact in facts) map[fact]!["screening"] = true;
        if (edit.Length > 0)
            foreach (var property in JObject.Parse(edit).Properties()) map[property.Name] = property.Value;
        return root.ToString();
    }
}
