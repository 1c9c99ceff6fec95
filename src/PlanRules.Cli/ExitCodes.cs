namespace PlanRules.Cli;

/// <summary>The exit codes of the <c>planrules</c> command (also listed in <c>--help</c> and the README).</summary>
public static class ExitCodes
{
    /// <summary>0: everything went well (every case planned; every replayed case passed).</summary>
    public const int Success = 0;

    /// <summary>1: <c>replay</c>: at least one case missed an expectation; <c>diff --fail-on-change</c>: a plan changed.</summary>
    public const int Failed = 1;

    /// <summary>
    /// 2: nothing was done: a usage error (unknown command or option, missing argument), a case file or folder that
    /// does not exist or a folder without any case, an unknown intervention, or a rule set that does not load (every
    /// diagnostic is printed).
    /// </summary>
    public const int Usage = 2;

    /// <summary>
    /// 3: at least one case could not be read or planned (invalid JSON, unknown codes, a refused identifier; a case file
    /// that is a FIFO, device or folder, too large, not UTF-8 or unreadable; an unreadable sub-folder or a symbolic link
    /// loop in a case folder; an unreadable <c>--fhir</c> bundle); its diagnostics are printed and the other cases were
    /// processed. Takes precedence over <see cref="Failed"/>.
    /// </summary>
    public const int CaseErrors = 3;

    /// <summary>4: an unexpected internal error (a defect; please report it): one line with the exception's type; <c>--verbose</c> adds the stack trace.</summary>
    public const int InternalError = 4;

    /// <summary>130: cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The exit codes a command uses, as its help shows them; every code for the root command.</summary>
    internal static string HelpFor(string command) => command switch
    {
        "plan" => """
            Exit codes:
              0  every case was planned
              2  usage error, missing case path or no case found, or the rule set does not load (diagnostics printed)
              3  a case could not be read or planned (e.g. refused for an identifier): left out, the others planned
            """,
        "replay" => """
            Exit codes:
              0  every case passed
              1  a case missed an expectation
              2  usage error, missing case path or no case found, or the rule set does not load (diagnostics printed)
              3  a case could not be read or planned (e.g. refused for an identifier); takes precedence over 1
            """,
        "diff" => """
            Exit codes:
              0  every case was compared (plans may have changed)
              1  --fail-on-change and a plan changed
              2  usage error, missing case path or no case found, or a rule set does not load (diagnostics printed)
              3  a case could not be read or planned with either rule set; the others were compared
            """,
        "coverage" => """
            Exit codes:
              0  every case was planned
              2  usage error, missing case path or no case found, or the rule set does not load (diagnostics printed)
              3  a case could not be read or planned; the coverage of the others is printed
            """,
        "explain" => """
            Exit codes:
              0  explained
              2  usage error, missing case file, unknown intervention, or the rule set does not load
              3  the case could not be read (e.g. refused for an identifier)
            """,
        _ => """
            Exit codes:
              0  success (every case planned; every replayed case passed)
              1  replay: a case missed an expectation; diff --fail-on-change: a plan changed
              2  nothing done: usage error, missing case path or no case found, unknown intervention, or the rule set does not load
              3  a case could not be read or planned (e.g. refused for an identifier, a FIFO, too large, an unreadable folder); the others were processed
              4  internal error (one line; --verbose adds the stack trace)
              130 cancelled (Ctrl+C)
            """,
    };
}
