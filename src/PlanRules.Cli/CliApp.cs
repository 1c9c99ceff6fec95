using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using PlanRules.Cli.Commands;

namespace PlanRules.Cli;

/// <summary>
/// The <c>planrules</c> command line: <c>plan</c>, <c>replay</c>, <c>diff</c>, <c>coverage</c> and <c>explain</c>.
/// A thin shell over the library (<c>PlanRules.Replay</c>); callable in-process, e.g. by tests.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the command line with output to the given writers (never a terminal: plain lines, no progress bar).</summary>
    /// <param name="args">The arguments, e.g. <c>["replay", "cases/", "--parallel", "2"]</c>.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error).GetAwaiter().GetResult();

    /// <summary>Runs the command line with <paramref name="input"/> as standard input (what a <c>-</c> file argument reads).</summary>
    /// <param name="args">The arguments, e.g. <c>["plan", "-"]</c>.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="input">Standard input.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return RunAsync(args, output, error, openInput: () => input).GetAwaiter().GetResult();
    }

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="interactive">Whether standard output is a terminal: progress bars, colours and tables sized to it.</param>
    /// <param name="cancellationToken">Cancels the command (e.g. on Ctrl+C).</param>
    /// <param name="openInput">Opens standard input, read by a <c>-</c> file argument; none (empty) by default.</param>
    /// <param name="inputIsTerminal">Whether standard input is a terminal: <c>-</c> is then refused rather than waiting for typing.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive = false, CancellationToken cancellationToken = default,
        Func<Stream>? openInput = null, bool inputIsTerminal = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var ctx = new CliContext(output, error, interactive, openInput, inputIsTerminal);
        var verbose = new Option<bool>("--verbose")
        {
            Description = "On an internal error, also print its stack trace (for a defect report).",
            Recursive = true,
        };
        var root = BuildRoot(ctx);
        root.Options.Add(verbose);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            foreach (var e in parsed.Errors) error.WriteLine("error: " + e.Message);
            var command = parsed.CommandResult.Command;
            error.WriteLine(command == root ? "Run 'planrules --help' for usage." : $"Run 'planrules {command.Name} --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The command line's last resort: report a defect, never crash without a word.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // One line by default: an exception's message may quote what it was handed (a case value), so only its type
            // is shown; --verbose adds the whole exception with its stack trace for a defect report.
            error.WriteLine($"internal error: {ex.GetType().FullName} (a defect; please report it). Run with --verbose for details.");
            if (IsVerbose(parsed, verbose)) error.WriteLine(ex.ToString());
            return ExitCodes.InternalError;
        }
    }

    private static bool IsVerbose(ParseResult parsed, Option<bool> verbose)
    {
        try
        {
            return parsed.GetValue(verbose);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static RootCommand BuildRoot(CliContext ctx)
    {
        var root = new RootCommand("planrules: plan, replay, diff, coverage and explain PlanRules cases against a rule set; lint and review rule sets.")
        {
            PlanCommand.Create(ctx),
            ReplayCommand.Create(ctx),
            DiffCommand.Create(ctx),
            CoverageCommand.Create(ctx),
            ExplainCommand.Create(ctx),
            LintCommand.Create(ctx),
            ReviewCommand.Create(ctx),
        };
        // Every help page ends with the exit codes of its command.
        var help = root.Options.OfType<HelpOption>().First();
        if (help.Action is HelpAction standard) help.Action = new ExitCodesHelpAction(standard, root);
        return root;
    }
}
