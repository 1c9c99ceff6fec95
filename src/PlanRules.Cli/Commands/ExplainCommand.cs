using System.CommandLine;
using System.Globalization;
using Newtonsoft.Json;
using PlanRules.Plans;
using PlanRules.Replay;
using PlanRules.Rules;
using PlanRules.Cases;

namespace PlanRules.Cli.Commands;

/// <summary>
/// <c>planrules explain CASE --intervention CODE [--only held,failed,unknown | --all] [--format text|json] [-o FILE]</c>:
/// why an intervention is a candidate, excluded or absent, with each related rule's condition tree marked held, failed or
/// unknown. By default only the rules that matter for this case are shown: those that held, those undecided for a
/// missing fact, and (when the intervention is absent) the rules that would have proposed it; the failed rules that do
/// not apply (e.g. a contraindication for a drug the patient does not take) are counted, not listed.
/// </summary>
internal static class ExplainCommand
{
    /// <summary>The outcomes <c>--only</c> accepts; <c>fired</c> is the plan trace's word for <c>held</c>.</summary>
    private static readonly string[] Outcomes = ["held", "fired", "failed", "unknown"];

    public static Command Create(CliContext ctx)
    {
        var caseFile = new Argument<string>("CASE") { Description = "A case file (planrules.case/1); '-' reads it from standard input." };
        var intervention = new Option<string>("--intervention")
        {
            Description = "The intervention to explain, a catalog code such as esi.lumbar.transforaminal.",
            HelpName = "CODE",
            Required = true,
        };
        var rules = CommandSupport.RulesOption();
        var only = new Option<string[]>("--only")
        {
            Description = "Show only the rules with these outcomes, comma-separated: held (also: fired), failed, unknown. "
                          + "Default: the rules that held, the rules undecided for a missing fact, and, when the intervention is absent, "
                          + "the rules that would have proposed it.",
            HelpName = "OUTCOMES",
            AllowMultipleArgumentsPerToken = false,
        };
        only.Validators.Add(result =>
        {
            foreach (var value in result.Tokens.SelectMany(t => Split(t.Value)))
                if (!Outcomes.Contains(value, StringComparer.Ordinal))
                    result.AddError($"--only: '{value}' is not an outcome; use held, fired, failed or unknown (comma-separated)");
        });
        var all = new Option<bool>("--all") { Description = "Show every related rule, including the failed ones that do not apply to the case." };
        var format = new Option<string>("--format")
        {
            Description = "text (a condition tree per rule) or json (planrules.explanation/1).",
            HelpName = "text|json",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("explain",
            "Explain why an intervention is a candidate, excluded, or absent for a case: its status, a summary, and the related rules "
            + "that matter for this case, each with its condition tree, every condition marked held, failed or unknown (a fact it needs "
            + "is missing). Failed rules that do not apply to the case are counted at the end; --all or --only failed lists them.")
        {
            caseFile, intervention, rules, only, all, format,
        };
        var output = OutputOption.Create("the explanation");
        output.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(only) is not null && result.GetValue(all)) result.AddError("give --only or --all, not both");
        });
        command.SetAction((parsed, token) =>
        {
            var filter = parsed.GetValue(all) ? RuleFilter.All
                : parsed.GetValue(only) is { Length: > 0 } outcomes ? RuleFilter.Only(outcomes.SelectMany(Split))
                : RuleFilter.Default;
            return RunAsync(ctx, parsed.GetRequiredValue(caseFile), parsed.GetRequiredValue(intervention), parsed.GetValue(rules), filter,
                parsed.GetRequiredValue(format), output.Resolve(parsed, ctx), token);
        });
        return command;
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant());

    private static async Task<int> RunAsync(CliContext ctx, string path, string intervention, string? rulesDirectory, RuleFilter filter, string format,
        string? outFile, CancellationToken cancellationToken)
    {
        CaseSource source;
        if (path == "-")
        {
            var stdin = await CommandSupport.ReadStdinCaseAsync(ctx, cancellationToken).ConfigureAwait(false);
            if (stdin is null) return ExitCodes.Usage;
            source = stdin;
        }
        else if (!File.Exists(path))
        {
            ctx.Error($"error: no case file at '{path}'");
            return ExitCodes.Usage;
        }
        else source = CaseSource.FromFile(path);
        var rules = CommandSupport.LoadRules(ctx, rulesDirectory, cancellationToken);
        if (rules is null) return ExitCodes.Usage;
        // Read (and validate) the case the way every command does; a refused case is reported, never echoed.
        var planned = new CasePlanner(rules).Plan(source, 0, cancellationToken);
        if (planned.Case is null || planned.Plan is null)
        {
            CommandSupport.ReportProblems(ctx, planned);
            return ExitCodes.CaseErrors;
        }

        InterventionExplanation explanation;
        try
        {
            explanation = new PlanExplainer(rules).Explain(planned.Case, intervention);
        }
        catch (ArgumentException ex) when (ex is not InvalidCaseException && !rules.Catalog.TryGet(intervention, out _))
        {
            ctx.Error("error: " + ex.Message.Split(" (Parameter", 2)[0]);
            return ExitCodes.Usage;
        }

        var shown = explanation.Rules.Where(r => filter.Shows(r, explanation)).ToArray();
        var hidden = explanation.Rules.Where(r => !filter.Shows(r, explanation)).ToArray();
        var target = OutputTarget.Open(ctx, outFile);
        if (target is null) return ExitCodes.Usage;
        await using (target.ConfigureAwait(false))
        {
            if (format == "json") target.Writer.Write(ToJson(planned, explanation, shown, hidden));
            else WriteText(target.Context, rules, planned, explanation, shown, hidden, filter);
            return await target.TryCommitAsync(cancellationToken).ConfigureAwait(false) ? ExitCodes.Success : ExitCodes.Usage;
        }
    }

    private static void WriteText(CliContext ctx, RuleSet rules, PlannedCase planned, InterventionExplanation explanation,
        RuleExplanation[] shown, RuleExplanation[] hidden, RuleFilter filter)
    {
        ctx.Line($"Case {planned.CaseId ?? "(no caseId)"} ({planned.Name})");
        ctx.Line($"{explanation.Name} [{explanation.Intervention}]: {explanation.Status}", explanation.Status switch
        {
            "candidate" => "green",
            "excluded" => "red",
            _ => "yellow",
        });
        ctx.Line(explanation.Summary);
        ctx.Line();
        if (explanation.Rules.Count == 0) ctx.Line("No rule is related to this intervention.");
        else if (shown.Length == 0) ctx.Line(filter.IsDefault ? "No related rule held or is undecided." : "No related rule has the outcomes asked for.");
        else ctx.Line(filter.IsDefault ? "Rules that matter for this case:" : "Related rules:");
        var byId = rules.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var rule in shown)
        {
            ctx.Line($"  {Mark(rule.Outcome)} {rule.Rule} ({rule.Kind}, {rule.Source}): {rule.Title}", Style(rule.Outcome));
            Tree(ctx, rule.Condition, byId.GetValueOrDefault(rule.Rule)?.When, "    ");
        }
        if (hidden.Length == 0) return;
        ctx.Line();
        var byOutcome = string.Join(", ", hidden.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")));
        var byKind = string.Join(", ", hidden.GroupBy(r => r.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")));
        ctx.Line(string.Create(CultureInfo.InvariantCulture,
            $"Not shown: {hidden.Length} related rule(s) ({byOutcome}; {byKind})")
            + (filter.IsDefault ? " whose conditions do not apply to this case; --all or --only failed lists them." : "; --all lists them."), "grey");
    }

    private static string ToJson(PlannedCase planned, InterventionExplanation explanation, RuleExplanation[] shown, RuleExplanation[] hidden)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented })
        {
            json.WriteStartObject();
            json.WritePropertyName("schema");
            json.WriteValue("planrules.explanation/1");
            json.WritePropertyName("caseId");
            json.WriteValue(planned.CaseId);
            json.WritePropertyName("case");
            json.WriteValue(planned.Name);
            json.WritePropertyName("intervention");
            json.WriteValue(explanation.Intervention);
            json.WritePropertyName("name");
            json.WriteValue(explanation.Name);
            json.WritePropertyName("status");
            json.WriteValue(explanation.Status);
            json.WritePropertyName("summary");
            json.WriteValue(explanation.Summary);
            json.WritePropertyName("rules");
            json.WriteStartArray();
            foreach (var rule in shown)
            {
                json.WriteStartObject();
                json.WritePropertyName("rule");
                json.WriteValue(rule.Rule);
                json.WritePropertyName("title");
                json.WriteValue(rule.Title);
                json.WritePropertyName("kind");
                json.WriteValue(rule.Kind);
                json.WritePropertyName("source");
                json.WriteValue(rule.Source);
                json.WritePropertyName("outcome");
                json.WriteValue(rule.Outcome);
                json.WritePropertyName("condition");
                WriteCondition(json, rule.Condition);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WritePropertyName("notShown");
            json.WriteStartObject();
            foreach (var outcome in new[] { "held", "failed", "unknown" })
            {
                json.WritePropertyName(outcome);
                json.WriteValue(hidden.Count(r => r.Outcome == outcome));
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return text + "\n";
    }

    private static void WriteCondition(JsonTextWriter json, ConditionExplanation node)
    {
        json.WriteStartObject();
        json.WritePropertyName("text");
        json.WriteValue(node.Text);
        json.WritePropertyName("truth");
        json.WriteValue(node.Truth);
        if (node.Source.Length > 0)
        {
            json.WritePropertyName("source");
            json.WriteValue(node.Source);
        }
        if (node.Parts.Count > 0)
        {
            json.WritePropertyName("parts");
            json.WriteStartArray();
            foreach (var part in node.Parts) WriteCondition(json, part);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void Tree(CliContext ctx, ConditionExplanation node, Condition? condition, string indent)
    {
        var label = condition switch
        {
            AllCondition => "all of:",
            AnyCondition => "any of:",
            NotCondition => "not:",
            FactCondition f => WithFact(node.Text, f.Fact),
            QuantifierCondition q => WithFact(node.Text, q.List),
            _ => node.Text,
        };
        ctx.Line($"{indent}{Mark(node.Truth)} {label}" + (node.Parts.Count == 0 && node.Source.Length > 0 ? $"  ({node.Source})" : ""), Style(node.Truth));
        var parts = condition switch
        {
            AllCondition all => all.Parts,
            AnyCondition any => any.Parts,
            NotCondition not => [not.Part],
            _ => [],
        };
        for (var i = 0; i < node.Parts.Count; i++)
            Tree(ctx, node.Parts[i], i < parts.Count ? parts[i] : null, indent + "  ");
    }

    /// <summary>The sentence, with the fact it reads when the sentence does not name it.</summary>
    private static string WithFact(string text, string fact) =>
        text.Contains(fact, StringComparison.Ordinal) ? text : $"{text} [{fact}]";

    private static string Mark(string truth) => "[" + truth + "]";

    private static string? Style(string truth) => truth switch
    {
        "held" => "green",
        "failed" => "red",
        "unknown" => "yellow",
        _ => null,
    };

    /// <summary>Which related rules are listed.</summary>
    private sealed class RuleFilter
    {
        private readonly HashSet<string>? _outcomes;

        private RuleFilter(HashSet<string>? outcomes, bool isDefault)
        {
            _outcomes = outcomes;
            IsDefault = isDefault;
        }

        /// <summary>Every related rule.</summary>
        public static RuleFilter All { get; } = new(null, false);

        /// <summary>Held and unknown rules, and the failed rules that would have proposed an absent intervention.</summary>
        public static RuleFilter Default { get; } = new(null, true);

        public bool IsDefault { get; }

        public static RuleFilter Only(IEnumerable<string> outcomes) =>
            new(outcomes.Select(o => o == "fired" ? "held" : o).ToHashSet(StringComparer.Ordinal), false);

        public bool Shows(RuleExplanation rule, InterventionExplanation explanation)
        {
            if (_outcomes is not null) return _outcomes.Contains(rule.Outcome);
            if (!IsDefault) return true;
            return rule.Outcome != "failed" || (explanation.Status == "absent" && rule.Kind == "candidate");
        }
    }
}
