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

    /// <summary>
    /// The one table of which command returns which code and why: <c>--help</c> prints it, and the tests check every
    /// exit code a command returns against it, so help and behaviour cannot drift apart.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, IReadOnlyList<ExitCodeUse>> ByCommand = new Dictionary<string, IReadOnlyList<ExitCodeUse>>(StringComparer.Ordinal)
    {
        ["plan"] =
        [
            new(Success, "every case was planned"),
            new(Usage, "usage error, missing case path or no case found, '-' with nothing piped in, an output file that cannot be written, or the rule set does not load (diagnostics printed)"),
            new(CaseErrors, "a case could not be read or planned (e.g. refused for an identifier, not JSON, too large): left out, the others planned"),
        ],
        ["replay"] =
        [
            new(Success, "every case passed"),
            new(Failed, "a case missed an expectation"),
            new(Usage, "usage error, missing case path or no case found, a report that cannot be written, or the rule set does not load (diagnostics printed)"),
            new(CaseErrors, "a case could not be read or planned (e.g. refused for an identifier); takes precedence over 1"),
        ],
        ["diff"] =
        [
            new(Success, "every case was compared (plans may have changed)"),
            new(Failed, "--fail-on-change and a plan changed"),
            new(Usage, "usage error, missing case path or no case found, a report that cannot be written, or a rule set does not load (diagnostics printed)"),
            new(CaseErrors, "a case could not be read or planned with either rule set; the others were compared"),
        ],
        ["coverage"] =
        [
            new(Success, "every case was planned"),
            new(Usage, "usage error, missing case path or no case found, an output file that cannot be written, or the rule set does not load (diagnostics printed)"),
            new(CaseErrors, "a case could not be read or planned; the coverage of the others is printed"),
        ],
        ["explain"] =
        [
            new(Success, "explained"),
            new(Usage, "usage error, missing case file, '-' with nothing piped in, unknown intervention, an output file that cannot be written, or the rule set does not load"),
            new(CaseErrors, "the case could not be read or planned (e.g. refused for an identifier, not JSON, too large)"),
        ],
        ["lint"] =
        [
            new(Success, "no error (and, with --strict, no warning)"),
            new(Failed, "the rule set has errors, or warnings with --strict (each finding printed)"),
            new(Usage, "usage error, no rule-set folder, or a report that cannot be written"),
        ],
        ["review"] =
        [
            new(Success, "the review document was written"),
            new(Usage, "usage error, --before without --after (or the reverse), a rule set that does not load, or a document that cannot be written"),
        ],
    };

    /// <summary>The codes every command may return besides its own.</summary>
    internal static readonly IReadOnlyList<ExitCodeUse> Common =
    [
        new(InternalError, "internal error (a defect: one line; --verbose adds the stack trace)"),
        new(Cancelled, "cancelled (Ctrl+C)"),
    ];

    /// <summary>The exit codes <paramref name="command"/> can return (its own and the common ones); every code for the root command (<c>""</c>).</summary>
    internal static IReadOnlyList<ExitCodeUse> For(string command) =>
        ByCommand.TryGetValue(command, out var own)
            ? [.. own, .. Common]
            :
            [
                new(Success, "success (every case planned; every replayed case passed; lint found no error)"),
                new(Failed, "replay: a case missed an expectation; diff --fail-on-change: a plan changed; lint: errors (or warnings with --strict)"),
                new(Usage, "nothing done: usage error, missing case path or no case found, unknown intervention, an output file that cannot be written, or the rule set does not load"),
                new(CaseErrors, "a case could not be read or planned (e.g. refused for an identifier, a FIFO, too large, an unreadable folder); the others were processed"),
                .. Common,
            ];

    /// <summary>The exit codes a command uses, as its help shows them; every code for the root command.</summary>
    internal static string HelpFor(string command)
    {
        var sb = new System.Text.StringBuilder("Exit codes:\n");
        foreach (var use in For(command)) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {use.Code,-3}  {use.Meaning}\n");
        return sb.ToString();
    }
}

/// <summary>One exit code of a command and what it means there.</summary>
/// <param name="Code">The exit code.</param>
/// <param name="Meaning">When the command returns it.</param>
internal sealed record ExitCodeUse(int Code, string Meaning);
