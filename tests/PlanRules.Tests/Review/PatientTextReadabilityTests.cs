using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PlanRules.Rules;
using PlanRules.Tests.Handouts;

namespace PlanRules.Tests.Review;

/// <summary>
/// Plain language: every patient-facing text of the shipped rule set reads at Flesch–Kincaid grade 8 or lower, and hold
/// and restart texts at grade 6 or lower (the same <see cref="Readability"/> measure as the handout). Patient-facing
/// means: the catalog's education texts (what, why, expect, risks, recovery, selfCare), its <c>restart</c> texts and
/// the messages of its companions and referrals; and in the rules, prerequisite messages (of prerequisite rules and of
/// warnings), preference ("fits your goal") messages, and the messages of follow-up rules marked
/// <c>"restart": true</c>. A prerequisite whose code starts with <c>hold.</c> is a hold text.
/// </summary>
public sealed class PatientTextReadabilityTests
{
    /// <summary>The grade every patient-facing text must not exceed.</summary>
    public const double MaxGrade = 8;

    /// <summary>The grade hold and restart texts must not exceed.</summary>
    public const double MaxHoldOrRestartGrade = 6;

    /// <summary>One patient-facing text: where it is, the text, and its limit.</summary>
    public sealed record PatientText(string Where, string Text, double Limit)
    {
        public double Grade => Readability.FleschKincaid(Text).Grade;

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Where}: grade {Grade:0.00} > {Limit:0} — \"{Text}\"");
    }

    private static readonly Lazy<RuleSet> Shipped = new(() =>
    {
        var result = RuleSet.LoadDirectory(RepoPaths.Rules);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.RuleSet!;
    });

    /// <summary>Every patient-facing text of the catalog.</summary>
    public static IReadOnlyList<PatientText> CatalogTexts(RuleSet set)
    {
        var texts = new List<PatientText>();
        foreach (var i in set.Catalog.Interventions)
        {
            var e = i.Education;
            foreach (var (field, text) in new[] { ("what", e.What), ("why", e.Why), ("expect", e.Expect), ("risks", e.Risks), ("recovery", e.Recovery), ("selfCare", e.SelfCare) })
                texts.Add(new PatientText($"catalog.json intervention '{i.Code}' education.{field}", text, MaxGrade));
            if (i.Restart is { } restart) texts.Add(new PatientText($"catalog.json intervention '{i.Code}' restart", restart, MaxHoldOrRestartGrade));
        }
        foreach (var (code, c) in set.Catalog.Companions)
            if (c.Message is { } message) texts.Add(new PatientText($"catalog.json companion '{code}' message", message, MaxGrade));
        foreach (var (code, r) in set.Catalog.Referrals)
            texts.Add(new PatientText($"catalog.json referral '{code}' message", r.Message, MaxGrade));
        return texts;
    }

    /// <summary>Every patient-facing message of the rules, keyed by <c>rule-id (field)</c>.</summary>
    public static IReadOnlyList<(string Key, PatientText Text)> RuleTexts(RuleSet set, IReadOnlySet<string> restartRules)
    {
        var texts = new List<(string, PatientText)>();
        void Add(Rule rule, string field, string? text, string? code)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            var hold = code?.StartsWith("hold.", StringComparison.Ordinal) ?? false;
            var restart = rule.Kind == RuleKind.FollowUp && restartRules.Contains(rule.Id);
            var key = $"{rule.Id} ({field})";
            texts.Add((key, new PatientText($"{rule.Location} rule '{rule.Id}' {field}{(hold ? " [hold]" : restart ? " [restart]" : "")}", text,
                hold || restart ? MaxHoldOrRestartGrade : MaxGrade)));
        }
        foreach (var rule in set.Rules)
        {
            switch (rule.Kind)
            {
                case RuleKind.Prerequisite: Add(rule, "message", rule.Message, rule.Code); break;
                case RuleKind.Warning or RuleKind.Contraindication when rule.PrerequisiteMessage is not null:
                    Add(rule, "prerequisite message", rule.PrerequisiteMessage, rule.PrerequisiteCode); break;
                case RuleKind.Preference: Add(rule, "message", rule.Message, null); break;
                case RuleKind.FollowUp when restartRules.Contains(rule.Id): Add(rule, "message", rule.Message, null); break;
            }
        }
        return texts;
    }

    /// <summary>The ids of the rules marked <c>"restart": true</c> in the rule files (read from the JSON itself).</summary>
    public static IReadOnlySet<string> RestartRules(string directory)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories))
        {
            if (path.EndsWith(".schema.json", StringComparison.Ordinal)) continue;
            JToken token;
            using (var reader = new JsonTextReader(new StringReader(File.ReadAllText(path))))
                token = JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
            if (token is not JObject { } obj || obj["rules"] is not JArray rules) continue;
            foreach (var rule in rules.OfType<JObject>())
                if (rule["restart"] is { Type: JTokenType.Boolean } flag && (bool)flag && (string?)rule["id"] is { } id) ids.Add(id);
        }
        return ids;
    }

    [Fact]
    public void EveryCatalogPatientText_ReadsAtGrade8_AndRestartTextsAtGrade6()
    {
        var texts = CatalogTexts(Shipped.Value);
        Assert.True(texts.Count >= 120, $"expected at least 120 catalog texts, found {texts.Count}");
        var offenders = texts.Where(t => t.Grade > t.Limit).ToList();
        Assert.True(offenders.Count == 0, $"{offenders.Count} catalog text(s) read above their grade:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void EveryRulePatientText_ReadsAtGrade8_AndHoldAndRestartTextsAtGrade6()
    {
        var texts = RuleTexts(Shipped.Value, RestartRules(RepoPaths.Rules));
        Assert.Contains(texts, t => t.Text.Limit == MaxHoldOrRestartGrade); // hold texts are found
        Assert.Contains(texts, t => t.Key.EndsWith("(message)", StringComparison.Ordinal) && Shipped.Value.Rules.Any(r => r.Kind == RuleKind.Preference && t.Key.StartsWith(r.Id + " ", StringComparison.Ordinal)));
        var offenders = texts.Where(t => t.Text.Grade > t.Text.Limit).ToList();
        Assert.True(offenders.Count == 0, $"{offenders.Count} rule text(s) read above their grade:\n" + string.Join("\n", offenders.Select(o => o.Text)));
    }

    [Fact]
    public void AnFdaRiskOnEpiduralSteroids_SaysHowRareItIs()
    {
        var risks = Shipped.Value.Catalog.Interventions.Where(i => i.Education.Risks.Contains("FDA", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(risks);
        Assert.All(risks, i => Assert.Matches(@"(?i)\b(very rare|rare)\b.*\b\d+\b.*\bcases?\b|\b\d+\b.*\bcases?\b.*\b(very rare|rare)\b", i.Education.Risks));
    }

    [Theory]
    [InlineData("Stop apixaban 72 hours before.", 6)]
    [InlineData("Check the INR before the procedure: after stopping warfarin it must be normal.", 8)]
    public void PatientText_ReportsWhereTheTextIsAndItsGrade(string text, double limit)
    {
        var t = new PatientText("x.json rule 'a' message", text, limit);
        Assert.StartsWith("x.json rule 'a' message: grade ", t.ToString(), StringComparison.Ordinal);
        Assert.Contains(text, t.ToString(), StringComparison.Ordinal);
    }
}
