using System.Globalization;
using PlanRules.Engine;
using PlanRules.IO;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Review;

/// <summary>
/// Lints a rule set: everything the loader checks (PR1xxx, PR2xxx) plus static analysis for reviewers (PR3xxx,
/// documented in <c>src/PlanRules.Authoring/README.md</c>): conditions that can never hold, duplicate rules, candidates
/// an absolute contraindication always excludes, gaps and overlaps between thresholds, unused parameters and
/// vocabulary, interventions nothing proposes, rules without rationale or evidence, drafts, literal numbers.
/// Static analysis runs only on a rule set that loads without errors. Stateless and thread-safe.
/// </summary>
public static class RuleSetLinter
{
    private static readonly string[] BleedingRisks = ["low", "intermediate", "high"];

    /// <summary>Lints the rule set in a folder (every <c>*.json</c> below it except <c>*.schema.json</c>).</summary>
    /// <param name="directory">The rule-set folder, e.g. <c>rules</c>.</param>
    /// <param name="cancellationToken">Cancels linting.</param>
    public static LintResult Lint(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        // Read once, safely (no FIFO opened, no symbolic link loop followed); a folder with a bad file never lints.
        var (sources, problems) = RuleFolderReader.Read(directory, cancellationToken);
        if (problems.Count > 0 && sources.Count == 0) return new LintResult(null, problems);
        var load = RuleSet.Load(sources, cancellationToken);
        if (problems.Count > 0) return new LintResult(null, [.. problems, .. load.Diagnostics]);
        return load.RuleSet is null ? new LintResult(null, load.Diagnostics) : Combine(load, sources, cancellationToken);
    }

    /// <summary>Lints a rule set given as files (paths relative to the rule-set root).</summary>
    /// <param name="files">Every file of the rule set.</param>
    /// <param name="cancellationToken">Cancels linting.</param>
    public static LintResult Lint(IEnumerable<RuleSourceFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToArray();
        var load = RuleSet.Load(list, cancellationToken);
        return load.RuleSet is null ? new LintResult(null, load.Diagnostics) : Combine(load, list, cancellationToken);
    }

