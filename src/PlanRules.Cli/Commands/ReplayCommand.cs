using System.CommandLine;
using System.Globalization;
using PlanRules.IO;
using PlanRules.Plans;
using PlanRules.Replay;
using PlanRules.Rules;

namespace PlanRules.Cli.Commands;

/// <summary>
/// <c>planrules replay CASES [--rules DIR] [--report junit|json|markdown --out FILE] [--parallel N]</c>: checks every
/// case's <c>expect</c> block; ends with the line <c>N passed, N failed</c>.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext ctx)
    {
        var cases = CommandSupport.CasesArgument("Case files or folders of *.json cases (searched recursively), replayed in file-name order.");
        var rules = CommandSupport.RulesOption();
        var report = new Option<string?>("--report")
        {
            Description = "Also write a report: junit (JUnit XML for CI), json or markdown. Needs --out.",
            HelpName = "junit|json|markdown",
        };
        report.AcceptOnlyFromAmong("junit", "json", "markdown");
        var output = new Option<string?>("--out")
        {
            Description = "The report file. Without --report the format follows the extension (.xml junit, .json json, .md markdown).",
            HelpName = "FILE",
        };
        var parallel = CommandSupport.ParallelOption();
        var command = new Command("replay",
            "Replay cases against a rule set and check each case's expect block. Prints each failure with the expectation, the actual "
            + "plan items and the rules involved, and each case that cannot be read with its diagnostics (an identifier is never "
            + "printed); the last line is 'N passed, N failed' (cases that cannot be read count as failed). Streams: any number of "
            + "cases replays in bounded memory on every core.")
        {
            cases, rules, report, output, parallel,
        };
        command.Validators.Add(result =>
        {
            var format = result.GetValue(report);
            var file = result.GetValue(output);
            if (format is not null && file is null) result.AddError("--report needs --out FILE");
            if (format is null && file is not null && FormatOf(file) is null)
                result.AddError($"cannot tell the report format from '{file}': add --report junit|json|markdown");
        });
        command.SetAction((parsed, token) => RunAsync(ctx, parsed.GetRequiredValue(cases), parsed.GetValue(rules),
            parsed.GetValue(report), parsed.GetValue(output), parsed.GetValue(parallel), token));
        return command;
    }

    private static ReplayReportFormat? FormatOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".xml" => ReplayReportFormat.JUnit,
        ".json" => ReplayReportFormat.Json,
        ".md" or ".markdown" => ReplayReportFormat.Markdown,
        _ => null,
    };

    private static ReplayReportFormat Parse(string format) => format switch
    {
        "junit" => ReplayReportFormat.JUnit,
        "json" => ReplayReportFormat.Json,
        _ => ReplayReportFormat.Markdown,
    };

    private static async Task<int> RunAsync(CliContext ctx, string[] paths, string? rulesDirectory, string? format, string? outFile, int parallel, CancellationToken cancellationToken)
    {
        var corpus = CommandSupport.Discover(ctx, paths);
        if (corpus is null) return ExitCodes.Usage;
        var rules = CommandSupport.LoadRules(ctx, rulesDirectory, cancellationToken);
        if (rules is null) return ExitCodes.Usage;

        // The report goes to a temporary file beside --out, renamed over it only when complete: a failed or cancelled
        // run leaves the previous report as it was.
        AtomicFile? file = null;
        ReplayReportWriter? report = null;
        if (outFile is not null)
        {
            try
            {
                file = AtomicFile.Create(outFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                ctx.Error($"error: cannot write the report '{outFile}': {ex.Message}");
                return ExitCodes.Usage;
            }
            report = ReplayReportWriter.Create(format is null ? FormatOf(outFile)!.Value : Parse(format), file.Writer);
        }

        try
        {
            var identity = rules.Identity;
            ctx.Line(string.Create(CultureInfo.InvariantCulture,
                $"Replaying {corpus.Count} case(s) against {identity.Name} {identity.Version} (sha256 {identity.Sha256[..12]}…) with {parallel} worker(s)."), "grey");
            var runner = new ReplayRunner(rules);
            var summary = await ctx.WithProgressAsync("replay", corpus.Count, step => runner.RunAsync(corpus, result =>
            {
                report?.Add(result);
                Print(ctx, rules, result);
                step();
            }, parallel, cancellationToken)).ConfigureAwait(false);

            if (report is not null)
            {
                report.Complete(summary);
                cancellationToken.ThrowIfCancellationRequested();
                file!.Commit();
            }
            ctx.Line();
            var inv = CultureInfo.InvariantCulture;
            var totals = string.Create(inv, $"{summary.Total} case(s) in {summary.Elapsed.TotalSeconds:0.###} s ({summary.CasesPerSecond:0} cases/s, {summary.Workers} worker(s)): ")
                + string.Create(inv, $"{summary.Passed} passed, {summary.Failed} missed an expectation, {summary.Errors} could not be read or planned")
                + (summary.WithoutExpectations > 0 ? string.Create(inv, $"; {summary.WithoutExpectations} passing case(s) have no expect block.") : ".");
            ctx.Line(totals);
            if (outFile is not null) ctx.Line($"Report written to {outFile}.");
            ctx.Line(summary.ToString(), summary.AllPassed ? "green" : "red");
            await ctx.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return summary.Errors > 0 ? ExitCodes.CaseErrors : summary.Failed > 0 ? ExitCodes.Failed : ExitCodes.Success;
        }
        catch (Exception ex) when (file is not null && ex is IOException or UnauthorizedAccessException)
        {
            // The report could not be written (e.g. a full disk): its temporary file goes, the previous report stays.
            ctx.Error($"error: cannot write the report '{outFile}': {ex.Message}; the previous file, if any, is unchanged");
            return ExitCodes.Usage;
        }
        finally
        {
            report?.Dispose();
            if (file is not null) await file.DisposeAsync().ConfigureAwait(false);
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
