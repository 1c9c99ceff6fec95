using Newtonsoft.Json.Linq;

namespace PlanRules.Cli.Tests;

/// <summary>
/// A temporary folder holding small rule sets (the repository's ruleset, vocabulary, parameters and catalog files plus
/// a rule file of the test's own, so that tests do not depend on the clinical rules) and case files. Deleted on dispose.
/// </summary>
internal sealed class TestCorpus : IDisposable
{
    private static readonly string[] DataFiles = ["ruleset.json", "vocabulary.json", "parameters.json", "catalog.json"];

    /// <summary>
    /// A small rule set: ESI for radicular pain lasting at least <c>$esi.min_pain_weeks</c> (recommended), MBB for lumbar
    /// pain (consider), an SCS trial after failed back surgery (never fired by the test cases), an absolute
    /// contraindication on INR above 1.5, and a red-flag referral.
    /// </summary>
    public const string Rules = """
        { "topic": "CLI tests", "rules": [
          { "id": "t.esi", "title": "ESI for radicular pain", "kind": "candidate", "intervention": "esi.lumbar.transforaminal", "strength": "recommended",
            "when": { "all": [ { "fact": "finding.pain.pattern", "is": "radicular" },
                               { "fact": "finding.pain.duration_weeks", "atLeast": "$esi.min_pain_weeks" } ] },
            "rationale": "test", "evidence": ["test"], "status": "draft" },
          { "id": "t.mbb", "title": "MBB for lumbar pain", "kind": "candidate", "intervention": "mbb.lumbar", "strength": "consider",
            "when": { "fact": "finding.pain.region", "is": "lumbar" }, "rationale": "test", "evidence": ["test"], "status": "draft" },
          { "id": "t.scs.never", "title": "SCS trial after failed back surgery", "kind": "candidate", "intervention": "scs.trial", "strength": "consider",
            "when": { "fact": "finding.diagnosis.failed_back_surgery", "is": true }, "rationale": "test", "evidence": ["test"], "status": "draft" },
          { "id": "t.inr", "title": "INR too high", "kind": "contraindication", "severity": "absolute",
            "appliesTo": { "bleedingRisk": ["intermediate", "high"] }, "message": "INR above 1.5.",
            "when": { "fact": "lab.inr", "above": 1.5 }, "rationale": "test", "evidence": ["test"], "status": "draft" },
          { "id": "t.redflag", "title": "Cauda equina", "kind": "referral", "referral": "urgent_evaluation", "message": "Urgent evaluation.",
            "when": { "fact": "finding.redflag.cauda_equina", "is": true }, "rationale": "test", "evidence": ["test"], "status": "draft" }
        ] }
        """;

    public TestCorpus()
    {
        Root = Path.Combine(Path.GetTempPath(), "planrules-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a rule set folder; <paramref name="editParameters"/> may change parameters.json.</summary>
    public string WriteRuleSet(string name, string rules = Rules, Action<JObject>? editParameters = null)
    {
        var dir = PathOf(name);
        Directory.CreateDirectory(Path.Combine(dir, "test"));
        foreach (var file in DataFiles) File.Copy(Path.Combine(RepoPaths.Rules, file), Path.Combine(dir, file));
        if (editParameters is not null)
        {
            var parameters = JObject.Parse(File.ReadAllText(Path.Combine(dir, "parameters.json")));
            editParameters(parameters);
            File.WriteAllText(Path.Combine(dir, "parameters.json"), parameters.ToString());
        }
        File.WriteAllText(Path.Combine(dir, "test", "rules.json"), rules);
        return dir;
    }

    /// <summary>Writes a case file (relative path) from a JSON object.</summary>
    public string WriteCase(string relative, JObject json)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json.ToString());
        return path;
    }

    /// <summary>
    /// A lumbar radicular case: pain for <paramref name="weeks"/> weeks, INR 1.0, no red flag; with ESI expected among
    /// the candidates unless <paramref name="expect"/> says otherwise (<c>null</c> = no expect block).
    /// </summary>
    public static JObject Case(string caseId, double weeks = 10, JObject? expect = null, bool withExpect = true)
    {
        var json = JObject.Parse($$"""
            {
              "schema": "planrules.case/1",
              "caseId": "",
              "patient": { "ageYears": 58, "sex": "female", "pregnant": false },
              "findings": { "pain.region": "lumbar", "pain.pattern": "radicular", "pain.duration_weeks": {{weeks.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                            "redflag.cauda_equina": false, "diagnosis.failed_back_surgery": false },
              "labs": { "inr": 1.0 }
            }
            """);
        json["caseId"] = caseId;
        if (withExpect) json["expect"] = expect ?? JObject.Parse("""{ "candidates": { "include": ["esi.lumbar.transforaminal"] } }""");
        return json;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a spawned process; the OS cleans the temp folder.
        }
    }
}
