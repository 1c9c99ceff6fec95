using System.CommandLine;
using PlanRules.Plans;
using PlanRules.Replay;
using PlanRules.Rules;
using PlanRules.Cases;

namespace PlanRules.Cli.Commands;

/// <summary>
/// <c>planrules explain CASE --intervention CODE [--rules DIR]</c>: why an intervention is a candidate, excluded or
/// absent, with each related rule's condition tree marked held, failed or unknown.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext ctx)
    {
        var caseFile = new Argument<string>("CASE") { Description = "A case file (planrules.case/1)." };
        var intervention = new Option<string>("--intervention")
        {
            Description = "The intervention to explain, a catalog code such as esi.lumbar.transforaminal.",
            HelpName = "CODE",
            Required = true,
        };
        var rules = CommandSupport.RulesOption();
        var command = new Command("explain",
            "Explain why an intervention is a candidate, excluded, or absent for a case: its status, a summary, and each related rule "
            + "with its condition tree, every condition marked held, failed or unknown (a fact it needs is missing).")
        {
            caseFile, intervention, rules,
        };
        command.SetAction((parsed, token) => Task.FromResult(Run(ctx, parsed.GetRequiredValue(caseFile), parsed.GetRequiredValue(intervention),
            parsed.GetValue(rules), token)));
        return command;
    }

    private static int Run(CliContext ctx, string path, string intervention, string? rulesDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            ctx.Error($"error: no case file at '{path}'");
            return ExitCodes.Usage;
        }
        var rules = CommandSupport.LoadRules(ctx, rulesDirectory, cancellationToken);
        if (rules is null) return ExitCodes.Usage;
        // Read (and validate) the case the way every command does; a refused case is reported, never echoed.
        var planned = new CasePlanner(rules).Plan(CaseSource.FromFile(path), 0, cancellationToken);
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
        ctx.Line($"Case {planned.CaseId ?? "(no caseId)"} ({planned.Name})");
        ctx.Line($"{explanation.Name} [{explanation.Intervention}]: {explanation.Status}", explanation.Status switch
        {
            "candidate" => "green",
            "excluded" => "red",
            _ => "yellow",
        });
        ctx.Line(explanation.Summary);
        ctx.Line();
        ctx.Line(explanation.Rules.Count == 0 ? "No rule is related to this intervention." : "Related rules:");
        var byId = rules.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var rule in explanation.Rules)
        {
            ctx.Line($"  {Mark(rule.Outcome)} {rule.Rule} ({rule.Kind}, {rule.Source}): {rule.Title}", Style(rule.Outcome));
            Tree(ctx, rule.Condition, byId.GetValueOrDefault(rule.Rule)?.When, "    ");
        }
        return ExitCodes.Success;
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
}
