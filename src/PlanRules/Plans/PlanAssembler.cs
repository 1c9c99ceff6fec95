using PlanRules.Cases;
using PlanRules.Engine;
using PlanRules.Rules;

namespace PlanRules.Plans;

/// <summary>
/// Turns the firings of one evaluation into a plan: candidates and exclusions, warnings, prerequisites, missing
/// information, referrals, companions, follow-up, ranking and trace. Decisions were made by the engine; this only
/// groups, orders and explains them.
/// </summary>
internal static class PlanAssembler
{
    private static readonly string[] SeverityOrder = ["critical", "warning", "info"];

    public static TreatmentPlan Assemble(CompiledRuleSet rules, PatientCase patientCase, Evaluation evaluation)
    {
        var facts = evaluation.Facts;
        var firings = evaluation.Firings;
        var catalog = rules.Catalog;
        var names = new FactNames(rules, facts);
        var definite = firings.Where(f => !f.Variant.Possible).ToArray();
        var decided = new HashSet<(string Rule, string? Target)>(definite.Select(f => (f.Variant.Rule.Id, Key(f))));

        // Referrals; a stopping referral (a red flag) moves every proposal to excluded.
        var referrals = definite.Where(f => f.Variant.Rule.Kind == RuleKind.Referral)
            .GroupBy(f => f.Variant.Rule.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(f => new Referral(f.Variant.Rule.Referral!, names.About(f.Variant), f.Variant.Rule.Message!, f.Variant.Rule.Id, Source(f), f.Variant.Rule.StopsPlan))
            .ToArray();
        var stops = referrals.Where(r => r.StopsPlan).ToArray();

        // Proposals, in catalog order.
        var proposals = definite.Where(f => f.Variant.Rule.Kind == RuleKind.Candidate)
            .GroupBy(f => f.Variant.Rule.Intervention!, StringComparer.Ordinal)
            .Select(g => (Intervention: Intervention(catalog, g.Key), Firings: g.ToArray()))
            .OrderBy(p => p.Intervention.Order)
            .ToArray();
        var riskRaised = definite.Any(f => f.Variant.Rule.Kind == RuleKind.BleedingRiskModifier);
        // Why a category was raised: the facts of the modifiers that held (e.g. condition.renal_impairment).
        var raisedBecause = definite.Where(f => f.Variant.Rule.Kind == RuleKind.BleedingRiskModifier)
            .SelectMany(f => f.Variant.About).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        var excluded = new List<Exclusion>();
        var surviving = new List<(Intervention Intervention, Firing[] Firings)>();
        foreach (var proposal in proposals)
        {
            var reasons = new List<ExclusionReason>();
            foreach (var stop in stops)
                reasons.Add(new ExclusionReason(stop.Rule, stop.Source, "absolute", stop.About, "Red flag — " + stop.Message));
            foreach (var f in definite.Where(f => f.Target == proposal.Intervention.Code && f.Variant.Rule is { Kind: RuleKind.Contraindication, Severity: "absolute" })
                         .GroupBy(f => f.Variant.Rule.Id, StringComparer.Ordinal).Select(g => g.First()))
                reasons.Add(new ExclusionReason(f.Variant.Rule.Id, Source(f), "absolute", names.About(f.Variant), f.Variant.Rule.Message!)
                {
                    Matched = ReasonNumbers(f, names, rules, facts),
                });
            if (reasons.Count > 0) excluded.Add(new Exclusion(proposal.Intervention.Code, proposal.Intervention.Name, reasons));
            else surviving.Add(proposal);
        }
        var candidateCodes = new HashSet<string>(surviving.Select(s => s.Intervention.Code), StringComparer.Ordinal);
        var proposedCodes = new HashSet<string>(proposals.Select(s => s.Intervention.Code), StringComparer.Ordinal);

        // Ranking: strength, then goal-based preferences, then catalog order.
        var preferences = definite.Where(f => f.Variant.Rule.Kind == RuleKind.Preference && f.Target is not null && candidateCodes.Contains(f.Target))
            .GroupBy(f => (f.Variant.Rule.Id, f.Target)).Select(g => g.First()).ToArray();
        var ranked = surviving
            .Select(s => (s.Intervention, s.Firings,
                Strength: s.Firings.Any(f => f.Variant.Rule.Strength == "recommended") ? "recommended" : "consider",
                Score: preferences.Where(p => p.Target == s.Intervention.Code).Sum(p => p.Variant.Rule.Adjust!.Value.NumberValue)))
            .OrderByDescending(s => s.Strength == "recommended")
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.Intervention.Order)
            .ToArray();
        var rankOf = ranked.Select((s, i) => (s.Intervention.Code, Rank: i + 1)).ToDictionary(x => x.Code, x => x.Rank, StringComparer.Ordinal);
        IReadOnlyList<string> ByRank(IEnumerable<string> codes) => codes.Distinct(StringComparer.Ordinal).OrderBy(c => rankOf.GetValueOrDefault(c, int.MaxValue)).ThenBy(c => c, StringComparer.Ordinal).ToArray();

        // Prerequisites by candidate.
        var prerequisites = definite
            .Where(f => f.Target is not null && candidateCodes.Contains(f.Target)
                        && (f.Variant.Rule.Kind == RuleKind.Prerequisite || (f.Variant.Rule.Kind == RuleKind.Warning && f.Variant.Rule.PrerequisiteCode is not null)))
            .Select(f => (f.Target, Item: f.Variant.Rule.Kind == RuleKind.Prerequisite
                ? new Prerequisite(f.Variant.Rule.Code!, f.Variant.Rule.Message!, f.Variant.Rule.Id, Source(f))
                : new Prerequisite(f.Variant.Rule.PrerequisiteCode!, f.Variant.Rule.PrerequisiteMessage!, f.Variant.Rule.Id, Source(f))))
            .GroupBy(x => x.Target!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Prerequisite>)g.Select(x => x.Item).Distinct().OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.Rule, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        var candidates = ranked.Select(s => new Candidate
        {
            Intervention = s.Intervention.Code,
            Name = s.Intervention.Name,
            Strength = s.Strength,
            Rank = rankOf[s.Intervention.Code],
            BleedingRisk = s.Intervention.BleedingRisk,
            EffectiveBleedingRisk = riskRaised && BleedingRisk.Raise(s.Intervention.BleedingRisk) is var raised && raised != s.Intervention.BleedingRisk ? raised : null,
            EffectiveBleedingRiskBecause = riskRaised && BleedingRisk.Raise(s.Intervention.BleedingRisk) != s.Intervention.BleedingRisk ? raisedBecause : [],
            Because = s.Firings.GroupBy(f => f.Variant.Rule.Id, StringComparer.Ordinal)
                .Select(g => new RuleCitation(g.Key, Source(g.First()), Matched(g, names)))
                .ToArray(),
            Prerequisites = prerequisites.GetValueOrDefault(s.Intervention.Code) ?? [],
            Fit = preferences.Where(p => p.Target == s.Intervention.Code).OrderBy(p => p.Variant.Order).Select(p => p.Variant.Rule.Message!).Distinct().ToArray(),
            Education = s.Intervention.Education,
            Restart = definite.Any(f => f.Target == s.Intervention.Code && f.Variant.About.Any(a => a.StartsWith("medication.", StringComparison.Ordinal))
                                        && f.Variant.Rule.Kind is RuleKind.Warning or RuleKind.Prerequisite)
                ? s.Intervention.Restart : null,
        }).ToArray();

        // Warnings: relative contraindications and warning rules, merged across the candidates they apply to.
        var warnings = definite
            .Where(f => f.Variant.Rule.Kind == RuleKind.Warning || f.Variant.Rule is { Kind: RuleKind.Contraindication, Severity: "relative" })
            .Where(f => f.Target is null || candidateCodes.Contains(f.Target))
            .GroupBy(f => (f.Variant.Rule.Id, About: string.Join('\u0001', names.About(f.Variant))))
            .Select(g =>
            {
                var rule = g.First().Variant.Rule;
                return new PlanWarning
                {
                    Code = rule.Code ?? "contraindication.relative",
                    Severity = rule.Kind == RuleKind.Contraindication ? "warning" : rule.Severity!,
                    AppliesTo = ByRank(g.Where(f => f.Target is not null).Select(f => f.Target!)),
                    About = names.About(g.First().Variant),
                    Message = rule.Message!,
                    Rule = rule.Id,
                    Source = rule.Location.ToString(),
                    Evidence = rule.Evidence,
                };
            })
            .OrderBy(w => Array.IndexOf(SeverityOrder, w.Severity))
            .ThenBy(w => w.Code, StringComparer.Ordinal)
            .ThenBy(w => w.Rule, StringComparer.Ordinal)
            .ThenBy(w => string.Join(',', w.About), StringComparer.Ordinal)
            .ToArray();

        // Missing information: facts that left a rule undecided, and explicit requests.
        var missing = new List<(string Fact, string? Detail, string? NeededFor, string Why, Rule Rule)>();
        // Of the alternatives a rule could still satisfy, report those closest to deciding it (fewest unknown facts).
        foreach (var group in firings.Where(f => f.Variant.Possible && !decided.Contains((f.Variant.Rule.Id, Key(f))))
                     .GroupBy(f => (f.Variant.Rule.Id, Key(f))))
        {
            var f = group.First();
            var rule = f.Variant.Rule;
            string? neededFor;
            if (rule.Kind == RuleKind.Candidate)
            {
                if (stops.Length > 0 || proposedCodes.Contains(rule.Intervention!)) continue;
                neededFor = rule.Intervention;
            }
            else if (f.Target is not null)
            {
                if (!candidateCodes.Contains(f.Target)) continue;
                neededFor = f.Target;
            }
            else neededFor = null;
            var unknownSets = group
                .Select(g => g.Variant.Literals.Where(l => rules.Probe(l).Evaluate(facts) == Truth.Unknown).SelectMany(names.Unknown).Distinct().ToArray())
                .Where(u => u.Length > 0)
                .ToArray();
            if (unknownSets.Length == 0) continue;
            var fewest = unknownSets.Min(u => u.Length);
            foreach (var (fact, detail) in unknownSets.Where(u => u.Length == fewest).SelectMany(u => u).Distinct())
                missing.Add((fact, detail, neededFor, $"needed to decide: {rule.Title}", rule));
        }
        foreach (var f in definite.Where(f => f.Variant.Rule.Kind == RuleKind.MissingInformation))
        {
            if (f.Target is not null && !candidateCodes.Contains(f.Target)) continue;
            missing.Add((f.Variant.Rule.Fact!, null, f.Target, f.Variant.Rule.Message!, f.Variant.Rule));
        }
        var missingInformation = missing
            .GroupBy(m => m.Fact, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.OrderBy(m => m.Rule.Kind == RuleKind.MissingInformation ? 0 : 1).ThenBy(m => m.Rule.Location.File, StringComparer.Ordinal).ThenBy(m => m.Rule.Location.Line).First();
                var details = g.Where(m => m.Detail is not null).Select(m => m.Detail!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                return new MissingInformation(g.Key,
                    ByRank(g.Where(m => m.NeededFor is not null).Select(m => m.NeededFor!)),
                    first.Why,
                    g.Select(m => m.Rule.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray())
                {
                    // Several purposes: the first of safety, screening, eligibility wins.
                    Purpose = g.Select(m => Purpose(m.Fact, m.Rule, names)).MinBy(PurposeRank)!,
                    Detail = details.Length > 0 ? string.Join(", ", details) : null,
                };
            })
            .OrderBy(m => PurposeRank(m.Purpose))
            .ThenBy(m => m.Fact, StringComparer.Ordinal)
            .ToArray();

        // Companions and follow-up go with remaining candidates.
        var companions = definite
            .Where(f => f.Variant.Rule.Kind == RuleKind.Companion && f.Target is not null && candidateCodes.Contains(f.Target))
            .OrderBy(f => f.Variant.Order)
            .GroupBy(f => f.Variant.Rule.Companion!, StringComparer.Ordinal)
            .Select(g =>
            {
                var f = g.First();
                var entry = catalog.Companions[g.Key];
                return new Companion(g.Key, entry.Name, f.Variant.Rule.Message ?? entry.Message, f.Variant.Rule.Id, Source(f));
            })
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToArray();
        var followUp = definite
            .Where(f => f.Variant.Rule.Kind == RuleKind.FollowUp && f.Target is not null && candidateCodes.Contains(f.Target))
            .GroupBy(f => f.Variant.Rule.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var rule = g.First().Variant.Rule;
                return new FollowUp(rule.Measure!, rule.AfterWeeks!.Value.NumberValue, rule.Message!, ByRank(g.Select(f => f.Target!)), rule.Id, rule.Location.ToString())
                {
                    Kind = rule.Restart ? Plans.FollowUp.RestartKind : null,
                };
            })
            .OrderBy(f => f.AfterWeeks).ThenBy(f => f.Kind == Plans.FollowUp.RestartKind ? 0 : 1)
            .ThenBy(f => f.Measure, StringComparer.Ordinal).ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToArray();

        var trace = firings
            .Where(f => !f.Variant.Possible || !decided.Contains((f.Variant.Rule.Id, Key(f))))
            .Select(f => new TraceEntry(f.Variant.Rule.Id, Source(f), f.Variant.Possible ? "unknown" : "fired", f.Target ?? (f.Variant.Rule.Kind == RuleKind.Candidate ? f.Variant.Rule.Intervention : null)))
            .Distinct()
            .ToArray();

        var planCompanions = candidates.Length > 0 ? companions : [];
        var planFollowUp = candidates.Length > 0 ? followUp : [];
        var contributing = candidates.SelectMany(c => c.Because.Select(b => b.Rule).Concat(c.Prerequisites.Select(p => p.Rule)))
            .Concat(excluded.SelectMany(e => e.Reasons.Select(r => r.Rule)))
            .Concat(warnings.Select(w => w.Rule))
            .Concat(missingInformation.SelectMany(m => m.Rules))
            .Concat(referrals.Select(r => r.Rule))
            .Concat(planCompanions.Select(c => c.Rule))
            .Concat(planFollowUp.Select(f => f.Rule))
            .ToHashSet(StringComparer.Ordinal);

        var screening = names.Screening();
        return new TreatmentPlan
        {
            CaseId = patientCase.CaseId,
            RuleSet = rules.Identity,
            DraftRulesUsed = contributing.Count(rules.DraftRules.Contains),
            Screening = screening,
            ScreeningNotRecorded = names.ScreeningFacts().Where(f => !screening.Any(x => x.Fact == f)).ToArray(),
            Candidates = candidates,
            Excluded = excluded,
            Warnings = warnings,
            MissingInformation = missingInformation,
            Referrals = referrals,
            Companions = planCompanions,
            FollowUp = planFollowUp,
            Trace = trace,
        };
    }

