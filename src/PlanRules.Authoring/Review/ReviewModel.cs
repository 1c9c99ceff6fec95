using PlanRules.Engine;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Review;

/// <summary>A rule that applies to an intervention, with a note on when (e.g. "bleeding risk intermediate").</summary>
internal sealed record AppliedRule(Rule Rule, string? Note);

/// <summary>What a reviewer needs to see about one intervention.</summary>
internal sealed record InterventionReview(
    Intervention Intervention,
    IReadOnlyList<Rule> Proposed,
    IReadOnlyList<AppliedRule> Excluded,
    IReadOnlyList<AppliedRule> Warnings,
    IReadOnlyList<AppliedRule> Prerequisites,
    IReadOnlyList<AppliedRule> Other,
    IReadOnlyList<AppliedRule> Antithrombotic);

/// <summary>One entry of a cell of the antithrombotic grid: a hold time (or "shared", …) from one rule.</summary>
internal sealed record GridEntry(Rule Rule, string Text, string? Parameter, string? Qualifier);

/// <summary>The antithrombotic rules as a grid: medication × bleeding-risk category.</summary>
internal sealed record AntithromboticGrid(IReadOnlyList<FactDefinition> Medications, IReadOnlyList<string> Categories,
    IReadOnlyDictionary<(string Medication, string Category), IReadOnlyList<GridEntry>> Cells, IReadOnlySet<Rule> Rules);

/// <summary>Where a rule stands in review.</summary>
internal enum SignOffState
{
    /// <summary>Not approved.</summary>
    Draft,

    /// <summary>Marked approved, but without a named reviewer or a date: shown as not signed off.</summary>
    Unsigned,

    /// <summary>Approved, with a named reviewer and a date.</summary>
    Approved,
}

/// <summary>The review of a rule set, organised for clinical reviewers (shared by the HTML and Markdown writers).</summary>
internal sealed class ReviewModel
{
    public static readonly string[] BleedingRisks = ["low", "intermediate", "high"];

