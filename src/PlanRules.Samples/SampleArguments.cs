namespace PlanRules.Samples;

/// <summary>
/// The sample's command line, checked before anything runs: a mode (<c>--host</c>, <c>--cds-hooks</c> or planning one
/// case), its options, and at most one case path. Anything else is refused with the usage text, so a typo never plans
/// the bundled case as if nothing were wrong.
/// </summary>
/// <param name="Mode">What to run.</param>
/// <param name="CasePath">The case file, or <c>null</c> for the bundled sample case.</param>
/// <param name="RulesDirectory">The rule folder given with <c>--rules</c>, or <c>null</c>.</param>
/// <param name="Json">Print plan JSON instead of text.</param>
/// <param name="Error">Why the arguments were refused, or <c>null</c>.</param>
public sealed record SampleArguments(SampleMode Mode, string? CasePath, string? RulesDirectory, bool Json, string? Error)
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: dotnet run --project src/PlanRules.Samples [-- [CASE.json] [--rules DIR] [--json]]
               dotnet run --project src/PlanRules.Samples -- --host [--once] [--rules DIR] [CASE.json]
               dotnet run --project src/PlanRules.Samples -- --cds-hooks [--urls http://127.0.0.1:PORT] [--rules DIR]

          CASE.json      a planrules.case/1 file (default: the bundled sample case)
          --rules DIR    a rule-set folder (default: ./rules when found upwards, else the embedded shipped rules)
          --json         print the plan as JSON instead of text
          --host         run as a generic-host service (AddPlanRules, hot reload); --once stops after one plan
          --cds-hooks    run a CDS Hooks service on 127.0.0.1 (development mode, no JWT)
          -h, --help     show this text
        """;

    /// <summary>Reads the command line; never throws.</summary>
    public static SampleArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var mode = args.Contains("--host") ? SampleMode.Host : args.Contains("--cds-hooks") ? SampleMode.CdsHooks : SampleMode.Plan;
        if (args.Contains("--help") || args.Contains("-h")) return new(SampleMode.Help, null, null, false, null);
        if (args.Contains("--host") && args.Contains("--cds-hooks")) return Refused("--host and --cds-hooks cannot be combined");

        string[] flags = mode switch
        {
            SampleMode.Host => ["--host", "--once"],
            SampleMode.CdsHooks => ["--cds-hooks"],
            _ => ["--json"],
        };
        string[] withValue = mode == SampleMode.CdsHooks ? ["--rules", "--urls"] : ["--rules"];
        string? rules = null, casePath = null;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (flags.Contains(a)) continue;
            if (withValue.Contains(a))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) return Refused($"{a} needs a value");
                if (a == "--rules") rules = args[i + 1];
                i++;
                continue;
            }
            if (a.StartsWith('-')) return Refused($"unknown option '{a}'");
            if (mode == SampleMode.CdsHooks) return Refused("--cds-hooks takes no case file");
            if (casePath is not null) return Refused("give at most one case file");
            casePath = a;
        }
        return new(mode, casePath, rules, args.Contains("--json"), null);

        static SampleArguments Refused(string why) => new(SampleMode.Plan, null, null, false, why);
    }
}

/// <summary>What the sample runs.</summary>
public enum SampleMode
{
    /// <summary>Plan one case and print it.</summary>
    Plan,

    /// <summary>Run as a generic-host service.</summary>
    Host,

    /// <summary>Run the CDS Hooks service.</summary>
    CdsHooks,

    /// <summary>Print the usage text.</summary>
    Help,
}
