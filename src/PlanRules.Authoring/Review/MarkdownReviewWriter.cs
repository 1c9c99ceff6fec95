using System.Text;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Review;

/// <summary>Writes the review document as GitHub-flavoured Markdown (same content as the HTML page, without the search box).</summary>
internal sealed class MarkdownReviewWriter
{
    private readonly ReviewModel _model;
    private readonly RuleSetChanges? _changes;
    private readonly StringBuilder _sb = new();

    public MarkdownReviewWriter(ReviewModel model, RuleSetChanges? changes)
    {
        _model = model;
        _changes = changes;
    }

    private RuleSet Set => _model.Set;

    public string Write()
    {
        var id = Set.Identity;
        var (rules, approved, draft, policy) = _model.Counts();
        _sb.Append("# ").Append(_changes is null ? "Rule set review" : "Rule set changes").Append(": ").Append(id.Name).Append("\n\n");
        _sb.Append("| | |\n|---|---|\n");
        if (_changes is not null)
        {
            var b = _changes.Before.Identity;
            _sb.Append("| Before | ").Append(Cell(b.Name + " " + b.Version)).Append(" `").Append(b.Sha256).Append("` |\n");
            _sb.Append("| After | ").Append(Cell(id.Name + " " + id.Version)).Append(" `").Append(id.Sha256).Append("` |\n");
        }
        else
        {
            _sb.Append("| Name | ").Append(Cell(id.Name)).Append(" |\n| Version | ").Append(Cell(id.Version)).Append(" |\n| SHA-256 | `").Append(id.Sha256).Append("` |\n");
        }
        _sb.Append("| Content | ").Append(Set.Catalog.Interventions.Count).Append(" interventions · ").Append(rules).Append(" rules (").Append(approved).Append(" approved, ")
           .Append(draft).Append(" draft").Append(_model.UnsignedCount > 0 ? ", " + _model.UnsignedCount + " not signed off" : "").Append(") · ").Append(Set.Parameters.Count).Append(" parameters (").Append(policy).Append(" policy choices) |\n\n");

        SignOff();
        if (_changes is not null) Changes();

        _sb.Append("## Interventions\n\n");
        foreach (var i in Set.Catalog.Interventions) _sb.Append("- [").Append(i.Name).Append("](#i-").Append(A(i.Code)).Append(")\n");
        _sb.Append('\n');
        foreach (var review in _model.Interventions) Intervention(review);

        _sb.Append("## Plan-wide rules\n\nReferrals (a red flag stops the plan), bleeding-risk modifiers, and rules about the plan as a whole.\n\n");
        foreach (var rule in _model.PlanWide) Ref(rule, null, false);
        if (_model.PlanWide.Count == 0) _sb.Append("_None._\n");
        _sb.Append('\n');

        Grid();
        Parameters();

        _sb.Append("## Rules by file\n\nEvery rule other than those proposing an intervention (shown with their intervention), in full.\n\n");
        foreach (var (file, list) in _model.Files)
        {
            var shown = list.Where(r => r.Kind != RuleKind.Candidate).ToList();
            if (shown.Count == 0) continue;
            _sb.Append("### `").Append(file).Append("`\n\n");
            foreach (var rule in shown) Card(rule, Set, "rule-", false);
        }
        if (_changes is not null)
        {
            _sb.Append("## Removed\n\n");
            var removed = _changes.Items.Where(c => c.Kind == ChangeKind.Removed).ToList();
            if (removed.Count == 0) _sb.Append("_Nothing was removed._\n\n");
            foreach (var c in removed.Where(c => c.Subject != ChangeSubject.Rule)) _sb.Append("- **removed** ").Append(Text(c.Summary)).Append('\n');
            _sb.Append('\n');
            foreach (var rule in _changes.Before.Rules.Where(r => removed.Any(c => c.Subject == ChangeSubject.Rule && c.Id == r.Id)))
                Card(rule, _changes.Before, "removed-rule-", true);
        }
        return _sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>The opening section: lint errors and warnings, rules marked approved without sign-off, draft rules by file.</summary>
    private void SignOff()
    {
        var drafts = _model.DraftCount;
        var unsigned = _model.UnsignedCount;
        var errors = _model.Findings.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = _model.Findings.Count - errors;
        _sb.Append("## Needs sign-off\n\n");
        if (drafts + unsigned == 0 && _model.Findings.Count == 0) _sb.Append("Every rule is signed off and lint finds no error or warning.\n\n");
        else
            _sb.Append("**").Append(drafts + unsigned).Append(" of ").Append(Set.Rules.Count).Append(" rules need sign-off:** ").Append(drafts).Append(" draft")
               .Append(unsigned > 0 ? ", " + unsigned + " marked approved without a named reviewer and date" : "").Append(". Lint: ")
               .Append(errors).Append(errors == 1 ? " error, " : " errors, ").Append(warnings).Append(warnings == 1 ? " warning.\n\n" : " warnings.\n\n");
        _sb.Append("A rule is approved only with `\"status\": \"approved\"`, `reviewedBy` (a named clinical lead of the deploying clinic) and `reviewedOn` (YYYY-MM-DD).\n\n");
        _sb.Append("### Lint errors and warnings (").Append(_model.Findings.Count).Append(")\n\n");
        if (_model.Findings.Count == 0) _sb.Append("_None._\n\n");
        else
        {
            foreach (var d in _model.Findings)
            {
                _sb.Append("- **").Append(d.Severity == DiagnosticSeverity.Error ? "error" : "warning").Append("** `").Append(d.Code).Append('`');
                if (d.RuleId is not null) _sb.Append(" [`").Append(d.RuleId).Append("`](#rule-").Append(A(d.RuleId)).Append(')');
                _sb.Append(": ").Append(Text(d.Message));
                if (d.File is not null) _sb.Append(" `").Append(d.File).Append(d.Line > 0 ? ":" + d.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "").Append('`');
                _sb.Append('\n');
            }
            _sb.Append('\n');
        }
        if (unsigned > 0)
        {
            _sb.Append("### Marked approved without sign-off (").Append(unsigned).Append(")\n\nShown as “not signed off” below until `reviewedBy` names a clinical lead and `reviewedOn` gives the date.\n\n");
            SignOffList(_model.Unsigned);
        }
        _sb.Append("### Draft rules (").Append(drafts).Append(")\n\n");
        if (drafts == 0) _sb.Append("_None._\n\n");
        else SignOffList(_model.Drafts);
    }

    private void SignOffList(IReadOnlyList<(string File, IReadOnlyList<Rule> Rules)> groups)
    {
        foreach (var (file, rules) in groups)
        {
            _sb.Append("#### `").Append(file).Append("` (").Append(rules.Count).Append(")\n\n");
            foreach (var rule in rules)
                _sb.Append("- ").Append(Badges(rule)).Append(" [").Append(Text(rule.Title)).Append("](#rule-").Append(A(rule.Id)).Append(") `").Append(rule.Id).Append("` `").Append(rule.Location).Append("`\n");
            _sb.Append('\n');
        }
    }

    private void Changes()
    {
        _sb.Append("## Changes\n\n");
        if (_changes!.IsEmpty) _sb.Append("_No rule, parameter, intervention or fact changed._\n\n");
        foreach (var c in _changes.Items)
        {
            _sb.Append("- **").Append(c.Kind.ToString().ToLowerInvariant()).Append("** ").Append(Text(c.Summary)).Append('\n');
            foreach (var d in c.Details) _sb.Append("  - ").Append(Text(d)).Append('\n');
        }
        _sb.Append('\n');
    }

    private void Intervention(InterventionReview review)
    {
        var i = review.Intervention;
        var change = _changes?.Find(ChangeSubject.Intervention, i.Code);
        _sb.Append("<a id=\"i-").Append(A(i.Code)).Append("\"></a>\n\n### ").Append(Text(i.Name)).Append(" (`").Append(i.Code).Append("`)").Append(Mark(change)).Append("\n\n");
        _sb.Append("Bleeding risk **").Append(i.BleedingRisk).Append("**").Append(i.Tags.Count > 0 ? " · tags: " + string.Join(", ", i.Tags) : "")
           .Append(i.Location is null ? "" : " · `" + i.Location + "`").Append("\n\n");
        Delta(change);
        _sb.Append("#### Proposed when\n\n");
        if (review.Proposed.Count == 0) _sb.Append("_No rule proposes it._\n\n");
        foreach (var rule in review.Proposed) Card(rule, Set, "rule-", false);
        RefList("Excluded when", review.Excluded, "No absolute contraindication applies to it.");
        if (_model.PlanWide.Any(r => r.Kind == RuleKind.Referral && r.StopsPlan))
            _sb.Append("A referral that stops the plan (red flags, see plan-wide rules) also excludes it.\n\n");
        RefList("Warnings", review.Warnings, "No warning applies to it.");
        RefList("Prerequisites", review.Prerequisites, "No prerequisite applies to it.");
        if (review.Antithrombotic.Count > 0)
            _sb.Append("#### Antithrombotics\n\n").Append(review.Antithrombotic.Count).Append(" antithrombotic rule").Append(review.Antithrombotic.Count == 1 ? "" : "s")
               .Append(" apply at bleeding risk **").Append(i.BleedingRisk).Append("**: see [the antithrombotic grid](#antithrombotics).\n\n");
        RefList("Also applies", review.Other, null);
    }

    private void RefList(string heading, IReadOnlyList<AppliedRule> rules, string? none)
    {
        if (rules.Count == 0 && none is null) return;
        _sb.Append("#### ").Append(heading).Append("\n\n");
        if (rules.Count == 0) _sb.Append('_').Append(none).Append("_\n\n");
        else
        {
            foreach (var applied in rules) Ref(applied.Rule, applied.Note, heading == "Prerequisites");
            _sb.Append('\n');
        }
    }

    private void Ref(Rule rule, string? note, bool prerequisite)
    {
        var change = _changes?.Find(ChangeSubject.Rule, rule.Id);
        _sb.Append("- ").Append(Badges(rule)).Append(" [").Append(Text(rule.Title)).Append("](#rule-").Append(A(rule.Id)).Append(")").Append(Mark(change));
        if (note is not null) _sb.Append(" _(").Append(Text(note)).Append(")_");
        _sb.Append("  \n  when ").Append(Text(_model.When(rule).ToPlainText()));
        var then = prerequisite && rule.PrerequisiteMessage is not null ? rule.PrerequisiteMessage : rule.Message;
        if (then is not null) _sb.Append("  \n  then ").Append(Text(then));
        _sb.Append("  \n  ").Append(ReviewModel.StatusText(rule)).Append(" · ").Append(Text(ReviewModel.SignOffText(rule))).Append(" · `").Append(rule.Location).Append("`\n");
    }

    private void Card(Rule rule, RuleSet set, string anchor, bool removed)
    {
        var change = removed ? null : _changes?.Find(ChangeSubject.Rule, rule.Id);
        _sb.Append("<a id=\"").Append(anchor).Append(A(rule.Id)).Append("\"></a>\n\n##### ").Append(removed ? "~~" + Text(rule.Title) + "~~ **removed**" : Text(rule.Title)).Append(Mark(change)).Append("\n\n");
        _sb.Append(Badges(rule)).Append(" · ").Append(ReviewModel.StatusText(rule)).Append(" · `").Append(rule.Id).Append("` · `").Append(rule.Location).Append("`\n\n");
        Delta(change);
        _sb.Append("**When**\n\n");
        Tree(PlainLanguage.Build(rule.When, set.Vocabulary), 0);
        _sb.Append("\n**Then** ").Append(Text(Effect(rule, set))).Append("\n\n");
        if (rule.AppliesTo is not null) _sb.Append("**Applies to** ").Append(Text(Selector(rule.AppliesTo))).Append("\n\n");
        _sb.Append("**Why** ").Append(rule.Rationale.Length == 0 ? "_no rationale_" : Text(rule.Rationale)).Append("\n\n");
        _sb.Append("**Evidence**");
        if (rule.Evidence.Count == 0) _sb.Append(" _none cited_\n\n");
        else
        {
            _sb.Append("\n\n");
            foreach (var e in rule.Evidence) _sb.Append("- ").Append(Text(e)).Append('\n');
            _sb.Append('\n');
        }
        _sb.Append("Status **").Append(ReviewModel.StatusText(rule)).Append("** · ").Append(Text(ReviewModel.SignOffText(rule))).Append("\n\n");
    }

    private void Tree(Phrase phrase, int depth)
    {
        var indent = new string(' ', depth * 2);
        if (phrase.IsLeaf)
        {
            _sb.Append(indent).Append("- ").Append(Sentence(phrase.Sentence)).Append('\n');
            return;
        }
        _sb.Append(indent).Append("- ").Append(phrase.Lead).Append(":\n");
        foreach (var part in phrase.Parts) Tree(part, depth + 1);
    }

    private static string Sentence(IReadOnlyList<Segment> segments) =>
        string.Concat(segments.Select(s => s.Parameter is null ? Text(s.Text) : "**" + Text(s.Text) + "** (`$" + s.Parameter + "`)"));

    private void Grid()
    {
        var grid = _model.Grid;
        _sb.Append("<a id=\"antithrombotics\"></a>\n\n## Antithrombotics\n\nWarnings and prerequisites about a medication that apply by bleeding-risk category (after modifiers): hold time before the procedure, “shared” (a shared assessment with the prescriber) or — (no rule).\n\n");
        if (grid.Medications.Count == 0)
        {
            _sb.Append("_No antithrombotic rules._\n\n");
            return;
        }
        _sb.Append("| Medication | ").Append(string.Join(" | ", grid.Categories.Select(c => c + " risk"))).Append(" |\n|---|").Append(string.Concat(grid.Categories.Select(_ => "---|"))).Append('\n');
        foreach (var m in grid.Medications)
        {
            _sb.Append("| ").Append(Cell(m.Label)).Append(" (`").Append(m.Name).Append("`)");
            foreach (var c in grid.Categories)
            {
                _sb.Append(" | ");
                if (!grid.Cells.TryGetValue((m.Name, c), out var entries)) _sb.Append('—');
                else
                    _sb.Append(string.Join("<br>", entries.Select(e =>
                        "[" + Cell(e.Text) + "](#rule-" + A(e.Rule.Id) + ")" + (e.Parameter is null ? "" : " `$" + e.Parameter + "`") + (e.Qualifier is null ? "" : " (" + Cell(e.Qualifier) + ")"))));
            }
            _sb.Append(" |\n");
        }
        _sb.Append('\n');
    }

    private void Parameters()
    {
        _sb.Append("<a id=\"parameters\"></a>\n\n## Parameters\n\n| Name | Value | Unit | Meaning | Source | Policy choice | Used by |\n|---|---:|---|---|---|---|---|\n");
        foreach (var p in Set.Parameters.Values.OrderBy(p => p.Location.Line))
        {
            var change = _changes?.Find(ChangeSubject.Parameter, p.Name);
            var users = _model.ParameterUsers[p.Name];
            _sb.Append("| <a id=\"param-").Append(A(p.Name)).Append("\"></a>`").Append(p.Name).Append('`').Append(change is null ? "" : " **" + Cell(change.Summary) + "**")
               .Append(" | ").Append(PlainLanguage.Number(p.Value)).Append(" | ").Append(Cell(p.Unit)).Append(" | ").Append(Cell(p.Label)).Append(" | ").Append(Cell(p.Source))
               .Append(" | ").Append(p.PolicyChoice ? "**yes**" : "no").Append(" | ").Append(users.Count == 0 ? "unused" : string.Join(", ", users.Select(r => "`" + r.Id + "`"))).Append(" |\n");
        }
        _sb.Append('\n');
    }

    private void Delta(RuleSetChange? change)
    {
        if (change is null) return;
        foreach (var d in change.Details) _sb.Append("> ").Append(Text(d)).Append("  \n");
        _sb.Append('\n');
    }

    private static string Mark(RuleSetChange? change) => change is null ? "" : " **[" + change.Kind.ToString().ToLowerInvariant() + "]**";

    private static string Badges(Rule rule) => "**" + (rule.Kind.ToWord() + "**") + ((rule.Strength ?? rule.Severity) is { } s && s != rule.Kind.ToWord() ? " _" + s + "_" : "");

    private static string Effect(Rule rule, RuleSet set) => rule.Kind switch
    {
        RuleKind.Candidate => $"propose {(set.Catalog.TryGet(rule.Intervention!, out var i) ? i.Name : rule.Intervention)} ({rule.Strength})",
        RuleKind.Contraindication when rule.Severity == "absolute" => "exclude it: " + rule.Message,
        RuleKind.Contraindication => "warn (relative contraindication): " + rule.Message,
        RuleKind.Warning => $"{(rule.Severity is null or "warning" ? "" : rule.Severity + " ")}warning {rule.Code}: {rule.Message}" + (rule.PrerequisiteMessage is null ? "" : $" Prerequisite {rule.PrerequisiteCode}: {rule.PrerequisiteMessage}"),
        RuleKind.Prerequisite => $"prerequisite {rule.Code}: {rule.Message}",
        RuleKind.MissingInformation => $"ask for {rule.Fact}: {rule.Message}",
        RuleKind.Referral => $"refer ({rule.Referral}){(rule.StopsPlan ? " and stop the plan" : "")}: {rule.Message}",
        RuleKind.Companion => $"add {rule.Companion}" + (rule.Message is null ? "" : ": " + rule.Message),
        RuleKind.FollowUp => $"measure {rule.Measure} after {Operand(rule.AfterWeeks)} weeks: {rule.Message}",
        RuleKind.BleedingRiskModifier => "raise low- and intermediate-risk candidates one bleeding-risk category: " + rule.Message,
        RuleKind.Preference => $"adjust ranking by {Operand(rule.Adjust)}: {rule.Message}",
        _ => rule.Message ?? "",
    };

    private static string Operand(Operand? o) => o is null ? "" : PlainLanguage.Number(o.Value.NumberValue) + (o.Parameter is null ? "" : " ($" + o.Parameter + ")");

    private static string Selector(InterventionSelector s)
    {
        if (s.Any) return "every candidate";
        var parts = new List<string>();
        if (s.Interventions.Count > 0) parts.Add(string.Join(", ", s.Interventions));
        if (s.Tags.Count > 0) parts.Add("tag " + string.Join(", ", s.Tags));
        if (s.BleedingRisk.Count > 0) parts.Add("bleeding risk " + string.Join(", ", s.BleedingRisk));
        return string.Join("; ", parts);
    }

    /// <summary>Text safe in Markdown prose: characters that start markup are escaped, no raw HTML.</summary>
    private static string Text(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' '))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Cell(string text) => Text(text);

    private static string A(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-'));
}
