using System.Globalization;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;
using PlanRules.Replay;
using PlanRules.Rules;

namespace PlanRules.Benchmarks;

/// <summary>
/// Replay (<see cref="ReplayRunner"/>: read each case JSON, validate it, plan it with the shipped rules, check its
/// <c>expect</c> block) of 10,000 generated cases with 1 and 2 workers. The cases are generated once, seeded, from the
/// shipped vocabulary and catalog (about 85% of the facts known, the rest unknown, a few red flags) and held in memory,
/// so that the run measures planning rather than the disk. Report cases per second as 10,000 / Mean, and the speed-up
/// as Mean(1 worker) / Mean(2 workers).
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    /// <summary>Cases replayed per invocation.</summary>
    public const int CaseCount = 10_000;

    /// <summary>The generator's seed.</summary>
    public const int Seed = 20261127;

    private ReplayRunner _runner = null!;
    private CaseSource[] _cases = [];

    /// <summary>Workers planning cases at once.</summary>
    [Params(1, 2)]
    public int Workers { get; set; }

    /// <summary>Generates the cases and warms the rule set up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rules = RuleSet.LoadDefault();
        _runner = new ReplayRunner(rules);
        _cases = Generate(rules, CaseCount, Seed).Select((json, i) => CaseSource.FromText($"case-{i:D5}.json", json)).ToArray();
        var warmUp = _runner.RunAsync(_cases.Take(200), null, Workers).GetAwaiter().GetResult();
        if (warmUp.Errors > 0) throw new InvalidOperationException($"{warmUp.Errors} generated case(s) do not read: the generator is out of date with the vocabulary");
    }

    /// <summary>Replays the 10,000 cases.</summary>
    [Benchmark]
    public ReplaySummary Replay10000Cases() => _runner.RunAsync(_cases, null, Workers).GetAwaiter().GetResult();

    /// <summary>Seeded synthetic cases (<c>planrules.case/1</c> JSON) over a rule set's vocabulary and catalog.</summary>
    /// <param name="rules">The rule set whose vocabulary and catalog the cases use.</param>
    /// <param name="count">How many.</param>
    /// <param name="seed">The seed: the same seed gives the same cases.</param>
    public static IReadOnlyList<string> Generate(RuleSet rules, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var rng = new Random(seed);
        var vocabulary = rules.Vocabulary;
        var interventions = rules.Catalog.Interventions.Select(i => i.Code).ToArray();
        var cases = new string[count];
        for (var n = 0; n < count; n++)
        {
            var json = new JObject
            {
                ["schema"] = "planrules.case/1",
                ["caseId"] = "bench-" + n.ToString("D5", CultureInfo.InvariantCulture),
            };
            var patient = new JObject();
            var findings = new JObject();
            var labs = new JObject();
            var lists = new Dictionary<string, JArray>(StringComparer.Ordinal);
            var redFlag = false;
            foreach (var fact in vocabulary.Facts)
            {
                switch (fact.Section)
                {
                    case "patient" or "finding" or "lab":
                        if (rng.NextDouble() > 0.85) continue; // unknown
                        JToken value = fact.Type switch
                        {
                            FactType.Number => Number(rng, fact),
                            FactType.Word => fact.Words[rng.Next(fact.Words.Count)],
                            _ => rng.NextDouble() < (fact.Code.StartsWith("redflag.", StringComparison.Ordinal) ? 0.02 : 0.3),
                        };
                        if (fact.Code.StartsWith("redflag.", StringComparison.Ordinal) && value.Type == JTokenType.Boolean && (bool)value) redFlag = true;
                        (fact.Section == "patient" ? patient : fact.Section == "finding" ? findings : labs)[fact.Code] = value;
                        break;
                    case "condition" or "allergy" or "device" or "goal":
                        if (!lists.TryGetValue(fact.Section, out var list)) lists[fact.Section] = list = [];
                        if (rng.NextDouble() < 0.08) list.Add(fact.Code);
                        break;
                    case "medication":
                        if (!lists.TryGetValue("medication", out var medications)) lists["medication"] = medications = [];
                        if (rng.NextDouble() < 0.06)
                        {
                            var entry = new JObject { ["code"] = fact.Code };
                            if (rng.NextDouble() < 0.8) entry["lastDoseHoursAgo"] = rng.Next(0, 169);
                            foreach (var (name, attribute) in vocabulary.AttributesOf("medication"))
                                if (attribute.Type == FactType.Word && rng.NextDouble() < 0.5) entry[name] = attribute.Words[rng.Next(attribute.Words.Count)];
                            medications.Add(entry);
                        }
                        break;
                }
            }
            // A pregnant patient is a woman of child-bearing age.
            if (patient["pregnant"] is { } pregnant && (bool)pregnant
                && ((string?)patient["sex"] != "female" || patient["ageYears"] is not { } age || (double)age > 50 || (double)age < 12))
                patient["pregnant"] = false;
            var procedures = new JArray();
            for (var p = rng.Next(4); p > 0; p--)
                procedures.Add(new JObject
                {
                    ["code"] = interventions[rng.Next(interventions.Length)],
                    ["weeksAgo"] = rng.Next(1, 157),
                    ["reliefPercent"] = rng.Next(0, 21) * 5,
                    ["reliefWeeks"] = rng.Next(0, 53),
                });

            json["patient"] = patient;
            json["findings"] = findings;
            var history = new JObject();
            if (rng.NextDouble() < 0.9) history["conditions"] = lists.GetValueOrDefault("condition") ?? [];
            if (rng.NextDouble() < 0.9) history["medications"] = lists.GetValueOrDefault("medication") ?? [];
            if (rng.NextDouble() < 0.9) history["allergies"] = lists.GetValueOrDefault("allergy") ?? [];
            if (rng.NextDouble() < 0.9) history["devices"] = lists.GetValueOrDefault("device") ?? [];
            history["procedures"] = procedures;
            json["history"] = history;
            json["labs"] = labs;
            json["goals"] = lists.GetValueOrDefault("goal") ?? [];
            // Red flags stop the plan; cervical transforaminal ESI is never proposed (shipped policy).
            json["expect"] = redFlag
                ? new JObject { ["noCandidates"] = true, ["referrals"] = new JObject { ["include"] = new JArray("urgent_evaluation") } }
                : new JObject { ["candidates"] = new JObject { ["exclude"] = new JArray("esi.cervical.transforaminal") } };
            cases[n] = json.ToString(Newtonsoft.Json.Formatting.None);
        }
        return cases;
    }

    private static JToken Number(Random rng, FactDefinition fact)
    {
        var min = fact.Min ?? 0;
        var max = fact.Max ?? Math.Max(min + 1, 104);
        if (max - min <= 10 && fact.Section == "lab") return Math.Round(min + rng.NextDouble() * (max - min), 1);
        return Math.Round(min + rng.NextDouble() * Math.Min(max - min, 200));
    }
}
