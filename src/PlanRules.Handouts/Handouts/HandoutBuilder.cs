using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Rules;

namespace PlanRules.Handouts;

/// <summary>
/// Builds the shared-decision handout for one plan: goals, options side by side, what was ruled out and why, what
/// must happen first, the follow-up questions and a glossary. Uses only the plan, the case's goals and pain
/// findings, and the rule set's catalog, rules and parameters; never a patient identifier (only the case's opaque
/// label). Stateless and thread-safe.
/// </summary>
internal static class HandoutBuilder
{
    public static HandoutDocument Build(TreatmentPlan plan, PatientCase patientCase, RuleSet rules)
    {
        var blocks = new List<HandoutBlock>();
        var rulesById = rules.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var urgent = plan.Referrals.Where(r => r.StopsPlan).ToList();

        blocks.Add(new HandoutHeading(1, "Your pain treatment options"));
        blocks.Add(new HandoutParagraph("This guide is for you and your care team. It lists the options that may help your pain, what each one means for you, and what happens next. Use it to talk with your doctor and decide together."));

        if (urgent.Count > 0 || plan.Referrals.Count > 0) blocks.Add(Urgent(plan, rules));
        if (HeldMedicines(plan) is { Count: > 0 } held) blocks.Add(HeldMedicine(held));
        if (plan.DraftRulesUsed > 0) blocks.Add(new HandoutParagraph(DraftNotice(plan.DraftRulesUsed)));

        blocks.Add(Goals(patientCase, plan.Candidates.Count > 0));
        blocks.Add(AboutPain(patientCase, rules));

        if (plan.Candidates.Count > 0)
        {
            blocks.Add(Comparison(plan, rules));
            for (var i = 0; i < plan.Candidates.Count; i++) blocks.Add(Option(i + 1, plan.Candidates[i], plan, rules));
        }
        else
        {
            blocks.Add(new HandoutSection("options", [
                new HandoutHeading(2, "Your options"),
                new HandoutParagraph(urgent.Count > 0
                    ? "Right now, no pain procedure is planned. First, a doctor needs to check the symptoms in the box above."
                    : "Right now, no pain procedure is a good fit for you. Your care team will talk with you about other ways to ease your pain."),
            ]));
        }

        if (plan.Companions.Count > 0 && plan.Candidates.Count > 0) blocks.Add(Companions(plan));
        blocks.Add(RuledOut(plan, rulesById, rules));
        var first = First(plan, rules);
        if (first is not null) blocks.Add(first);
        var followUp = FollowUps(plan, rules);
        if (followUp is not null) blocks.Add(followUp);

        blocks.Add(new HandoutSection("closing", [
            new HandoutHeading(2, "Talk it over"),
            new HandoutParagraph("This guide does not replace talking with your care team. Bring it to your next visit. Write down your questions, and ask about anything that is not clear."),
        ]));

        // The glossary explains the medical words that the text above could not avoid.
        var text = string.Join("\n", Texts(blocks));
        var terms = HandoutGlossary.For(text);
        if (terms.Count > 0)
            blocks.Add(new HandoutSection("glossary", [new HandoutHeading(2, "Words to know"), new HandoutGlossaryBlock(terms)]));

        var reference = plan.CaseId is null ? "" : "Plan reference: " + plan.CaseId + ". ";
        blocks.Add(new HandoutParagraph(reference + "Made with the rule set " + plan.RuleSet.Name + ", version " + plan.RuleSet.Version + ".", Small: true));
        return new HandoutDocument("Your pain treatment options", blocks);
    }

