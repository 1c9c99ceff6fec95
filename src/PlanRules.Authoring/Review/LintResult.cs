using System.Globalization;
using System.Text;
using PlanRules.Diagnostics;

namespace PlanRules.Review;

/// <summary>
/// The outcome of <see cref="RuleSetLinter"/>: every loader diagnostic and every static-analysis finding, ordered by
/// file, line and column. Immutable and thread-safe.
/// </summary>
/// <param name="RuleSet">The rule set, or <c>null</c> when it has errors (static analysis then did not run).</param>
/// <param name="Diagnostics">Every finding, ordered by file, line, column and code.</param>
public sealed record LintResult(RuleSet? RuleSet, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>How many errors (the rule set cannot be loaded).</summary>
    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>How many warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>How many notes (information, e.g. draft rules).</summary>
    public int InfoCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);

    /// <summary>
    /// Whether the rule set passes: no error, and no warning when <paramref name="warningsFail"/>. Notes never fail.
    /// </summary>
    /// <param name="warningsFail">Whether warnings fail too (a strict gate, e.g. in CI).</param>
    public bool Passes(bool warningsFail = false) => ErrorCount == 0 && (!warningsFail || WarningCount == 0);

    /// <summary>
    /// Compiler-style text: one line per finding (<c>file(line,col): warning PR3001: rule 'x': …</c>), then a summary line
    /// <c>N errors, N warnings, N notes</c>.
    /// </summary>
    /// <param name="includeInfo">Whether to list notes (they are always counted).</param>
    public string ToText(bool includeInfo = true)
    {
        var sb = new StringBuilder();
        foreach (var d in Diagnostics)
            if (includeInfo || d.Severity != DiagnosticSeverity.Info) sb.Append(d).Append('\n');
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"{ErrorCount} error{S(ErrorCount)}, {WarningCount} warning{S(WarningCount)}, {InfoCount} note{S(InfoCount)}")).Append('\n');
        return sb.ToString();
    }

    /// <summary>SARIF 2.1.0 JSON of the findings (see <see cref="SarifWriter"/>).</summary>
    /// <param name="rulesDirectory">The rule-set folder, to anchor relative file names; <c>null</c> to leave them relative.</param>
    public string ToSarif(string? rulesDirectory = null) => SarifWriter.Write(this, rulesDirectory);

    private static string S(int n) => n == 1 ? "" : "s";
}
