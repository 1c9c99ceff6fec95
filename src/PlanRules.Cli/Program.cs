// planrules: the command line of PlanRules (see README.md). Every command takes --format and -o/--output; '-' reads a case from standard input.
//   planrules plan CASE... [--rules DIR] [--format json|text|...] [-o FILE]
//   planrules replay CASES [--rules DIR] [--format text|junit|json|markdown] [-o FILE] [--parallel N]
//   planrules diff --before DIR --after DIR CASES [--format markdown|json] [-o FILE]
//   planrules coverage CASES [--rules DIR] [--format table|markdown|json] [-o FILE]
//   planrules explain CASE --intervention CODE [--only held,failed,unknown | --all] [--format text|json] [-o FILE]
//   planrules lint [DIR] [--format text|sarif] [-o FILE];  planrules review [DIR] [--format html|markdown] [-o FILE]
using System.Text;
using PlanRules.Cli;

Console.OutputEncoding = Encoding.UTF8;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var interactive = !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive;
return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive, cancel.Token, Console.OpenStandardInput, !Console.IsInputRedirected)
    .ConfigureAwait(false);
