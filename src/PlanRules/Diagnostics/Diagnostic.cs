using System.Globalization;
using System.Text;

namespace PlanRules.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Advice; never blocks loading.</summary>
    Info,
    /// <summary>Something a reviewer should look at; never blocks loading.</summary>
    Warning,
    /// <summary>The input cannot be used: a rule set or case with an error is never loaded.</summary>
    Error,
}

/// <summary>
/// One finding about a rule file or a case: where it is, what is wrong, and what would fix it.
/// Codes are documented once, in <c>rules/README.md</c>. Immutable and thread-safe.
/// </summary>
/// <param name="Code">A stable code such as <c>PR2001</c>.</param>
/// <param name="Severity">Whether it blocks loading.</param>
/// <param name="Message">What is wrong, naming the offending value (never a patient identifier).</param>
/// <param name="File">The file (relative to the rule directory) or <c>null</c> for an in-memory document.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, string? File = null, int Line = 0, int Column = 0)
{
    /// <summary>The rule the diagnostic is about, if any.</summary>
    public string? RuleId { get; init; }

    /// <summary>The JSON path of the offending element, e.g. <c>$.findings['pain.nrs']</c>.</summary>
    public string? JsonPath { get; init; }

    /// <summary>What would fix it, e.g. <c>did you mean 'finding.pain.duration_weeks'?</c>.</summary>
    public string? Suggestion { get; init; }

    /// <summary>Compiler-style text: <c>file(line,col): error CODE: message (suggestion)</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(File ?? (JsonPath is null ? "<input>" : "<case>"));
        if (Line > 0)
        {
            sb.Append('(').Append(Line.ToString(CultureInfo.InvariantCulture));
            if (Column > 0) sb.Append(',').Append(Column.ToString(CultureInfo.InvariantCulture));
            sb.Append(')');
        }
        sb.Append(": ").Append(Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        }).Append(' ').Append(Code).Append(": ");
        if (RuleId is not null) sb.Append("rule '").Append(RuleId).Append("': ");
        sb.Append(Message);
        if (JsonPath is not null && File is not null) sb.Append(" at ").Append(JsonPath);
        if (Suggestion is not null) sb.Append(" (").Append(Suggestion).Append(')');
        return sb.ToString();
    }
}