    private static string? Key(Firing f) => f.Target ?? (f.Variant.Rule.Kind == RuleKind.Candidate ? f.Variant.Rule.Intervention : null);

    private static string Source(Firing f) => f.Variant.Rule.Location.ToString();

    private static Intervention Intervention(Catalog catalog, string code) =>
        catalog.TryGet(code, out var intervention) ? intervention : throw new InvalidOperationException("unknown intervention " + code);

    private static IReadOnlyDictionary<string, FactValue> Matched(IEnumerable<Firing> firings, FactNames names)
    {
        var result = new SortedDictionary<string, FactValue>(StringComparer.Ordinal);
        foreach (var f in firings)
        foreach (var (name, value) in f.Matched)
        {
            var factValue = value as FactValue ?? FactValue.Number(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
            if (!FactNames.IsPattern(name))
            {
                result[name] = factValue;
                continue;
            }
            // A pattern names the case's concrete entries that matched it (a count per entry name, or true).
            foreach (var (concrete, count) in names.Matching(f.Variant, name))
                result[concrete] = factValue.Type == FactType.Number ? FactValue.Number(count) : factValue;
        }
        return result;
    }

    /// <summary>
    /// What an exclusion reason shows of the case: the facts its rule matched, and the recorded attributes of the most
    /// recent history entry it matched (weeks ago, relief; hours since the last dose) — validated numbers only.
    /// </summary>
    private static IReadOnlyDictionary<string, FactValue> ReasonNumbers(Firing firing, FactNames names, CompiledRuleSet rules, CaseFacts facts)
    {
        var result = new SortedDictionary<string, FactValue>(StringComparer.Ordinal);
        foreach (var (name, value) in Matched([firing], names)) result[name] = value;
        var entries = firing.Variant.Literals
            .Where(l => l.Positive && l.Leaf is QuantifierCondition)
            .SelectMany(l => rules.Probe(l).Entries(facts, definite: true));
        foreach (var group in entries.GroupBy(e => e.Name, StringComparer.Ordinal))
        {
            var latest = group.OrderBy(e => e.WeeksAgo ?? double.MaxValue).ThenBy(e => e.LastDoseHoursAgo ?? double.MaxValue).First();
            void Add(string attribute, double? value)
            {
                if (value is { } v) result[group.Key + "." + attribute] = FactValue.Number(v);
            }
            Add("weeksAgo", latest.WeeksAgo);
            Add("reliefPercent", latest.ReliefPercent);
            Add("reliefWeeks", latest.ReliefWeeks);
            Add("lastDoseHoursAgo", latest.LastDoseHoursAgo);
        }
        return result;
    }

    private static string Purpose(string fact, Rule rule, FactNames names)
    {
        if (rule.Purpose is { } explicitPurpose) return explicitPurpose;
        if (names.IsScreening(fact)) return "screening";
        return rule.Kind is RuleKind.Contraindication or RuleKind.Warning or RuleKind.Prerequisite or RuleKind.BleedingRiskModifier
               || (rule.Kind == RuleKind.MissingInformation && rule.AppliesTo is not null)
            ? "safety"
            : "eligibility";
    }

    private static int PurposeRank(string purpose)
    {
        for (var i = 0; i < Plans.MissingInformation.Purposes.Count; i++)
            if (Plans.MissingInformation.Purposes[i] == purpose) return i;
        return int.MaxValue;
    }
}
