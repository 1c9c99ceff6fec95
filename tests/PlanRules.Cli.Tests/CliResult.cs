using System.Text;

namespace PlanRules.Cli.Tests;

/// <summary>The outcome of one in-process command line run.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public string All => Out + Err;

    public static CliResult Run(params string[] args) => RunWithInput(Stream.Null, args);

    /// <summary>Runs with <paramref name="stdin"/> (UTF-8) as standard input.</summary>
    public static CliResult RunWithInput(string stdin, params string[] args) => RunWithInput(new MemoryStream(Encoding.UTF8.GetBytes(stdin)), args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input.</summary>
    public static CliResult RunWithInput(Stream stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, output, error, stdin);
        var result = new CliResult(code, output.ToString(), error.ToString());
        AssertDocumented(args, code, result);
        return result;
    }

    /// <summary>
    /// Every exit code any test sees must be one that the command's help lists (from <see cref="ExitCodes.ByCommand"/>):
    /// help and behaviour cannot drift apart without a test failing.
    /// </summary>
    public static void AssertDocumented(IReadOnlyList<string> args, int code, object context)
    {
        var command = args.Count > 0 && ExitCodes.ByCommand.ContainsKey(args[0]) ? args[0] : "";
        var documented = ExitCodes.For(command).Select(u => u.Code).ToArray();
        Assert.True(documented.Contains(code),
            $"'planrules {command}' returned exit code {code}, which its --help does not list ({string.Join(", ", documented)})\n{context}");
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
