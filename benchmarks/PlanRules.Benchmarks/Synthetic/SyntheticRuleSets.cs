using System.Globalization;
using System.Text;
using System.Text.Json;
using PlanRules.Rules;

namespace PlanRules.Benchmarks;

/// <summary>A generated rule set: the rules (neutral model) and the files PlanRules loads.</summary>
public sealed class SyntheticRuleSet
{
    internal SyntheticRuleSet(int seed, IReadOnlyList<SyntheticRule> rules, IReadOnlyList<RuleSourceFile> ruleFiles)
    {
        Seed = seed;
        Rules = rules;
        RuleFiles = ruleFiles;
        Files = [.. SyntheticFacts.DataFiles, .. ruleFiles];
        ById = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The seed it was generated from.</summary>
    public int Seed { get; }

    /// <summary>The rules, in file order.</summary>
    public IReadOnlyList<SyntheticRule> Rules { get; }

    /// <summary>The rules by id.</summary>
    public IReadOnlyDictionary<string, SyntheticRule> ById { get; }

    /// <summary>The generated rule files only (<c>synthetic/rules-NNNN.json</c>).</summary>
    public IReadOnlyList<RuleSourceFile> RuleFiles { get; }

    /// <summary>What <see cref="RuleSet.Load"/> takes: the shipped ruleset, vocabulary, parameters and catalog files plus <see cref="RuleFiles"/>.</summary>
    public IReadOnlyList<RuleSourceFile> Files { get; }

    /// <summary>Loads, validates and compiles <see cref="Files"/> with PlanRules.</summary>
    /// <exception cref="InvalidOperationException">The files do not load (a generator defect).</exception>
    public RuleSet Load()
    {
        var result = RuleSet.Load(Files);
        return result.RuleSet ?? throw new InvalidOperationException("the synthetic rule set does not load:\n" + string.Join('\n', result.Diagnostics.Take(20)));
    }
}

/// <summary>
/// Seeded generator of rule sets of realistic shape in PlanRules' JSON rule format: about 85% candidate rules of 2–5
/// conditions over findings (region, pattern, durations, scores, booleans), some with <c>any</c> and <c>not</c>, a quarter
/// with a count quantifier over earlier procedures filtered on relief and recency; about 15% contraindications on
/// antithrombotics, allergies, conditions, labs and red flags that apply to candidates by tag, bleeding-risk category or
/// intervention. The same seed always gives the same rules and the same bytes.
/// </summary>
public static class SyntheticRuleSets
{
    /// <summary>The seed used by the benchmarks.</summary>
    public const int DefaultSeed = 20261127;

    /// <summary>Rules per generated file.</summary>
    public const int RulesPerFile = 50;

    private static readonly string[] BooleanFindings =
    [
        "finding.diagnosis.failed_back_surgery", "finding.diagnosis.knee_osteoarthritis", "finding.diagnosis.crps_budapest",
        "finding.diagnosis.herpes_zoster_acute", "finding.psych.evaluation_cleared", "finding.imaging.concordant",
    ];

    private static readonly string[] RedFlags =
    [
        "finding.redflag.cauda_equina", "finding.redflag.progressive_deficit", "finding.redflag.suspected_malignancy",
        "finding.redflag.suspected_infection", "finding.redflag.suspected_fracture",
    ];

    private static readonly string[] ProcedurePrefixes =
        ["esi.*", "esi.lumbar.*", "esi.cervical.*", "mbb.*", "rfa.*", "sij.injection.*", "genicular.*", "scs.*", "sympathetic.*"];

