using System.CommandLine;
using System.Globalization;
using PlanRules.IO;
using PlanRules.Replay;
using Spectre.Console;

namespace PlanRules.Cli.Commands;

/// <summary>
/// <c>planrules diff --before DIR --after DIR CASES [--format markdown|json] [-o FILE]</c>: which cases' plans change
/// between two rule sets, how, and which rules are responsible.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliContext ctx)
    {
        var cases = CommandSupport.CasesArgument("Case files or folders of *.json cases, compared in file-name order.");
        var before = CommandSupport.RulesOption("--before", "The rule-set folder before the change.");
        before.Required = true;
        var after = CommandSupport.RulesOption("--after", "The rule-set folder after the change.");
        after.Required = true;
        var format = new Option<string>("--format")
        {
            Description = "The report format: markdown (for a review) or json.",
            HelpName = "markdown|json",
            DefaultValueFactory = _ => "markdown",
        };
        format.AcceptOnlyFromAmong("markdown", "json");
        var failOnChange = new Option<bool>("--fail-on-change") { Description = "Exit with 1 when any plan changed." };
        var parallel = CommandSupport.ParallelOption();
        var command = new Command("diff",
            "Plan every case with two rule sets and report, for each case whose plan changes, what was added, removed or changed "
            + "(candidates, strength, rank, exclusions, warnings, missing information, referrals) and the rules responsible, with a "
            + "count per kind of change.")
        {
            cases, before, after, format, failOnChange, parallel,
        };
        var output = OutputOption.Create("the report (and a summary to standard output)");
        output.AddTo(command);
        command.SetAction((parsed, token) => RunAsync(ctx, parsed.GetRequiredValue(cases), parsed.GetRequiredValue(before)!, parsed.GetRequiredValue(after)!,
            parsed.GetRequiredValue(format) == "json" ? DiffReportFormat.Json : DiffReportFormat.Markdown, output.Resolve(parsed, ctx),
            parsed.GetValue(failOnChange), parsed.GetValue(parallel), token));
        return command;
    }

    private static async Task<int> RunAsync(CliContext ctx, string[] paths, string beforeDirectory, string afterDirectory, DiffReportFormat format,
        string? outFile, bool failOnChange, int parallel, CancellationToken cancellationToken)
    {
        var corpus = await CommandSupport.DiscoverAsync(ctx, paths, cancellationToken).ConfigureAwait(false);
        if (corpus is null) return ExitCodes.Usage;
        var before = CommandSupport.LoadRules(ctx, beforeDirectory, cancellationToken);
        var after = CommandSupport.LoadRules(ctx, afterDirectory, cancellationToken);
        if (before is null || after is null) return ExitCodes.Usage;

        // Written beside -o FILE and renamed over it only when complete: a failed or cancelled run loses nothing.
        AtomicFile? file = null;
        if (outFile is not null)
        {
            try
            {
                file = AtomicFile.Create(outFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                ctx.Error($"error: cannot write the report '{outFile}': {ex.Message}");
                return ExitCodes.Usage;
            }
        }
        try
        {
            using var report = DiffReportWriter.Create(format, (TextWriter?)file?.Writer ?? ctx.Out);
            var runner = new PlanDiffRunner(before, after);
            var summary = await ctx.WithProgressAsync("diff", corpus.Count, step => runner.RunAsync(corpus, result =>
            {
                report.Add(result);
                if (result.Failed is { } failed) CommandSupport.ReportProblems(ctx, failed);
                step();
            }, parallel, cancellationToken)).ConfigureAwait(false);
            report.Complete(summary);
            if (file is not null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                file.Commit();
                PrintSummary(ctx, summary);
                ctx.Line($"Report written to {outFile}.");
            }
            await ctx.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return summary.Errors > 0 ? ExitCodes.CaseErrors : failOnChange && summary.Changed > 0 ? ExitCodes.Failed : ExitCodes.Success;
        }
        catch (Exception ex) when (file is not null && ex is IOException or UnauthorizedAccessException)
        {
            // The report could not be written (e.g. a full disk): its temporary file goes, the previous report stays.
            ctx.Error($"error: cannot write the report '{outFile}': {ex.Message}; the previous file, if any, is unchanged");
            return ExitCodes.Usage;
        }
        finally
        {
            if (file is not null) await file.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void PrintSummary(CliContext ctx, DiffSummary summary)
    {
        if (summary.ChangesByKind.Count > 0)
        {
            var table = new Table().Border(ctx.Interactive ? TableBorder.Rounded : TableBorder.Markdown)
                .AddColumn("change").AddColumn(new TableColumn("changes").RightAligned()).AddColumn(new TableColumn("cases").RightAligned());
            foreach (var (kind, count) in summary.ChangesByKind)
                table.AddRow(Markup.Escape(PlanChange.Describe(kind)), count.ToString(CultureInfo.InvariantCulture),
                    summary.CasesByKind.GetValueOrDefault(kind).ToString(CultureInfo.InvariantCulture));
            ctx.Write(table);
        }
        ctx.Line(summary.ToString(), summary.Changed > 0 ? "yellow" : "green");
    }
}
