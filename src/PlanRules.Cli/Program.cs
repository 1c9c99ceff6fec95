// planrules: the command line of PlanRules (see README.md).
//   planrules plan CASE... [--rules DIR]
//   planrules replay CASES [--rules DIR] [--report junit|json|markdown --out FILE] [--parallel N]
//   planrules diff --before DIR --after DIR CASES [--format markdown|json] [--out FILE]
//   planrules coverage CASES [--rules DIR]
//   planrules explain CASE --intervention CODE [--rules DIR]
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
return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive, cancel.Token).ConfigureAwait(false);