    public ReviewModel(RuleSet set)
    {
        Set = set;
        Modifiers = set.Rules.Any(r => r.Kind == RuleKind.BleedingRiskModifier);
        Grid = BuildGrid(set);
        Interventions = set.Catalog.Interventions.Select(Review).ToList();
        PlanWide = set.Rules.Where(r => r.Kind is RuleKind.Referral or RuleKind.BleedingRiskModifier || (r.Kind != RuleKind.Candidate && r.AppliesTo is null)).ToList();
        ParameterUsers = set.Parameters.Keys.ToDictionary(p => p, p => (IReadOnlyList<Rule>)set.Rules.Where(r => r.Parameters.Contains(p)).ToList(), StringComparer.Ordinal);
        Files = set.Rules.GroupBy(r => r.Location.File, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<Rule>)g.ToList())).ToList();
        Drafts = Group(set.Rules.Where(r => SignOff(r) == SignOffState.Draft));
        Unsigned = Group(set.Rules.Where(r => SignOff(r) == SignOffState.Unsigned));
        Findings = RuleSetLinter.Analyze(set).Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .OrderByDescending(d => d.Severity == DiagnosticSeverity.Error).ThenBy(d => d.File ?? "", StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Draft rules, grouped by file (file order, then rule order).</summary>
    public IReadOnlyList<(string File, IReadOnlyList<Rule> Rules)> Drafts { get; }

    /// <summary>Rules marked approved whose sign-off is incomplete (no named reviewer or no date), grouped by file.</summary>
    public IReadOnlyList<(string File, IReadOnlyList<Rule> Rules)> Unsigned { get; }

    /// <summary>The lint errors and warnings of the rule set (errors first), which the sign-off must look at.</summary>
    public IReadOnlyList<Diagnostic> Findings { get; }

    /// <summary>Where a rule stands: only a rule with status, named reviewer and date is <see cref="SignOffState.Approved"/>.</summary>
    public static SignOffState SignOff(Rule rule) =>
        rule.Status != "approved" ? SignOffState.Draft : PlanRules.Rules.SignOff.IsSignedOff(rule) ? SignOffState.Approved : SignOffState.Unsigned;

    /// <summary>The status as shown: <c>approved</c>, <c>draft</c> or <c>not signed off</c> (marked approved without sign-off).</summary>
    public static string StatusText(Rule rule) => SignOff(rule) switch
    {
        SignOffState.Approved => "approved",
        SignOffState.Unsigned => "not signed off",
        _ => "draft",
    };

    /// <summary>Who signed the rule off and when, or why it is not signed off, in one phrase.</summary>
    public static string SignOffText(Rule rule) => SignOff(rule) switch
    {
        SignOffState.Approved => $"signed off by {rule.ReviewedBy!.Trim()} on {rule.ReviewedOn!.Trim()}",
        SignOffState.Unsigned => "marked approved, but sign-off is incomplete (reviewed by " + (string.IsNullOrWhiteSpace(rule.ReviewedBy) ? "nobody named" : rule.ReviewedBy.Trim())
                                 + ", reviewed on " + (string.IsNullOrWhiteSpace(rule.ReviewedOn) ? "no date" : rule.ReviewedOn.Trim()) + ")",
        _ => "not yet signed off",
    };

    private static IReadOnlyList<(string File, IReadOnlyList<Rule> Rules)> Group(IEnumerable<Rule> rules) =>
        rules.GroupBy(r => r.Location.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Rule>)g.OrderBy(r => r.Location.Line).ToList())).ToList();

    public RuleSet Set { get; }

    public bool Modifiers { get; }

    public IReadOnlyList<InterventionReview> Interventions { get; }

    public IReadOnlyList<Rule> PlanWide { get; }

    public AntithromboticGrid Grid { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<Rule>> ParameterUsers { get; }

    public IReadOnlyList<(string File, IReadOnlyList<Rule> Rules)> Files { get; }

    public Phrase When(Rule rule) => PlainLanguage.Build(rule.When, Set.Vocabulary);

    /// <summary>Rule-set-wide counts for the header; only a signed-off rule counts as approved.</summary>
    public (int Rules, int Approved, int Draft, int PolicyChoices) Counts() =>
        (Set.Rules.Count, Set.Rules.Count(r => SignOff(r) == SignOffState.Approved), Set.Rules.Count(r => SignOff(r) == SignOffState.Draft), Set.Parameters.Values.Count(p => p.PolicyChoice));

    /// <summary>How many rules are marked approved without a complete sign-off.</summary>
    public int UnsignedCount => Unsigned.Sum(g => g.Rules.Count);

    /// <summary>How many rules are drafts.</summary>
    public int DraftCount => Drafts.Sum(g => g.Rules.Count);

    private InterventionReview Review(Intervention intervention)
    {
        var proposed = Set.Rules.Where(r => r.Kind == RuleKind.Candidate && r.Intervention == intervention.Code).ToList();
        List<AppliedRule> excluded = [], warnings = [], prerequisites = [], other = [], antithrombotic = [];
        foreach (var rule in Set.Rules.Where(r => r.Kind != RuleKind.Candidate && r.AppliesTo is not null))
        {
            if (Applicability(rule.AppliesTo!, intervention) is not { } note) continue;
            var applied = new AppliedRule(rule, note.Length == 0 ? null : note);
            if (Grid.Rules.Contains(rule))
            {
                antithrombotic.Add(applied);
                continue;
            }
            switch (rule.Kind)
            {
                case RuleKind.Contraindication when rule.Severity == "absolute": excluded.Add(applied); break;
                case RuleKind.Contraindication or RuleKind.Warning:
                    warnings.Add(applied);
                    if (rule.PrerequisiteCode is not null) prerequisites.Add(applied);
                    break;
                case RuleKind.Prerequisite: prerequisites.Add(applied); break;
                default: other.Add(applied); break;
            }
        }
        return new InterventionReview(intervention, proposed, excluded, warnings, prerequisites, other, antithrombotic);
    }

    /// <summary>
    /// Whether a selector applies to an intervention: <c>null</c> when never, <c>""</c> when always by code, otherwise a
    /// short note on when (a tag, a bleeding-risk category, a modifier).
    /// </summary>
    public string? Applicability(InterventionSelector selector, Intervention intervention)
    {
        if (selector.Any) return "every candidate";
        if (selector.Interventions.Any(p => p == intervention.Code || (p.EndsWith(".*", StringComparison.Ordinal) && intervention.Code.StartsWith(p[..^1], StringComparison.Ordinal))))
            return "";
        var tags = selector.Tags.Where(intervention.Tags.Contains).ToList();
        if (tags.Count > 0) return "tag " + string.Join(", ", tags);
        var index = Array.IndexOf(BleedingRisks, intervention.BleedingRisk);
        if (index < 0) return null;
        var raised = index + 1 < BleedingRisks.Length ? BleedingRisks[index + 1] : null;
        if (selector.BleedingRisk.Contains(intervention.BleedingRisk))
            return !Modifiers || raised is null || selector.BleedingRisk.Contains(raised)
                ? "bleeding risk " + intervention.BleedingRisk
                : $"bleeding risk {intervention.BleedingRisk}, unless a modifier raises it to {raised}";
        if (Modifiers && raised is not null && selector.BleedingRisk.Contains(raised))
            return $"only when a bleeding-risk modifier raises it to {raised}";
        return null;
    }

    private static AntithromboticGrid BuildGrid(RuleSet set)
    {
        var cells = new Dictionary<(string, string), List<GridEntry>>();
        var medications = new List<FactDefinition>();
        var rules = new HashSet<Rule>();
        foreach (var rule in set.Rules.Where(r => r.Kind is RuleKind.Warning or RuleKind.Prerequisite && r.AppliesTo is { } s && (s.Any || s.BleedingRisk.Count > 0)))
        {
            var categories = rule.AppliesTo!.Any ? BleedingRisks : BleedingRisks.Where(rule.AppliesTo.BleedingRisk.Contains).ToArray();
            if (Alternatives.Of(rule.When) is not { } alternatives) continue;
            foreach (var alternative in alternatives)
            {
                var mentions = alternative.Where(l => l.Positive && l.Leaf is QuantifierCondition { Section: "medication", Operator: CountOperator.AtLeast } q && q.Count.Value.NumberValue >= 1).ToList();
                foreach (var mention in mentions)
                {
                    var q = (QuantifierCondition)mention.Leaf;
                    var lastDose = Attributes(q.Where).Where(a => a.Attribute == "lastDoseHoursAgo").ToList();
                    // The hold is the upper bound on the hours since the last dose ("below 72"); a lower bound only
                    // separates this rule from a shorter hold of the same medication.
                    var hours = lastDose.SelectMany(a => a.Operator switch
                    {
                        ComparisonOperator.Below or ComparisonOperator.AtMost => a.Operands,
                        ComparisonOperator.Between => [a.Operands[1]],
                        _ => [],
                    }).ToList();
                    var unrecorded = lastDose.Any(a => a.Operator == ComparisonOperator.Known && !a.Operands[0].Value.BooleanValue);
                    var qualifiers = Attributes(q.Where).Where(a => a.Attribute != "lastDoseHoursAgo")
                        .Select(a => PlainLanguage.FilterText(a, q.Section, set.Vocabulary))
                        .Concat(alternative.Where(l => l != mention).Select(l => PlainLanguage.LiteralText(l.Leaf, l.Positive, set.Vocabulary)))
                        .ToList();
                    var qualifier = qualifiers.Count == 0 ? null : string.Join("; ", qualifiers);
                    List<GridEntry> entries = hours.Count > 0
                        ? hours.Select(h => new GridEntry(rule, PlainLanguage.Number(h.Value.NumberValue) + " h", h.Parameter, qualifier)).ToList()
                        : unrecorded ? [new GridEntry(rule, "hold when the last dose is not recorded", null, qualifier)]
                        : [new GridEntry(rule, IsShared(rule) ? "shared" : (rule.Kind == RuleKind.Prerequisite ? "prerequisite " : rule.Severity + " ") + rule.Code, null, qualifier)];
                    foreach (var name in q.AllLists)
                    {
                        if (name.EndsWith(".*", StringComparison.Ordinal) || !set.Vocabulary.TryGetFact(name, out var medication)) continue;
                        if (!medications.Contains(medication)) medications.Add(medication);
                        rules.Add(rule);
                        foreach (var category in categories)
                        {
                            if (!cells.TryGetValue((name, category), out var list)) cells[(name, category)] = list = [];
                            foreach (var e in entries)
                                if (!list.Any(x => x.Rule == e.Rule && x.Text == e.Text && x.Qualifier == e.Qualifier)) list.Add(e);
                        }
                    }
                }
            }
        }
        // Rows in the order the rules name them (files by path: related drugs stay together); columns from high to low
        // risk, as in the policy table.
        return new AntithromboticGrid(medications, ["high", "intermediate", "low"],
            cells.ToDictionary(c => c.Key, c => (IReadOnlyList<GridEntry>)c.Value), rules);
    }

    private static bool IsShared(Rule rule) =>
        (rule.Code?.Contains("shared", StringComparison.OrdinalIgnoreCase) ?? false) || (rule.Message?.Contains("shared", StringComparison.OrdinalIgnoreCase) ?? false);

    private static IEnumerable<AttributeFilter> Attributes(EntryFilter? filter) => filter switch
    {
        AllEntryFilter all => all.Parts.SelectMany(Attributes),
        AttributeFilter a => [a],
        _ => [],
    };
}
