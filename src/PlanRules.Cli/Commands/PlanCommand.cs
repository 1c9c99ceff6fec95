using System.CommandLine;
using PlanRules.Replay;

namespace PlanRules.Cli.Commands;

/// <summary><c>planrules plan CASE... [--rules DIR]</c>: plan JSON for one case, NDJSON for several.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext ctx)
    {
        var cases = CommandSupport.CasesArgument("Case files (planrules.case/1) or folders of *.json cases.");
        var rules = CommandSupport.RulesOption();
        var parallel = CommandSupport.ParallelOption();
        var command = new Command("plan",
            "Plan cases. One case file: its plan JSON (planrules.plan/1) on standard output. Several files or a folder: one compact "
            + "plan JSON per line (NDJSON), in file-name order. A case that cannot be read (or carries an identifier) is reported "
            + "on standard error with its diagnostics and left out; the others are planned.")
        {
            cases, rules, parallel,
        };
        command.SetAction((parsed, token) => RunAsync(ctx, parsed.GetRequiredValue(cases), parsed.GetValue(rules), parsed.GetValue(parallel), token));
        return command;
    }

    private static async Task<int> RunAsync(CliContext ctx, string[] paths, string? rulesDirectory, int parallel, CancellationToken cancellationToken)
    {
        var corpus = CommandSupport.Discover(ctx, paths);
        if (corpus is null) return ExitCodes.Usage;
        var rules = CommandSupport.LoadRules(ctx, rulesDirectory, cancellationToken);
        if (rules is null) return ExitCodes.Usage;

        var single = paths.Length == 1 && File.Exists(paths[0]);
        var errors = 0;
        var planner = new CasePlanner(rules);
        await foreach (var planned in planner.PlanAllAsync(corpus, parallel, cancellationToken).ConfigureAwait(false))
        {
            if (planned.Plan is null)
            {
                errors++;
                CommandSupport.ReportProblems(ctx, planned);
                continue;
            }
            var json = planned.Plan.ToJson();
            if (single) ctx.Out.Write(json);
            else ctx.Out.Write(CompactJson.Minify(json) + "\n");
        }
        await ctx.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        return errors > 0 ? ExitCodes.CaseErrors : ExitCodes.Success;
    }
}
