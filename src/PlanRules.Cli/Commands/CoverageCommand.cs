using System.CommandLine;
using System.Globalization;
using PlanRules.Replay;
using Spectre.Console;

namespace PlanRules.Cli.Commands;

/// <summary><c>planrules coverage CASES [--rules DIR] [--format table|markdown|json] [-o FILE]</c>: per rule, how many cases fired it; facts no rule reads.</summary>
internal static class CoverageCommand
{
    public static Command Create(CliContext ctx)
    {
        var cases = CommandSupport.CasesArgument("Case files or folders of *.json cases.");
        var rules = CommandSupport.RulesOption();
        var format = new Option<string>("--format")
        {
            Description = "table (default), markdown or json.",
            HelpName = "table|markdown|json",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "markdown", "json");
        var parallel = CommandSupport.ParallelOption();
        var command = new Command("coverage",
            "Plan every case and list, per rule, how many cases fired it (never-fired rules first), and the vocabulary facts that no "
            + "rule reads.")
        {
            cases, rules, format, parallel,
        };
        var output = OutputOption.Create("the coverage report");
        output.AddTo(command);
        command.SetAction((parsed, token) => RunAsync(ctx, parsed.GetRequiredValue(cases), parsed.GetValue(rules), parsed.GetRequiredValue(format),
            parsed.GetValue(parallel), output.Resolve(parsed, ctx), token));
        return command;
    }

    private static async Task<int> RunAsync(CliContext ctx, string[] paths, string? rulesDirectory, string format, int parallel, string? outFile,
        CancellationToken cancellationToken)
    {
        var corpus = await CommandSupport.DiscoverAsync(ctx, paths, cancellationToken).ConfigureAwait(false);
        if (corpus is null) return ExitCodes.Usage;
        var rules = CommandSupport.LoadRules(ctx, rulesDirectory, cancellationToken);
        if (rules is null) return ExitCodes.Usage;

        var report = await ctx.WithProgressAsync("coverage", corpus.Count, step => RuleCoverage.RunAsync(rules, corpus, planned =>
        {
            if (!planned.Succeeded) CommandSupport.ReportProblems(ctx, planned);
            step();
        }, parallel, cancellationToken)).ConfigureAwait(false);

        var target = OutputTarget.Open(ctx, outFile);
        if (target is null) return ExitCodes.Usage;
        await using (target.ConfigureAwait(false))
        {
            switch (format)
            {
                case "json": target.Writer.Write(report.ToJson()); break;
                case "markdown": target.Writer.Write(report.ToMarkdown()); break;
                default: PrintTable(target.Context, report); break;
            }
            if (!await target.TryCommitAsync(cancellationToken).ConfigureAwait(false)) return ExitCodes.Usage;
        }
        if (outFile is not null) ctx.Error($"coverage written to {outFile}");
        return report.CaseErrors > 0 ? ExitCodes.CaseErrors : ExitCodes.Success;
    }

    private static void PrintTable(CliContext ctx, RuleCoverageReport report)
    {
        var table = new Table().Border(ctx.Interactive ? TableBorder.Rounded : TableBorder.Markdown)
            .AddColumn("rule").AddColumn("kind").AddColumn("source")
            .AddColumn(new TableColumn("cases fired").RightAligned()).AddColumn(new TableColumn("unknown").RightAligned());
        foreach (var r in report.Rules)
        {
            var id = Markup.Escape(r.Rule);
            table.AddRow(r.NeverFired ? $"[red]{id}[/] (never fired)" : id, Markup.Escape(r.Kind), Markup.Escape(r.Source),
                r.CasesFired.ToString(CultureInfo.InvariantCulture), r.CasesUnknown.ToString(CultureInfo.InvariantCulture));
        }
        ctx.Write(table);
        ctx.Line();
        ctx.Line(string.Create(CultureInfo.InvariantCulture, $"Facts no rule reads ({report.UnreadFacts.Count}):"));
        foreach (var fact in report.UnreadFacts) ctx.Line("  " + fact);
        ctx.Line();
        ctx.Line(string.Create(CultureInfo.InvariantCulture,
            $"{report.CasesPlanned} case(s) planned, {report.CaseErrors} could not be read or planned; {report.NeverFired.Count()} of {report.Rules.Count} rule(s) never fired."));
    }
}
