using System.CommandLine;
using PlanRules.Review;

namespace PlanRules.Cli.Commands;

/// <summary>
/// <c>planrules lint [DIR] [--strict] [--format text|sarif] [-o FILE] [--notes]</c>: everything the loader checks
/// plus the PR3xxx static analysis, as compiler-style lines or SARIF.
/// </summary>
internal static class LintCommand
{
    public static Command Create(CliContext ctx)
    {
        var directory = new Argument<string?>("DIR") { Description = "The rule-set folder. Defaults to ./rules.", Arity = ArgumentArity.ZeroOrOne };
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 1) on warnings too, not only on errors." };
        var format = new Option<string>("--format") { Description = "text (compiler-style lines) or sarif (SARIF 2.1.0 JSON).", HelpName = "FORMAT", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "sarif");
        var notes = new Option<bool>("--notes") { Description = "Also list notes (PR3009: rules still in draft); they are always counted." };
        var command = new Command("lint",
            "Check a rule set as a clinical lead would: every loader diagnostic (PR1xxx, PR2xxx) and static analysis (PR3xxx: conditions "
            + "that never hold, duplicate rules, candidates always excluded, threshold gaps, unused parameters and facts, rules without "
            + "evidence, drafts). Exit 0 when clean, 1 on errors (and on warnings with --strict).")
        {
            directory, strict, format, notes,
        };
        var output = OutputOption.Create("the report");
        output.AddTo(command);
        command.SetAction(async (parsed, token) =>
        {
            var dir = parsed.GetValue(directory) ?? "rules";
            if (!Directory.Exists(dir))
            {
                ctx.Error($"error: no rule-set folder at '{dir}'");
                return ExitCodes.Usage;
            }
            var file = output.Resolve(parsed, ctx);
            var result = RuleSetLinter.Lint(dir, token);
            var text = parsed.GetValue(format) == "sarif" ? result.ToSarif(dir) : result.ToText(parsed.GetValue(notes));
            if (!await CommandSupport.TryWriteAsync(ctx, file, text, token).ConfigureAwait(false)) return ExitCodes.Usage;
            if (file is not null) ctx.Error($"{result.ErrorCount} error(s), {result.WarningCount} warning(s), {result.InfoCount} note(s); report written to {file}");
            // The exit code is the command line's: 1 on errors, and on warnings with --strict.
            return result.ErrorCount > 0 || (parsed.GetValue(strict) && result.WarningCount > 0) ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }
}