    /// <summary>Generates <paramref name="ruleCount"/> rules from <paramref name="seed"/>.</summary>
    public static SyntheticRuleSet Generate(int ruleCount, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ruleCount);
        var rng = new Random(seed);
        var rules = new List<SyntheticRule>(ruleCount);
        int candidates = 0, contraindications = 0;
        for (var i = 0; i < ruleCount; i++)
        {
            rules.Add(rng.NextDouble() < 0.85
                ? Candidate(rng, ++candidates)
                : Contraindication(rng, ++contraindications));
        }
        var files = new List<RuleSourceFile>();
        for (var start = 0; start < rules.Count; start += RulesPerFile)
        {
            var chunk = rules.Skip(start).Take(RulesPerFile).ToArray();
            var number = (start / RulesPerFile + 1).ToString("D4", CultureInfo.InvariantCulture);
            files.Add(new RuleSourceFile($"synthetic/rules-{number}.json", SyntheticRuleJson.WriteFile($"Synthetic rules {number} (seed {seed})", chunk)));
        }
        return new SyntheticRuleSet(seed, rules, files);
    }

    private static SyntheticRule Candidate(Random rng, int n)
    {
        var region = Pick(rng, SyntheticFacts.Regions, SyntheticFacts.RegionWeights);
        var local = SyntheticFacts.Interventions.Where(i => i.Region == region || i.Region == "any").ToArray();
        var intervention = rng.NextDouble() < 0.9 && local.Length > 0 ? Pick(rng, local) : Pick(rng, SyntheticFacts.Interventions);

        var parts = new List<SyntheticCondition>();
        // A widely shared first test, as the shipped rules do (the Rete network shares it).
        if (rng.NextDouble() < 0.92) parts.Add(new WordTest("finding.pain.region", [region]));
        var target = 2 + rng.Next(4); // 2..5 parts
        if (rng.NextDouble() < 0.7) parts.Add(Pattern(rng));
        if (rng.NextDouble() < 0.25 && parts.Count < target) parts.Add(ProcedureCount(rng, intervention));
        if (rng.NextDouble() < 0.2 && parts.Count < target) parts.Add(new AnyOf([FindingTest(rng), FindingTest(rng)]));
        if (rng.NextDouble() < 0.2 && parts.Count < target) parts.Add(new NotOf(Exclusion(rng)));
        if (rng.NextDouble() < 0.1 && parts.Count < target)
            parts.Add(new HasEntry(rng.NextDouble() < 0.5 ? "goal." + Pick(rng, SyntheticFacts.Lists["goal"]) : "condition." + Pick(rng, SyntheticFacts.Lists["condition"]), rng.NextDouble() < 0.5));
        while (parts.Count < target) parts.Add(FindingTest(rng));

        var id = "syn.candidate." + n.ToString("D5", CultureInfo.InvariantCulture);
        return new SyntheticRule
        {
            Id = id,
            Title = $"Synthetic candidate {n}: {intervention.Code} for {region} pain",
            Kind = SyntheticRuleKind.Candidate,
            When = new AllOf(parts),
            Intervention = intervention.Code,
            Strength = rng.NextDouble() < 0.5 ? "recommended" : "consider",
        };
    }

