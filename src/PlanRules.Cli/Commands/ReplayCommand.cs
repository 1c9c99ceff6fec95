using System.CommandLine;
using System.Globalization;
using PlanRules.IO;
using PlanRules.Plans;
using PlanRules.Replay;
using PlanRules.Rules;

namespace PlanRules.Cli.Commands;

/// <summary>
/// <c>planrules replay CASES [--rules DIR] [--format text|junit|json|markdown] [-o FILE] [--parallel N]</c>: checks every
/// case's <c>expect</c> block; ends with the line <c>N passed, N failed</c>.
/// </summary>
internal static class ReplayCommand
{
    private static readonly string[] Formats = ["text", "junit", "json", "markdown"];

    public static Command Create(CliContext ctx)
    {
        var cases = CommandSupport.CasesArgument("Case files or folders of *.json cases (searched recursively), replayed in file-name order; '-' reads one case from standard input.");
        var rules = CommandSupport.RulesOption();
        var format = new Option<string?>("--format")
        {
            Description = "text (the console lines, default), junit (JUnit XML for CI), json or markdown. With a report format and no -o, the "
                          + "report goes to standard output and the console lines to standard error. With -o and no --format, the format "
                          + "follows the extension (.xml junit, .json json, .md markdown, .txt text).",
            HelpName = "text|junit|json|markdown",
        };
        format.AcceptOnlyFromAmong(Formats);
        var report = new Option<string?>("--report") { Description = "Deprecated: use --format.", HelpName = "FORMAT", Hidden = true };
        report.AcceptOnlyFromAmong("junit", "json", "markdown");
        var parallel = CommandSupport.ParallelOption();
        var command = new Command("replay",
            "Replay cases against a rule set and check each case's expect block. Prints each failure with the expectation, the actual "
            + "plan items and the rules involved, and each case that cannot be read with its diagnostics (an identifier is never "
            + "printed); the last line is 'N passed, N failed' (cases that cannot be read count as failed). Streams: any number of "
            + "cases replays in bounded memory on every core.")
        {
            cases, rules, format, report, parallel,
        };
        var output = OutputOption.Create("the report");
        output.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(format) is not null && result.GetResult(report) is not null) result.AddError("give --format only (--report is its deprecated name)");
            var file = result.GetValue(output.Output) ?? result.GetValue(output.Legacy);
            if (result.GetValue(format) is null && result.GetValue(report) is null && file is not null and not "-" && FormatOf(file) is null)
                result.AddError($"cannot tell the report format from '{file}': add --format text|junit|json|markdown");
        });
        command.SetAction((parsed, token) =>
        {
            var chosen = parsed.GetValue(format);
            if (chosen is null && parsed.GetValue(report) is { } legacy)
            {
                ctx.Error("warning: --report is deprecated; use --format");
                chosen = legacy;
            }
            var file = output.Resolve(parsed, ctx);
            chosen ??= file is null ? "text" : FormatOf(file);
            return RunAsync(ctx, parsed.GetRequiredValue(cases), parsed.GetValue(rules), chosen!, file, parsed.GetValue(parallel), token);
        });
        return command;
    }

    private static string? FormatOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".xml" => "junit",
        ".json" => "json",
        ".md" or ".markdown" => "markdown",
        ".txt" or ".log" => "text",
        _ => null,
    };

    private static ReplayReportFormat Parse(string format) => format switch
    {
        "junit" => ReplayReportFormat.JUnit,
        "json" => ReplayReportFormat.Json,
        _ => ReplayReportFormat.Markdown,
    };

    private static async Task<int> RunAsync(CliContext ctx, string[] paths, string? rulesDirectory, string format, string? outFile, int parallel, CancellationToken cancellationToken)
    {
        var corpus = await CommandSupport.DiscoverAsync(ctx, paths, cancellationToken).ConfigureAwait(false);
        if (corpus is null) return ExitCodes.Usage;
        var rules = CommandSupport.LoadRules(ctx, rulesDirectory, cancellationToken);
        if (rules is null) return ExitCodes.Usage;

        // The output goes to a temporary file beside -o, renamed over it only when complete: a failed or cancelled
        // run leaves the previous file as it was.
        var target = OutputTarget.Open(ctx, outFile);
        if (target is null) return ExitCodes.Usage;
        await using (target.ConfigureAwait(false))
        {
            // text: the console lines are the output. A report format: the report is the output, and the console lines go to
            // standard output beside a file, or to standard error when the report takes standard output.
            var console = format == "text" ? target.Context : target.IsFile ? ctx : ctx.WithOutput(ctx.Err);
            using var report = format == "text" ? null : ReplayReportWriter.Create(Parse(format), target.Writer);
            try
            {
                var identity = rules.Identity;
                console.Line(string.Create(CultureInfo.InvariantCulture,
                    $"Replaying {corpus.Count} case(s) against {identity.Name} {identity.Version} (sha256 {identity.Sha256[..12]}…) with {parallel} worker(s)."), "grey");
                var runner = new ReplayRunner(rules);
                var summary = await console.WithProgressAsync("replay", corpus.Count, step => runner.RunAsync(corpus, result =>
                {
                    report?.Add(result);
                    Print(console, rules, result);
                    step();
                }, parallel, cancellationToken)).ConfigureAwait(false);

                report?.Complete(summary);
                // A report file is renamed into place before it is announced.
                var reportFile = target.IsFile && format != "text";
                if (reportFile && !await target.TryCommitAsync(cancellationToken).ConfigureAwait(false)) return ExitCodes.Usage;
                console.Line();
                var inv = CultureInfo.InvariantCulture;
                var totals = string.Create(inv, $"{summary.Total} case(s) in {summary.Elapsed.TotalSeconds:0.###} s ({summary.CasesPerSecond:0} cases/s, {summary.Workers} worker(s)): ")
                    + string.Create(inv, $"{summary.Passed} passed, {summary.Failed} missed an expectation, {summary.Errors} could not be read or planned")
                    + (summary.WithoutExpectations > 0 ? string.Create(inv, $"; {summary.WithoutExpectations} passing case(s) have no expect block.") : ".");
                console.Line(totals);
                if (reportFile) console.Line($"Report written to {outFile}.");
                console.Line(summary.ToString(), summary.AllPassed ? "green" : "red");
                if (!ReferenceEquals(console.Out, target.Writer)) await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (!reportFile && !await target.TryCommitAsync(cancellationToken).ConfigureAwait(false)) return ExitCodes.Usage;
                return summary.Errors > 0 ? ExitCodes.CaseErrors : summary.Failed > 0 ? ExitCodes.Failed : ExitCodes.Success;
            }
            catch (Exception ex) when (target.IsFile && ex is IOException or UnauthorizedAccessException)
            {
                // The report could not be written (e.g. a full disk): its temporary file goes, the previous report stays.
                ctx.Error($"error: cannot write the report '{outFile}': {ex.Message}; the previous file, if any, is unchanged");
                return ExitCodes.Usage;
            }
        }
    }

    /// <summary>
    /// The rules behind a failed expectation; when none produced the item, the rules that would have (candidate rules for
    /// an intervention that is missing), so that the reader knows where to look.
    /// </summary>
    private static string RulesInvolved(RuleSet rules, ExpectationFailure failure)
    {
        if (failure.Rules.Count > 0) return string.Join(", ", failure.Rules);
        var parts = failure.Expectation.Split(' ', 2);
        if (parts is ["include", var code] && failure.Section is "candidates" or "excluded")
        {
            var proposers = rules.Rules.Where(r => r.Kind == RuleKind.Candidate && r.Intervention == code).Select(r => r.Id).ToArray();
            return proposers.Length == 0
                ? $"none fired; no rule proposes {code}"
                : $"none fired; {code} is proposed by {string.Join(", ", proposers)} (did not hold)";
        }
        return "none fired";
    }

    private static void Print(CliContext ctx, RuleSet rules, ReplayCaseResult result)
    {
        switch (result.Outcome)
        {
            case ReplayOutcome.Failed:
                ctx.Line("FAIL " + result.Name + (result.Case.CaseId is { } id ? $" (caseId {id})" : ""), "red");
                foreach (var failure in result.Failures)
                {
                    ctx.Line($"  {failure.Section}: expected {failure.Expectation}");
                    ctx.Line($"    actual: {failure.Actual}");
                    ctx.Line("    rules: " + RulesInvolved(rules, failure));
                }
                break;
            case ReplayOutcome.Error:
                ctx.Line("ERROR " + result.Name + ": " + result.Case.ErrorSummary, "yellow");
                foreach (var line in result.Case.DescribeProblems()) ctx.Line("  " + line);
                break;
        }
    }
}
