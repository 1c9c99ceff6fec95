using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PlanRules.Cli;

/// <summary>The standard help, followed by the exit codes of the command it is about.</summary>
internal sealed class ExitCodesHelpAction(HelpAction standard, RootCommand root) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var result = standard.Invoke(parseResult);
        var command = parseResult.CommandResult.Command;
        parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.HelpFor(command == root ? "" : command.Name));
        return result;
    }
}
