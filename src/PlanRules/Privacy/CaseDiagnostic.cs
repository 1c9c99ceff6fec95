using PlanRules.Diagnostics;

namespace PlanRules.Privacy;

/// <summary>
/// The only way the library makes a diagnostic about a case or about a FHIR resource: its message and suggestion
/// are <see cref="SafeText"/> and its place a <see cref="CasePath"/>, so no value from the input can reach it.
/// (A test keeps <c>new Diagnostic(…)</c> out of the code that reads cases.)
/// </summary>
internal static class CaseDiagnostic
{
    /// <summary>An error about a case.</summary>
    /// <param name="code">The diagnostic code, e.g. <c>PR4005</c>.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="path">Where, as a JSON path.</param>
    /// <param name="line">1-based line, 0 when the case was not read from text.</param>
    /// <param name="column">1-based column, 0 when unknown.</param>
    /// <param name="suggestion">What would fix it.</param>
    public static Diagnostic Error(string code, SafeText message, CasePath path, int line = 0, int column = 0, SafeText? suggestion = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(path);
        return new Diagnostic(code, DiagnosticSeverity.Error, message.ToString(), null, line, column)
        {
            JsonPath = path.ToString(),
            Suggestion = suggestion?.ToString() is { Length: > 0 } s ? s : null,
        };
    }
}