    private static SyntheticRule Contraindication(Random rng, int n)
    {
        SyntheticCondition MakeWhen()
        {
            var first = SafetyTest(rng);
            var roll = rng.NextDouble();
            if (roll < 0.25) return new AnyOf([first, SafetyTest(rng)]);
            if (roll < 0.5) return new AllOf([first, SafetyTest(rng)]);
            return new AllOf([first]);
        }

        SyntheticSelector selector;
        var kind = rng.NextDouble();
        if (kind < 0.4)
            selector = new SyntheticSelector([], [], rng.NextDouble() < 0.7 ? [Pick(rng, SyntheticFacts.Tags)] : PickDistinct(rng, SyntheticFacts.Tags, 2));
        else if (kind < 0.7)
            selector = new SyntheticSelector([], rng.NextDouble() < 0.5 ? ["high"] : ["intermediate", "high"], []);
        else
            selector = new SyntheticSelector(rng.NextDouble() < 0.5 ? [Pick(rng, SyntheticFacts.Interventions).Code] : [Pick(rng, ProcedurePrefixes)], [], []);

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in SyntheticFacts.Interventions)
        {
            var selected = selector.Interventions.Any(s => s.EndsWith(".*", StringComparison.Ordinal) ? i.Code.StartsWith(s[..^1], StringComparison.Ordinal) : i.Code == s)
                           || selector.Tags.Any(t => i.Tags.Contains(t, StringComparer.Ordinal))
                           || selector.BleedingRisk.Contains(i.BleedingRisk, StringComparer.Ordinal);
            if (selected) codes.Add(i.Code);
        }
        var id = "syn.contraindication." + n.ToString("D5", CultureInfo.InvariantCulture);
        return new SyntheticRule
        {
            Id = id,
            Title = $"Synthetic contraindication {n}",
            Kind = SyntheticRuleKind.Contraindication,
            When = MakeWhen(),
            AppliesTo = selector,
            AppliesToCodes = codes,
            Severity = rng.NextDouble() < 0.5 ? "absolute" : "relative",
        };
    }

    private static WordTest Pattern(Random rng)
    {
        var words = SyntheticFacts.ByName["finding.pain.pattern"].Words;
        return rng.NextDouble() < 0.6
            ? new WordTest("finding.pain.pattern", [Pick(rng, words, [30, 30, 10, 8, 10, 6, 3, 3])])
            : new WordTest("finding.pain.pattern", PickDistinct(rng, words, 2 + rng.Next(2)));
    }

    /// <summary>A test on a finding or patient fact, of the kinds candidate rules use.</summary>
    private static SyntheticCondition FindingTest(Random rng)
    {
        switch (rng.Next(11))
        {
            case 0: return rng.NextDouble() < 0.3
                ? new NumberTest("finding.pain.duration_weeks", NumberOp.AtLeast, SyntheticFacts.Parameters["esi.min_pain_weeks"], Parameter: "esi.min_pain_weeks")
                : new NumberTest("finding.pain.duration_weeks", NumberOp.AtLeast, Pick(rng, [6.0, 8, 12, 26]));
            case 1: return new NumberTest("finding.pain.nrs", NumberOp.AtLeast, Pick(rng, [4.0, 5, 6, 7]));
            case 2: return new NumberTest(rng.NextDouble() < 0.6 ? "finding.function.odi" : "finding.function.ndi", NumberOp.AtLeast, Pick(rng, [20.0, 30, 40]));
            case 3: return new NumberTest("finding.conservative_care.weeks", NumberOp.AtLeast, Pick(rng, [4.0, 6, 12]));
            case 4: return new BooleanTest("finding.imaging.concordant", true);
            case 5: return new WordTest("finding.exam.neuro_deficit", ["progressive"], Negated: true);
            case 6: return new NumberTest("patient.ageYears", NumberOp.Between, Pick(rng, [18.0, 30, 40]), Pick(rng, [65.0, 75, 85]));
            case 7: return new BooleanTest(Pick(rng, BooleanFindings), rng.NextDouble() < 0.8);
            case 8: return new NumberTest("finding.exam.si_provocation_positive", NumberOp.AtLeast, 3);
            case 9: return new WordTest("finding.pain.laterality", rng.NextDouble() < 0.5 ? ["bilateral"] : ["left", "right"]);
            default: return new NumberTest("finding.pain.nrs", NumberOp.Above, Pick(rng, [3.0, 5]));
        }
    }

    /// <summary>Something whose absence a candidate requires (used under <c>not</c>).</summary>
    private static SyntheticCondition Exclusion(Random rng) => rng.Next(4) switch
    {
        0 => new BooleanTest(Pick(rng, RedFlags), true),
        1 => new AnyOf([new BooleanTest(Pick(rng, RedFlags), true), new BooleanTest(Pick(rng, RedFlags), true)]),
        2 => new BooleanTest("finding.spine.fusion_at_target_level", true),
        _ => new HasEntry("condition." + Pick(rng, SyntheticFacts.Lists["condition"]), rng.NextDouble() < 0.5),
    };

    /// <summary>A count over earlier procedures: positive blocks, recent sessions, or a cap on sessions.</summary>
    private static CountEntries ProcedureCount(Random rng, SyntheticIntervention intervention)
    {
        var list = rng.NextDouble() < 0.7
            ? "procedure." + (rng.NextDouble() < 0.7 ? intervention.Code : Pick(rng, SyntheticFacts.Interventions).Code)
            : "procedure." + Pick(rng, ProcedurePrefixes);
        var where = new List<AttributeTest>();
        var relief = rng.NextDouble() < 0.3
            ? new AttributeTest("reliefPercent", NumberOp.AtLeast, SyntheticFacts.Parameters["facet.block_relief_percent"], "facet.block_relief_percent")
            : new AttributeTest("reliefPercent", NumberOp.AtLeast, Pick(rng, [50.0, 80]));
        var recent = rng.NextDouble() < 0.3
            ? new AttributeTest("weeksAgo", NumberOp.AtMost, SyntheticFacts.Parameters["cap.window_weeks"], "cap.window_weeks")
            : new AttributeTest("weeksAgo", NumberOp.AtMost, Pick(rng, [26.0, 52, 104]));
        if (rng.NextDouble() < 0.2)
        {
            // A cap: at most N sessions in the window.
            return new CountEntries(list, [recent], AtLeast: false, Count: 2 + rng.Next(3));
        }
        if (rng.NextDouble() < 0.8) where.Add(relief);
        if (rng.NextDouble() < 0.6) where.Add(recent);
        if (rng.NextDouble() < 0.15) where.Add(new AttributeTest("reliefWeeks", NumberOp.AtLeast, Pick(rng, [8.0, 12])));
        return new CountEntries(list, where, AtLeast: true, Count: rng.NextDouble() < 0.6 ? 1 : 2);
    }

    /// <summary>A safety test of the kinds contraindications use.</summary>
    private static SyntheticCondition SafetyTest(Random rng) => rng.Next(10) switch
    {
        0 or 1 => new CountEntries("medication." + Pick(rng, SyntheticFacts.Antithrombotics),
            [new AttributeTest("lastDoseHoursAgo", NumberOp.AtMost, Pick(rng, [24.0, 48, 72]))], AtLeast: true, Count: 1),
        2 => new HasEntry("allergy." + Pick(rng, SyntheticFacts.Lists["allergy"]), rng.NextDouble() < 0.5),
        3 => new HasEntry("condition." + Pick(rng, SyntheticFacts.Lists["condition"]), rng.NextDouble() < 0.5),
        4 => rng.Next(3) switch
        {
            0 => new NumberTest("lab.inr", NumberOp.Above, 1.5),
            1 => new NumberTest("lab.platelets", NumberOp.Below, Pick(rng, [50.0, 100])),
            _ => new NumberTest("lab.hba1c", NumberOp.Above, Pick(rng, [8.0, 9, 10])),
        },
        5 => new BooleanTest(Pick(rng, RedFlags), true),
        6 => new HasEntry("device." + Pick(rng, SyntheticFacts.Lists["device"]), rng.NextDouble() < 0.5),
        7 => new BooleanTest("patient.pregnant", true),
        8 => new NotOf(new BooleanTest("finding.psych.evaluation_cleared", true)),
        _ => new AllOf([new BooleanTest("finding.psych.active_substance_use", true), new NumberTest("patient.ageYears", NumberOp.Below, 25)]),
    };

    internal static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    internal static T Pick<T>(Random rng, IReadOnlyList<T> items, IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var x = rng.NextDouble() * total;
        for (var i = 0; i < items.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return items[i];
        }
        return items[^1];
    }

    internal static T[] PickDistinct<T>(Random rng, IReadOnlyList<T> items, int count)
    {
        var pool = items.ToList();
        var result = new T[Math.Min(count, pool.Count)];
        for (var i = 0; i < result.Length; i++)
        {
            var k = rng.Next(pool.Count);
            result[i] = pool[k];
            pool.RemoveAt(k);
        }
        return result;
    }
}