    /// <summary>The static-analysis findings (PR3xxx) of a loaded rule set.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="sources">Its files, to position findings about the vocabulary and missing keys; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    public static IReadOnlyList<Diagnostic> Analyze(RuleSet ruleSet, IEnumerable<RuleSourceFile>? sources = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var analysis = new Analysis(ruleSet, new SourceIndex(sources ?? []), cancellationToken);
        analysis.Run();
        return Order(analysis.Findings);
    }

    private static LintResult Combine(RuleSetLoadResult load, IEnumerable<RuleSourceFile> sources, CancellationToken cancellationToken) =>
        new(load.RuleSet, Order([.. load.Diagnostics, .. Analyze(load.RuleSet!, sources, cancellationToken)]));

    private static Diagnostic[] Order(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .OrderBy(d => d.File ?? "", StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
        .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.RuleId ?? "", StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
        .ToArray();

    private sealed class Analysis
    {
        private readonly RuleSet _set;
        private readonly SourceIndex _sources;
        private readonly CancellationToken _cancellationToken;
        private readonly ConditionLogic _logic;
        private readonly Dictionary<Rule, IReadOnlyList<IReadOnlyList<Literal>>?> _alternatives = [];

        public Analysis(RuleSet set, SourceIndex sources, CancellationToken cancellationToken)
        {
            _set = set;
            _sources = sources;
            _cancellationToken = cancellationToken;
            _logic = new ConditionLogic(set.Vocabulary);
            foreach (var rule in set.Rules) _alternatives[rule] = ConditionLogic.AlternativesOf(rule.When);
        }

        public List<Diagnostic> Findings { get; } = [];

        public void Run()
        {
            NeverHolds();
            Duplicates();
            AlwaysExcluded();
            Thresholds();
            UnusedParameters();
            UnreadVocabulary();
            NeverProposed();
            ReviewInformation();
            LiteralNumbers();
        }

        private void Add(string code, SourceLocation? at, string message, string? suggestion, string? ruleId = null)
        {
            var severity = DiagnosticCatalog.Find(code)!.DefaultSeverity;
            Findings.Add(new Diagnostic(code, severity, message, at?.File, at?.Line ?? 0, at?.Column ?? 0) { RuleId = ruleId, Suggestion = suggestion });
        }

        private string Text(Literal literal) => "'" + PlainLanguage.LiteralText(literal.Leaf, literal.Positive, _set.Vocabulary) + "'";

        private bool Satisfiable(Rule rule) => _alternatives[rule] is not { } alternatives || alternatives.Any(a => _logic.Conflict(a) is null);

        // PR3001
        private void NeverHolds()
        {
            foreach (var rule in _set.Rules)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (_alternatives[rule] is not { Count: > 0 } alternatives) continue;
                var conflicts = alternatives.Select(a => _logic.Conflict(a)).ToList();
                var whole = conflicts.All(c => c is not null);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var conflict in conflicts.OfType<IReadOnlyList<Literal>>())
                {
                    var key = string.Join(";", conflict.Select(l => l.Leaf.Location.Line + ":" + l.Leaf.Location.Column + ":" + l.Positive));
                    if (!seen.Add(key)) continue;
                    var what = conflict.Count == 1
                        ? Text(conflict[0]) + " can never be true" + RangeNote(conflict[0])
                        : string.Join(" and ", conflict.Select(Text)) + " cannot both be true";
                    var message = whole
                        ? $"the condition can never hold: {what}"
                        : $"one alternative of the condition can never hold: {what} (the other alternatives can)";
                    Add(DiagnosticCodes.ConditionNeverHolds, conflict[^1].Leaf.Location, message,
                        whole ? "correct the contradicting comparisons; as written the rule never fires" : "remove or correct the alternative that can never hold", rule.Id);
                    if (whole) break;
                }
            }
        }

        private string RangeNote(Literal literal)
        {
            if (literal.Leaf is FactCondition f && _set.Vocabulary.TryGetFact(f.Fact, out var d) && d.Type == FactType.Number && (d.Min is not null || d.Max is not null))
                return $" ({f.Fact} ranges from {d.Min?.ToString(CultureInfo.InvariantCulture) ?? "…"} to {d.Max?.ToString(CultureInfo.InvariantCulture) ?? "…"})";
            return "";
        }

        // PR3002
        private void Duplicates()
        {
            foreach (var group in _set.Rules.Where(Satisfiable).GroupBy(r => r.Kind + "\u0001" + Target(r), StringComparer.Ordinal))
            {
                var rules = group.ToList();
                var reported = new HashSet<Rule>();
                for (var j = 1; j < rules.Count; j++)
                for (var i = 0; i < j; i++)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    var (a, b) = (rules[i], rules[j]);
                    if (reported.Contains(b) || reported.Contains(a)) continue;
                    if (!_logic.Implies(a.When, b.When) || !_logic.Implies(b.When, a.When)) continue;
                    reported.Add(b);
                    var differences = new List<string>();
                    if (a.Strength != b.Strength) differences.Add($"strength {a.Strength} / {b.Strength}");
                    if (a.Severity != b.Severity) differences.Add($"severity {a.Severity} / {b.Severity}");
                    if (a.Message != b.Message) differences.Add("the message");
                    Add(DiagnosticCodes.DuplicateRule, b.Location,
                        $"rule duplicates '{a.Id}' ({a.Location}): same kind ({b.Kind.ToWord()}), same target ({TargetText(b)}) and an equivalent condition" +
                        (differences.Count > 0 ? "; they differ only in " + string.Join(", ", differences) : ""),
                        $"delete one of the two rules, or merge them into '{a.Id}'", b.Id);
                }
            }
        }

        private static string Selector(InterventionSelector? s) =>
            s is null ? "plan" : s.Any ? "any" : string.Join(",", s.StaticCodes) + "#" + string.Join(",", s.BleedingRisk.Order(StringComparer.Ordinal));

        private static string Target(Rule r) => r.Kind switch
        {
            RuleKind.Candidate => r.Intervention ?? "",
            RuleKind.Contraindication => r.Severity + "|" + Selector(r.AppliesTo),
            RuleKind.Warning or RuleKind.Prerequisite => r.Code + "|" + Selector(r.AppliesTo),
            RuleKind.MissingInformation => r.Fact + "|" + Selector(r.AppliesTo),
            RuleKind.Referral => r.Referral ?? "",
            RuleKind.Companion => r.Companion + "|" + Selector(r.AppliesTo),
            RuleKind.FollowUp => r.Measure + "|" + Selector(r.AppliesTo),
            RuleKind.Preference => Selector(r.AppliesTo) + "|" + r.Adjust?.Value,
            _ => "",
        };

        private static string TargetText(Rule r) => r.Kind switch
        {
            RuleKind.Candidate => "intervention " + r.Intervention,
            RuleKind.Referral => "referral " + r.Referral,
            RuleKind.BleedingRiskModifier => "every low- or intermediate-risk candidate",
            _ => (r.Code is null ? "" : "code " + r.Code + ", ") + (r.Fact is null ? "" : "fact " + r.Fact + ", ") + (r.Companion is null ? "" : "companion " + r.Companion + ", ")
                 + (r.Measure is null ? "" : "measure " + r.Measure + ", ") + (r.AppliesTo is null ? "the plan" : "applies to " + SelectorText(r.AppliesTo)),
        };

        internal static string SelectorText(InterventionSelector s)
        {
            if (s.Any) return "every candidate";
            var parts = new List<string>();
            if (s.Interventions.Count > 0) parts.Add(string.Join(", ", s.Interventions));
            if (s.Tags.Count > 0) parts.Add("tags " + string.Join(", ", s.Tags));
            if (s.BleedingRisk.Count > 0) parts.Add("bleeding risk " + string.Join(", ", s.BleedingRisk));
            return string.Join("; ", parts);
        }

        // PR3003
        private void AlwaysExcluded()
        {
            var modifiers = _set.Rules.Any(r => r.Kind == RuleKind.BleedingRiskModifier);
            var excluders = _set.Rules.Where(r => (r.Kind == RuleKind.Contraindication && r.Severity == "absolute") || (r.Kind == RuleKind.Referral && r.StopsPlan))
                .Where(Satisfiable).ToList();
            foreach (var candidate in _set.Rules.Where(r => r.Kind == RuleKind.Candidate && r.Intervention is not null).Where(Satisfiable))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (!_set.Catalog.TryGet(candidate.Intervention!, out var intervention)) continue;
                foreach (var excluder in excluders)
                {
                    if (excluder.Kind == RuleKind.Contraindication && !AlwaysApplies(excluder.AppliesTo, intervention, modifiers)) continue;
                    if (!_logic.Implies(candidate.When, excluder.When)) continue;
                    var how = excluder.Kind == RuleKind.Referral
                        ? $"the plan-stopping referral rule '{excluder.Id}' ({excluder.Location})"
                        : $"the absolute contraindication '{excluder.Id}' ({excluder.Location})";
                    Add(DiagnosticCodes.CandidateAlwaysExcluded, candidate.Location,
                        $"rule proposes {candidate.Intervention}, but whenever its condition holds so does that of {how}: the intervention always ends up excluded",
                        $"remove the candidate rule, or narrow '{excluder.Id}'; if the candidate exists only so that plans list the intervention as excluded with this reason, say so in its notes", candidate.Id);
                    break;
                }
            }
        }

        /// <summary>Whether a selector applies to an intervention whatever bleeding-risk modifiers do.</summary>
        private static bool AlwaysApplies(InterventionSelector? selector, Intervention intervention, bool modifiers)
        {
            if (selector is null) return false;
            if (selector.Any || selector.StaticCodes.Contains(intervention.Code)) return true;
            var index = Array.IndexOf(BleedingRisks, intervention.BleedingRisk);
            if (index < 0 || !selector.BleedingRisk.Contains(intervention.BleedingRisk)) return false;
            return !modifiers || index == BleedingRisks.Length - 1 || selector.BleedingRisk.Contains(BleedingRisks[index + 1]);
        }

        // PR3004
        private void Thresholds()
        {
            foreach (var group in _set.Rules.Where(r => r.Kind == RuleKind.Candidate && r.Intervention is not null).GroupBy(r => r.Intervention!, StringComparer.Ordinal))
            {
                var alternatives = group
                    .SelectMany(r => (_alternatives[r] ?? []).Select((a, i) => (Rule: r, Index: i, Literals: a)))
                    .Where(x => _logic.Conflict(x.Literals) is null)
                    .ToList();
                if (alternatives.Count < 2) continue;
                var facts = alternatives.SelectMany(x => x.Literals)
                    .Select(l => l.Leaf).OfType<FactCondition>()
                    .Where(f => f.Operator != ComparisonOperator.Known && _set.Vocabulary.TryGetFact(f.Fact, out var d) && d.Type == FactType.Number)
                    .Select(f => f.Fact).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var reported = new HashSet<string>(StringComparer.Ordinal);
                foreach (var fact in facts)
                {
                    var range = _logic.RangeOf(fact);
                    for (var j = 1; j < alternatives.Count; j++)
                    for (var i = 0; i < j; i++)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                        var (x, y) = (alternatives[i], alternatives[j]);
                        if (_logic.NumbersOf(x.Literals, fact) is not { } dx || _logic.NumbersOf(y.Literals, fact) is not { } dy) continue;
                        if (dx.Parts.Count != 1 || dy.Parts.Count != 1 || dx.IsSubsetOf(dy) || dy.IsSubsetOf(dx)) continue;
                        var rest = Without(x.Literals, fact).Concat(Without(y.Literals, fact)).ToList();
                        if (_logic.Conflict(rest) is not null) continue;
                        var key = x.Rule.Id + "\u0001" + y.Rule.Id + "\u0001" + fact;
                        if (reported.Contains(key)) continue;
                        var at = y.Literals.First(l => l.Leaf is FactCondition f && f.Fact == fact).Leaf.Location;
                        var unit = _set.Vocabulary.TryGetFact(fact, out var def) ? PlainLanguage.UnitText(def.Unit) : "";
                        var who = x.Rule == y.Rule ? $"two alternatives of this rule" : $"rule '{x.Rule.Id}' ({x.Rule.Location}) and this rule";
                        var overlap = dx.Intersect(dy);
                        if (overlap.IsEmpty)
                        {
                            var (low, high) = dx.Parts[0].High <= dy.Parts[0].Low ? (dx.Parts[0], dy.Parts[0]) : (dy.Parts[0], dx.Parts[0]);
                            var gap = NumberSet.Of(new NumberInterval(low.High, !low.HighIncluded, high.Low, !high.LowIncluded)).Intersect(range);
                            // Values another alternative covers, for the same patients, are no gap.
                            foreach (var z in alternatives)
                            {
                                if (z == x || z == y || !_logic.Implies(rest, Without(z.Literals, fact).ToList())) continue;
                                gap = gap.Minus(_logic.NumbersOf(z.Literals, fact) ?? NumberSet.All);
                            }
                            if (gap.IsEmpty) continue;
                            reported.Add(key);
                            var example = gap.Example() is { } e ? " (e.g. " + PlainLanguage.Number(e) + unit + ")" : "";
                            Add(DiagnosticCodes.ThresholdGapOrOverlap, at,
                                $"gap: {who} propose {group.Key} for {fact} {dx.Describe(unit)} and {dy.Describe(unit)}; a case with {fact} {gap.Describe(unit)}{example} meets neither, though it can meet everything else both ask",
                                $"make the thresholds meet (e.g. 'below {PlainLanguage.Number(high.Low)}' and 'atLeast {PlainLanguage.Number(high.Low)}'), or say in \"notes\" why the gap is intended", y.Rule.Id);
                        }
                        else
                        {
                            var point = overlap.Parts.Count == 1 && overlap.Parts[0].IsPoint;
                            var strengths = x.Rule.Strength != y.Rule.Strength;
                            if (!point && !strengths) continue;
                            reported.Add(key);
                            var why = point
                                ? $"both include {fact} = {overlap.Describe(unit)}, the boundary between them"
                                : $"both hold for {fact} {overlap.Describe(unit)}, with different strengths ({x.Rule.Strength} / {y.Rule.Strength})";
                            Add(DiagnosticCodes.ThresholdGapOrOverlap, at,
                                $"overlap: {who} propose {group.Key} for {fact} {dx.Describe(unit)} and {dy.Describe(unit)}: {why}",
                                point ? "use 'below' in one rule and 'atLeast' in the other so that each value falls under exactly one" : "make the ranges meet without overlapping, or give both the same strength", y.Rule.Id);
                        }
                    }
                }
            }
        }

        private static IEnumerable<Literal> Without(IEnumerable<Literal> literals, string fact) =>
            literals.Where(l => l.Leaf is not FactCondition f || f.Fact != fact);

        // PR3005
        private void UnusedParameters()
        {
            var used = _set.Rules.SelectMany(r => r.Parameters).ToHashSet(StringComparer.Ordinal);
            foreach (var p in _set.Parameters.Values.OrderBy(p => p.Location.Line))
                if (!used.Contains(p.Name))
                    Add(DiagnosticCodes.UnusedParameter, p.Location,
                        $"parameter '{p.Name}' = {PlainLanguage.Number(p.Value)} {p.Unit} is not used by any rule",
                        $"use it in a rule, as \"${p.Name}\" in a condition or {{{p.Name}}} in a title or message, or remove it");
        }

        // PR3006
        private void UnreadVocabulary()
        {
            var facts = new HashSet<string>(StringComparer.Ordinal);
            var prefixes = new List<string>();
            var attributes = new HashSet<string>(StringComparer.Ordinal);
            void Walk(Condition c)
            {
                switch (c)
                {
                    case AllCondition all: foreach (var p in all.Parts) Walk(p); break;
                    case AnyCondition any: foreach (var p in any.Parts) Walk(p); break;
                    case NotCondition not: Walk(not.Part); break;
                    case FactCondition f: facts.Add(f.Fact); break;
                    case QuantifierCondition q:
                        foreach (var list in q.AllLists)
                            if (list.EndsWith(".*", StringComparison.Ordinal)) prefixes.Add(list[..^1]);
                            else facts.Add(list);
                        WalkFilter(q.Section, q.Where);
                        break;
                }
            }
            void WalkFilter(string section, EntryFilter? f)
            {
                switch (f)
                {
                    case AllEntryFilter all: foreach (var p in all.Parts) WalkFilter(section, p); break;
                    case AnyEntryFilter any: foreach (var p in any.Parts) WalkFilter(section, p); break;
                    case NotEntryFilter not: WalkFilter(section, not.Part); break;
                    case AttributeFilter a: attributes.Add(section + "." + a.Attribute); break;
                }
            }
            foreach (var rule in _set.Rules)
            {
                Walk(rule.When);
                if (rule.Fact is not null) facts.Add(rule.Fact);
                if (rule.Measure is not null) facts.Add(rule.Measure);
            }
            foreach (var fact in _set.Vocabulary.Facts)
            {
                if (fact.Section == "procedure") continue; // interventions: see PR3007
                if (facts.Contains(fact.Name) || prefixes.Any(p => fact.Name.StartsWith(p, StringComparison.Ordinal))) continue;
                Add(DiagnosticCodes.UnreadVocabularyEntry, _sources.Locate("vocabulary.json", "facts", fact.Name),
                    $"vocabulary fact '{fact.Name}' ({fact.Label}) is not read by any rule",
                    "use it in a rule, or remove it from vocabulary.json; cases can then no longer carry it");
            }
            foreach (var section in Vocabulary.ListSections)
            foreach (var attribute in _set.Vocabulary.AttributesOf(section).Keys.Order(StringComparer.Ordinal))
            {
                if (attributes.Contains(section + "." + attribute)) continue;
                Add(DiagnosticCodes.UnreadVocabularyEntry, _sources.Locate("vocabulary.json", "attributes", section, attribute),
                    $"attribute '{attribute}' of {section} entries is not read by any rule",
                    "use it in a 'where', or remove it from vocabulary.json");
            }
        }

        // PR3007
        private void NeverProposed()
        {
            var proposed = _set.Rules.Where(r => r.Kind == RuleKind.Candidate).Select(r => r.Intervention).ToHashSet(StringComparer.Ordinal);
            foreach (var intervention in _set.Catalog.Interventions)
            {
                if (proposed.Contains(intervention.Code)) continue;
                Add(DiagnosticCodes.InterventionNeverProposed, intervention.Location ?? new SourceLocation("catalog.json", 0, 0),
                    $"no candidate rule proposes intervention '{intervention.Code}' ({intervention.Name})",
                    "add a candidate rule; if it is kept only as an earlier procedure, procedure." + intervention.Code + ", say so in its description");
            }
        }

        // PR3008, PR3009, PR3011
        private void ReviewInformation()
        {
            foreach (var rule in _set.Rules)
            {
                var missing = new List<string>();
                if (string.IsNullOrWhiteSpace(rule.Rationale)) missing.Add("rationale");
                if (rule.Evidence.Count == 0 || rule.Evidence.All(string.IsNullOrWhiteSpace)) missing.Add("evidence");
                if (_sources.RuleObject(rule) is { } obj && obj.Property("status") is null) missing.Add("status");
                if (missing.Count > 0)
                    Add(DiagnosticCodes.MissingReviewInformation, rule.Location, $"rule has no {string.Join(", no ", missing)}",
                        "every shipped rule gives \"rationale\", \"evidence\" and \"status\"", rule.Id);
                if (rule.Status == "approved" && SignOffProblem(rule) is { } problem)
                    Add(DiagnosticCodes.ApprovedWithoutSignOff, rule.Location, "rule is approved but " + problem,
                        "name the clinical lead who signed it off in \"reviewedBy\" and the date in \"reviewedOn\" (YYYY-MM-DD), or set \"status\": \"draft\"", rule.Id);
                if (rule.Status == "draft")
                {
                    var policy = rule.Parameters.Where(p => _set.Parameters.TryGetValue(p, out var v) && v.PolicyChoice).ToList();
                    Add(DiagnosticCodes.DraftRule, rule.Location,
                        "rule is still a draft" + (policy.Count > 0 ? "; it uses the policy choice " + string.Join(", ", policy.Select(p => "$" + p)) : ""),
                        "have a clinical lead review it, then set \"status\": \"approved\" with \"reviewedBy\" and \"reviewedOn\"", rule.Id);
                }
            }
        }

        /// <summary>What is wrong with an approved rule's sign-off, or <c>null</c> when it names who and when.</summary>
        private static string? SignOffProblem(Rule rule)
        {
            var by = rule.ReviewedBy?.Trim() ?? "";
            var on = rule.ReviewedOn?.Trim() ?? "";
            var problems = new List<string>();
            if (by.Length == 0) problems.Add("names no \"reviewedBy\"");
            else if (!SignOff.IsNamed(by)) problems.Add($"\"reviewedBy\" is '{by}', a role or placeholder, not a named clinical lead");
            if (on.Length == 0) problems.Add("gives no \"reviewedOn\" date");
            return problems.Count == 0 ? null : string.Join(" and ", problems);
        }

        // PR3010
        private void LiteralNumbers()
        {
            foreach (var rule in _set.Rules)
            {
                foreach (var (leaf, operand, unit) in Literals(rule.When))
                {
                    var sentence = PlainLanguage.LiteralText(leaf, true, _set.Vocabulary);
                    Add(DiagnosticCodes.LiteralNumber, leaf.Location,
                        $"the number {PlainLanguage.Number(operand.Value.NumberValue)} in '{sentence}' is written in the rule; a number a clinical lead may tune belongs in parameters.json",
                        SuggestParameter(operand.Value.NumberValue, unit), rule.Id);
                }
                if (rule.AfterWeeks is { Parameter: null } weeks && weeks.Value.NumberValue != 0)
                    Add(DiagnosticCodes.LiteralNumber, rule.Location,
                        $"'afterWeeks' is the literal {PlainLanguage.Number(weeks.Value.NumberValue)}; a number a clinical lead may tune belongs in parameters.json",
                        SuggestParameter(weeks.Value.NumberValue, "weeks"), rule.Id);
            }
        }

        private IEnumerable<(Condition Leaf, Operand Operand, string? Unit)> Literals(Condition condition)
        {
            switch (condition)
            {
                case AllCondition all:
                    foreach (var x in all.Parts.SelectMany(Literals)) yield return x;
                    break;
                case AnyCondition any:
                    foreach (var x in any.Parts.SelectMany(Literals)) yield return x;
                    break;
                case NotCondition not:
                    foreach (var x in Literals(not.Part)) yield return x;
                    break;
                case FactCondition f when f.Operator != ComparisonOperator.Known:
                    var unit = _set.Vocabulary.TryGetFact(f.Fact, out var d) ? d.Unit : null;
                    foreach (var o in f.Operands.Where(o => o.Parameter is null && o.Value.Type == FactType.Number)) yield return (f, o, unit);
                    break;
                case QuantifierCondition q:
                    if (q.Count.Parameter is null && q.Count.Value.NumberValue > 1) yield return (q, q.Count, "count");
                    foreach (var (a, o) in Attributes(q.Where))
                        yield return (q, o, _set.Vocabulary.TryGetAttribute(q.Section, a.Attribute, out var ad) ? ad.Unit : null);
                    break;
            }
        }

        private static IEnumerable<(AttributeFilter Filter, Operand Operand)> Attributes(EntryFilter? filter) => filter switch
        {
            AllEntryFilter all => all.Parts.SelectMany(Attributes),
            AnyEntryFilter any => any.Parts.SelectMany(Attributes),
            NotEntryFilter not => Attributes(not.Part),
            AttributeFilter a => a.Operands.Where(o => o.Parameter is null && o.Value.Type == FactType.Number).Select(o => (a, o)),
            _ => [],
        };

        private string SuggestParameter(double value, string? unit)
        {
            var same = _set.Parameters.Values.Where(p => p.Value == value)
                .OrderByDescending(p => unit is not null && string.Equals(p.Unit, unit, StringComparison.OrdinalIgnoreCase))
                .ThenBy(p => p.Name, StringComparer.Ordinal).Take(3).ToList();
            return same.Count == 0
                ? "add a parameter (value, unit, label, source) to parameters.json and write \"$name\""
                : "use a parameter, e.g. " + string.Join(" or ", same.Select(p => $"\"${p.Name}\" = {PlainLanguage.Number(p.Value)} {p.Unit}"));
        }
    }
}