    private static HandoutCallout Urgent(TreatmentPlan plan, RuleSet rules)
    {
        var lines = new List<string>();
        foreach (var code in plan.Referrals.Select(r => r.Code).Distinct(StringComparer.Ordinal))
        {
            if (rules.Catalog.Referrals.TryGetValue(code, out var entry)) lines.Add(entry.Message);
        }
        if (lines.Count == 0) lines.Add("Some of your symptoms need to be checked by a doctor right away.");
        lines.Add("Do not wait for a pain procedure. If you cannot reach your doctor today, go to an emergency department or call your local emergency number.");
        return new HandoutCallout(true, "Get medical care now", lines.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The draft notice in plain words: some rules behind the guide are not yet checked by a lead doctor.</summary>
    internal static string DraftNotice(int draftRules) =>
        "Note: a lead doctor has not yet checked " + (draftRules == 1 ? "one" : PlainWords.Number(draftRules)) + " of the rules used to make this guide.";

    /// <summary>The medicines a candidate's prerequisites hold (<c>hold.*</c>), in the patient's words, in plan order.</summary>
    internal static IReadOnlyList<string> HeldMedicines(TreatmentPlan plan) => plan.Candidates
        .SelectMany(c => c.Prerequisites)
        .Where(p => p.Code.StartsWith("hold.", StringComparison.Ordinal) && p.Code.Length > "hold.".Length)
        .Select(p => PlainWords.Medicine(p.Code["hold.".Length..]))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    // A held medicine is shown at the top, boxed like a red flag: stopping it on one's own is the danger.
    private static HandoutCallout HeldMedicine(IReadOnlyList<string> medicines)
    {
        var names = medicines.Count == 1 ? medicines[0] : string.Join(", ", medicines.Take(medicines.Count - 1)) + " and " + medicines[^1];
        return new HandoutCallout(true, "Do not stop your medicine on your own", [
            "You may need to stop " + names + " for a short time before a procedure.",
            "Talk with the doctor who gave it to you first. They will tell you when to stop it and when to start it again.",
        ]);
    }

    private static HandoutSection Goals(PatientCase patientCase, bool hasOptions)
    {
        var blocks = new List<HandoutBlock> { new HandoutHeading(2, "What matters to you") };
        if (patientCase.Goals is { Count: > 0 } goals)
        {
            blocks.Add(new HandoutParagraph("You told us what you hope to get from treatment:"));
            blocks.Add(new HandoutList(goals.Select(g => new HandoutItem(null, PlainWords.Goal(g))).ToList()));
            blocks.Add(new HandoutParagraph(hasOptions
                ? "Keep these goals in mind as you read about each option. Tell your care team if they change."
                : "Your care team will keep these goals in mind. Tell them if your goals change."));
        }
        else
        {
            blocks.Add(new HandoutParagraph("We have not written down your goals yet. Tell your care team what matters most to you. It might be getting back to work, sleeping better, or walking farther."));
        }
        return new HandoutSection("goals", blocks);
    }

    private static HandoutSection AboutPain(PatientCase patientCase, RuleSet rules)
    {
        var f = patientCase.Findings;
        var lines = new List<string>();
        var all = f.ToDictionary(kv => "finding." + kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var key in new[] { "finding.pain.region", "finding.pain.duration_weeks", "finding.pain.nrs" })
        {
            if (all.TryGetValue(key, out var value)) lines.AddRange(PlainWords.Matched(key, value, all, rules));
        }
        var blocks = new List<HandoutBlock> { new HandoutHeading(2, "About your pain") };
        blocks.Add(lines.Count > 0
            ? new HandoutParagraph(string.Join(" ", lines) + " We will use the same 0 to 10 scale later, to see if treatment helps.")
            : new HandoutParagraph("Your care team will ask you how bad your pain is, from 0 to 10, to see later if treatment helps."));
        return new HandoutSection("pain", blocks);
    }

    private static HandoutSection Comparison(TreatmentPlan plan, RuleSet rules)
    {
        var headers = new List<string> { "" };
        headers.AddRange(plan.Candidates.Select((c, i) => "Option " + (i + 1) + ": " + c.Name));
        var rows = new List<IReadOnlyList<string>>();
        Intervention? Entry(Candidate c) => rules.Catalog.TryGet(c.Intervention, out var i) ? i : null;
        string YesNo(bool b) => b ? "Yes" : "No";
        rows.Add(Row("What it is", plan.Candidates.Select(c => PlainWords.Kind(Entry(c)))));
        rows.Add(Row("How good a fit", plan.Candidates.Select(PlainWords.Strength)));
        rows.Add(Row("Uses steroid medicine", plan.Candidates.Select(c => YesNo(Entry(c)?.Tags.Contains("steroid") == true))));
        rows.Add(Row("Uses X-ray pictures", plan.Candidates.Select(c => YesNo(Entry(c)?.Tags.Contains("image-guided") == true))));
        rows.Add(Row("Uses X-ray dye", plan.Candidates.Select(c => YesNo(Entry(c)?.Tags.Contains("contrast") == true))));
        rows.Add(Row("Leaves a device in your body", plan.Candidates.Select(c => YesNo(Entry(c)?.Tags.Contains("implant") == true))));
        rows.Add(Row("Risk of bleeding", plan.Candidates.Select(c => PlainWords.BleedingRisk(c.EffectiveBleedingRisk ?? c.BleedingRisk))));
        rows.Add(Row("Steps before it", plan.Candidates.Select(c => c.Prerequisites.Count == 0
            ? "None"
            : string.Join("; ", c.Prerequisites.Select(p => p.Code.StartsWith("hold.", StringComparison.Ordinal)
                ? "Stop " + PlainWords.Medicine(p.Code["hold.".Length..]) + " first"
                : p.Code == "check.inr" ? "Blood test on the day" : "One more step").Distinct(StringComparer.Ordinal)))));
        rows.Add(Row("Safety notes", plan.Candidates.Select(c =>
        {
            var n = SafetyNotes(plan, c).Count;
            return n == 0 ? "None" : n + (n == 1 ? " note" : " notes") + ", see below";
        })));
        return new HandoutSection("compare", [
            new HandoutHeading(2, "Your options side by side"),
            new HandoutParagraph(plan.Candidates.Count == 1
                ? "One option fits your pain best right now. Here is a quick look at it. More details follow."
                : "These options may help your pain. The first one fits best, but the choice is yours to make with your doctor. More details follow."),
            new HandoutTable("Your options side by side", headers, rows),
        ]);

        static IReadOnlyList<string> Row(string label, IEnumerable<string> cells) => [label, .. cells];
    }

    private static HandoutSection Option(int number, Candidate candidate, TreatmentPlan plan, RuleSet rules)
    {
        var e = candidate.Education;
        var blocks = new List<HandoutBlock>
        {
            new HandoutHeading(2, "Option " + number + ": " + candidate.Name),
            new HandoutHeading(3, "What it is"),
            new HandoutParagraph(e.What),
            new HandoutHeading(3, "Why it may fit you"),
        };

        var reasons = new List<string>();
        foreach (var because in candidate.Because)
        {
            foreach (var (fact, value) in because.Matched.OrderBy(m => FactOrder(m.Key)).ThenBy(m => m.Key, StringComparer.Ordinal))
                reasons.AddRange(PlainWords.Matched(fact, value, because.Matched, rules));
        }
        reasons = reasons.Distinct(StringComparer.Ordinal).ToList();
        if (reasons.Count == 0) reasons.Add("Your care team's review of your exam and history points to this option.");
        var items = reasons.Select(r => new HandoutItem(null, r)).ToList();
        items.AddRange(candidate.Fit.Distinct(StringComparer.Ordinal).Select(fit => new HandoutItem(null, fit)));
        blocks.Add(new HandoutList(items));
        blocks.Add(new HandoutParagraph(e.Why));

        blocks.Add(new HandoutHeading(3, "What to expect"));
        blocks.Add(new HandoutParagraph(e.Expect));

        blocks.Add(new HandoutHeading(3, "Risks"));
        blocks.Add(new HandoutParagraph(e.Risks));
        var notes = SafetyNotes(plan, candidate);
        if (notes.Count > 0)
        {
            blocks.Add(new HandoutParagraph("Safety notes just for you:"));
            blocks.Add(new HandoutList(notes.Select(n => new HandoutItem(null, n)).ToList()));
        }
        if (plan.Warnings.Any(w => Applies(w, candidate) && IsCoverage(w)))
            blocks.Add(new HandoutParagraph("Good to know: your health plan may need to approve this treatment first. Your care team can help you check."));

        blocks.Add(new HandoutHeading(3, "Recovery"));
        blocks.Add(new HandoutParagraph(e.Recovery));
        if (candidate.Restart is not null && candidate.Prerequisites.Any(p => p.Code.StartsWith("hold.", StringComparison.Ordinal)))
            blocks.Add(new HandoutParagraph(candidate.Restart));

        blocks.Add(new HandoutHeading(3, "What you can do yourself"));
        blocks.Add(new HandoutParagraph(e.SelfCare));

        if (candidate.Prerequisites.Count > 0)
        {
            blocks.Add(new HandoutHeading(3, "Before this can happen"));
            blocks.Add(new HandoutList(candidate.Prerequisites.Select(PlainWords.Prerequisite).Distinct(StringComparer.Ordinal).Select(p => new HandoutItem(null, p)).ToList()));
        }
        return new HandoutSection("option-" + number, blocks);
    }

    // The safety notes shown for a candidate: its warnings in plain words, less the blood-thinner stop (shown as a
    // step before the procedure) and health-plan notes (shown as "good to know").
    private static List<string> SafetyNotes(TreatmentPlan plan, Candidate candidate) => plan.Warnings
        .Where(w => Applies(w, candidate) && w.Code != "antithrombotic.hold" && !IsCoverage(w))
        .Select(PlainWords.Warning).Distinct(StringComparer.Ordinal).ToList();

    private static bool Applies(PlanWarning warning, Candidate candidate) =>
        warning.AppliesTo.Count == 0 || warning.AppliesTo.Contains(candidate.Intervention, StringComparer.Ordinal);

    private static bool IsCoverage(PlanWarning warning) => warning.Code.StartsWith("coverage.", StringComparison.Ordinal);

    // Where a matched fact's sentence goes in "Why it may fit you": where the pain is, its kind, then its history.
    private static int FactOrder(string fact) => fact switch
    {
        "finding.pain.region" => 0,
        "finding.pain.pattern" => 1,
        "finding.pain.laterality" => 2,
        "finding.pain.duration_weeks" => 3,
        "finding.pain.nrs" => 4,
        _ when fact.StartsWith("finding.diagnosis.", StringComparison.Ordinal) => 5,
        "finding.imaging.concordant" => 6,
        _ when fact.StartsWith("procedure.", StringComparison.Ordinal) => 7,
        "finding.conservative_care.weeks" => 8,
        _ => 9,
    };

    private static HandoutSection Companions(TreatmentPlan plan) => new("together", [
        new HandoutHeading(2, "Other parts of your plan"),
        new HandoutParagraph("A procedure works best together with these:"),
        new HandoutList(plan.Companions.Select(c => new HandoutItem(PlainWords.Companion(c) + ":", c.Message)).ToList()),
    ]);

    private static HandoutSection RuledOut(TreatmentPlan plan, Dictionary<string, Rule> rulesById, RuleSet rules)
    {
        var blocks = new List<HandoutBlock> { new HandoutHeading(2, "Options that are not right for you now") };
        if (plan.Excluded.Count == 0)
        {
            blocks.Add(new HandoutParagraph("No option was ruled out for you."));
            return new HandoutSection("ruled-out", blocks);
        }
        blocks.Add(new HandoutParagraph("Your care team also thought about these options. They are not right for you now. This is about keeping you safe and finding what can really help."));
        var items = plan.Excluded.Select(x =>
        {
            var why = x.Reasons.Select(r => PlainWords.Exclusion(r, rulesById.GetValueOrDefault(r.Rule), rules)).Distinct(StringComparer.Ordinal);
            return new HandoutItem(x.Name + ":", string.Join(" ", why));
        }).ToList();
        blocks.Add(new HandoutList(items));
        return new HandoutSection("ruled-out", blocks);
    }

    private static HandoutSection? First(TreatmentPlan plan, RuleSet rules)
    {
        var candidates = plan.Candidates.Select(c => c.Intervention).ToHashSet(StringComparer.Ordinal);
        var steps = plan.Candidates.SelectMany(c => c.Prerequisites).Select(PlainWords.Prerequisite).Distinct(StringComparer.Ordinal).ToList();
        var critical = plan.Warnings
            .Where(w => w.Severity == "critical" && w.Code != "antithrombotic.hold" && (w.AppliesTo.Count == 0 || w.AppliesTo.Any(candidates.Contains)))
            .Select(PlainWords.Warning).Distinct(StringComparer.Ordinal);
        steps.AddRange(critical.Where(c => !steps.Contains(c, StringComparer.Ordinal)));
        var missing = plan.MissingInformation
            .Where(m => m.NeededFor.Count == 0 || m.NeededFor.Any(candidates.Contains))
            .Select(m => PlainWords.Missing(m.Fact, rules)).Distinct(StringComparer.Ordinal).ToList();
        if (steps.Count == 0 && missing.Count == 0) return null;

        var blocks = new List<HandoutBlock> { new HandoutHeading(2, "What must happen first") };
        if (steps.Count > 0)
        {
            blocks.Add(new HandoutParagraph("Before any procedure, these things need to happen:"));
            blocks.Add(new HandoutList(steps.Select(s => new HandoutItem(null, s)).ToList()));
        }
        if (missing.Count > 0)
        {
            blocks.Add(new HandoutParagraph("Your care team still needs to know a few things. They will ask you about:"));
            blocks.Add(new HandoutList(missing.Select(s => new HandoutItem(null, s)).ToList()));
        }
        return new HandoutSection("first", blocks);
    }

    private static HandoutSection? FollowUps(TreatmentPlan plan, RuleSet rules)
    {
        if (plan.FollowUp.Count == 0) return null;
        double P(string name, double fallback) => rules.Parameters.TryGetValue(name, out var p) ? p.Value : fallback;
        var min = P("followup.after_weeks_min", 2);
        var max = P("followup.after_weeks_max", 4);
        var items = new List<HandoutItem>();
        var byMeasure = plan.FollowUp.GroupBy(f => f.Measure, StringComparer.Ordinal).OrderBy(g => g.Key == "finding.pain.nrs" ? 0 : 1);
        foreach (var group in byMeasure)
        {
            var later = group.Select(f => f.AfterWeeks).Where(w => w > max).Distinct().OrderBy(w => w).ToList();
            var sameDay = group.Any(f => f.AfterWeeks == 0);
            var when = "About " + PlainWords.Number(min) + " to " + PlainWords.Number(max) + " weeks after the procedure"
                       + (later.Count > 0 ? ", and again at " + string.Join(" and ", later.Select(w => PlainWords.Number(w) + " weeks")) : "") + ".";
            switch (group.Key)
            {
                case "finding.pain.nrs":
                    items.Add(new HandoutItem("How bad is your pain, from 0 to 10?",
                        "0 means no pain and 10 means the worst pain you can imagine. " + when
                        + (sameDay ? " On the day of a test block, also write down your score before the block and every hour or so after it." : "")
                        + " We compare your answer with your score today. A drop of " + PlainWords.Number(P("outcome.meaningful_change_nrs", 2))
                        + " points or more is a real change. A treatment is repeated only if it eased your pain by at least half ("
                        + PlainWords.Number(P("outcome.repeat_relief_percent", 50)) + "%) for long enough."));
                    break;
                case "finding.function.odi":
                    items.Add(new HandoutItem("How much does your back pain get in the way of daily life?",
                        "You will fill in a short form called the Oswestry Disability Index. " + when
                        + " It asks about things like dressing, walking, sitting and sleeping. It matters because the real goal is to help you do more, not only to hurt less."));
                    break;
                case "finding.function.ndi":
                    items.Add(new HandoutItem("How much does your neck pain get in the way of daily life?",
                        "You will fill in a short form called the Neck Disability Index. " + when
                        + " It asks about things like reading, driving, work and sleep. It matters because the real goal is to help you do more, not only to hurt less."));
                    break;
                default:
                    items.Add(new HandoutItem("A short check-in", "Your care team will ask how you are doing. " + when));
                    break;
            }
        }
        return new HandoutSection("follow-up", [
            new HandoutHeading(2, "Questions we will ask you later"),
            new HandoutParagraph("After a procedure, your answers to these questions tell us if it worked and what to do next. Please answer them honestly, even if the treatment did not help."),
            new HandoutList(items),
        ]);
    }

    /// <summary>Every text in the blocks, for the glossary.</summary>
    internal static IEnumerable<string> Texts(IEnumerable<HandoutBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HandoutHeading h: yield return h.Text; break;
                case HandoutParagraph p: yield return p.Text; break;
                case HandoutList l:
                    foreach (var i in l.Items) { if (i.Lead is not null) yield return i.Lead; yield return i.Text; }
                    break;
                case HandoutTable t:
                    foreach (var h in t.Headers) yield return h;
                    foreach (var r in t.Rows) foreach (var c in r) yield return c;
                    break;
                case HandoutCallout c:
                    yield return c.Title;
                    foreach (var line in c.Lines) yield return line;
                    break;
                case HandoutSection s:
                    foreach (var text in Texts(s.Blocks)) yield return text;
                    break;
            }
        }
    }
}
