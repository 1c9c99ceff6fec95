using System.CommandLine;
using PlanRules.Review;

namespace PlanRules.Cli.Commands;

/// <summary>
/// <c>planrules review [DIR] -o review.html [--format html|markdown]</c> and
/// <c>planrules review --before DIR --after DIR -o changes.html</c>: the sign-off document for clinical leads.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CliContext ctx)
    {
        var directory = new Argument<string?>("DIR") { Description = "The rule-set folder. Defaults to ./rules.", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "html (one self-contained page) or markdown.", HelpName = "FORMAT", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "markdown");
        var before = new Option<string?>("--before") { Description = "With --after: the earlier rule set; the page highlights what changed.", HelpName = "DIR" };
        var after = new Option<string?>("--after") { Description = "With --before: the later rule set.", HelpName = "DIR" };
        var command = new Command("review",
            "Render a rule set as one review page. It opens with what needs sign-off (lint errors and warnings, rules approved without "
            + "reviewedBy/reviewedOn, draft rules by file); then per intervention, when it is proposed, what excludes it, the warnings and prerequisites "
            + "that apply, each condition as a sentence with its parameter values, evidence, status and sign-off (who, when); the parameters; the "
            + "antithrombotic grid; a search box. With --before/--after, the changes in plain language.")
        {
            directory, format, before, after,
        };
        var output = OutputOption.Create("the document");
        output.AddTo(command);
        command.SetAction(async (parsed, token) =>
        {
            var markdown = parsed.GetValue(format) == "markdown";
            string document;
            if (parsed.GetValue(before) is { } beforeDir || parsed.GetValue(after) is not null)
            {
                if (parsed.GetValue(before) is not { } b || parsed.GetValue(after) is not { } a)
                {
                    ctx.Error("error: --before and --after go together");
                    return ExitCodes.Usage;
                }
                var older = CommandSupport.LoadRules(ctx, b, token);
                var newer = CommandSupport.LoadRules(ctx, a, token);
                if (older is null || newer is null) return ExitCodes.Usage;
                document = markdown ? ReviewDocument.ChangesToMarkdown(older, newer) : ReviewDocument.ChangesToHtml(older, newer);
            }
            else
            {
                var rules = CommandSupport.LoadRules(ctx, parsed.GetValue(directory) ?? "rules", token);
                if (rules is null) return ExitCodes.Usage;
                document = markdown ? ReviewDocument.ToMarkdown(rules) : ReviewDocument.ToHtml(rules);
            }
            var file = output.Resolve(parsed, ctx);
            if (!await CommandSupport.TryWriteAsync(ctx, file, document, token).ConfigureAwait(false)) return ExitCodes.Usage;
            if (file is not null) ctx.Error($"review written to {file}");
            return ExitCodes.Success;
        });
        return command;
    }
}