/// <summary>Writes synthetic rules in PlanRules' JSON rule format (see <c>rules/README.md</c>).</summary>
public static class SyntheticRuleJson
{
    /// <summary>One rule file.</summary>
    public static string WriteFile(string topic, IReadOnlyList<SyntheticRule> rules)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("topic", topic);
            w.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(w, rule);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteRule(Utf8JsonWriter w, SyntheticRule rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("title", rule.Title);
        if (rule.Kind == SyntheticRuleKind.Candidate)
        {
            w.WriteString("kind", "candidate");
            w.WriteString("intervention", rule.Intervention);
            w.WriteString("strength", rule.Strength);
        }
        else
        {
            w.WriteString("kind", "contraindication");
            var s = rule.AppliesTo!;
            w.WriteStartObject("appliesTo");
            if (s.Interventions.Count > 0) Strings(w, "interventions", s.Interventions);
            if (s.BleedingRisk.Count > 0) Strings(w, "bleedingRisk", s.BleedingRisk);
            if (s.Tags.Count > 0) Strings(w, "tags", s.Tags);
            w.WriteEndObject();
            w.WriteString("severity", rule.Severity);
            w.WriteString("message", "Synthetic contraindication " + rule.Id + ".");
        }
        w.WritePropertyName("when");
        WriteCondition(w, rule.When);
        w.WriteString("rationale", "Synthetic rule generated for benchmarking; not clinical content.");
        Strings(w, "evidence", ["PlanRules benchmark generator (synthetic) [S]"]);
        w.WriteString("status", "draft");
        w.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter w, SyntheticCondition condition)
    {
        w.WriteStartObject();
        switch (condition)
        {
            case AllOf all:
                w.WriteStartArray("all");
                foreach (var p in all.Parts) WriteCondition(w, p);
                w.WriteEndArray();
                break;
            case AnyOf any:
                w.WriteStartArray("any");
                foreach (var p in any.Parts) WriteCondition(w, p);
                w.WriteEndArray();
                break;
            case NotOf not:
                w.WritePropertyName("not");
                WriteCondition(w, not.Part);
                break;
            case NumberTest n:
                w.WriteString("fact", n.Fact);
                if (n.Op == NumberOp.Between)
                {
                    w.WriteStartArray("between");
                    w.WriteNumberValue(n.Value);
                    w.WriteNumberValue(n.Value2);
                    w.WriteEndArray();
                }
                else
                {
                    w.WritePropertyName(OperatorKey(n.Op));
                    Value(w, n.Value, n.Parameter);
                }
                break;
            case WordTest t:
                w.WriteString("fact", t.Fact);
                if (t.Negated) w.WriteString("isNot", t.Words[0]);
                else if (t.Words.Count == 1) w.WriteString("is", t.Words[0]);
                else Strings(w, "in", t.Words);
                break;
            case BooleanTest b:
                w.WriteString("fact", b.Fact);
                w.WriteBoolean("is", b.Value);
                break;
            case HasEntry h:
                if (h.AsExists) w.WriteString("exists", h.List);
                else
                {
                    w.WriteString("fact", h.List);
                    w.WriteBoolean("is", true);
                }
                break;
            case CountEntries c:
                w.WriteString(c.IsExists ? "exists" : "count", c.List);
                if (c.Where.Count > 0)
                {
                    w.WriteStartObject("where");
                    foreach (var a in c.Where)
                    {
                        w.WriteStartObject(a.Attribute);
                        w.WritePropertyName(OperatorKey(a.Op));
                        Value(w, a.Value, a.Parameter);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                if (!c.IsExists) w.WriteNumber(c.AtLeast ? "atLeast" : "atMost", c.Count);
                break;
            default:
                throw new InvalidOperationException("unknown condition " + condition.GetType().Name);
        }
        w.WriteEndObject();
    }

    private static string OperatorKey(NumberOp op) => op switch
    {
        NumberOp.AtLeast => "atLeast",
        NumberOp.AtMost => "atMost",
        NumberOp.Above => "above",
        NumberOp.Below => "below",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static void Value(Utf8JsonWriter w, double value, string? parameter)
    {
        if (parameter is null) w.WriteNumberValue(value);
        else w.WriteStringValue("$" + parameter);
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
