using PlanRules.Cases;
using PlanRules.Diagnostics;
using PlanRules.Privacy;

namespace PlanRules.Replay;

/// <summary>
/// The checks of an <c>expect</c> block's strings, shared by <see cref="CaseExpectationsReader"/> (which reads them from a
/// case document, with lines) and <see cref="CaseExpectations.Validate"/> (expectations built in C#, line 0): a string
/// must be code-shaped (PR4005), a severity one of <c>critical</c>, <c>warning</c>, <c>info</c> (PR4005), and nothing
/// may look like a direct identifier (PR4009). Every message is <see cref="SafeText"/>: a value is described by its shape,
/// never repeated. Collects into the list it is given; not thread-safe (one per run).
/// </summary>
internal sealed class ExpectationChecks
{
    /// <summary>The warning severities an expectation may name.</summary>
    public static readonly IReadOnlySet<string> WarningSeverities = new HashSet<string>(["critical", "warning", "info"], StringComparer.Ordinal);

    private static readonly string[] SeverityOrder = ["critical", "warning", "info"];

    private readonly List<Diagnostic> _diagnostics;
    private readonly bool _reportIdentifiers;

    /// <param name="diagnostics">Where diagnostics go.</param>
    /// <param name="reportIdentifiers">
    /// <c>true</c> to report strings that look like identifiers (expectations built in C#); <c>false</c> when the
    /// anonymization guard has already inspected the whole document (the reader). Either way such a string is never
    /// checked further.
    /// </param>
    public ExpectationChecks(List<Diagnostic> diagnostics, bool reportIdentifiers)
    {
        _diagnostics = diagnostics;
        _reportIdentifiers = reportIdentifiers;
    }

    /// <summary>Adds an error.</summary>
    public void Report(string code, SafeText message, CaseValidator.Location at, SafeText? suggestion = null) =>
        _diagnostics.Add(CaseDiagnostic.Error(code, message, at.Path, at.Line, at.Column, suggestion));

    /// <summary>
    /// Whether <paramref name="value"/> looks like a direct identifier. When it does it is reported (if these checks
    /// report identifiers) and the caller must not check it further.
    /// </summary>
    public bool IsIdentifier(string value, CaseValidator.Location at)
    {
        if (AnonymizationGuard.ValueKind(value) is not { } kind) return false;
        if (_reportIdentifiers) _diagnostics.Add(AnonymizationGuard.ValueDiagnostic(at.Path, kind, at.Line, at.Column));
        return true;
    }

    /// <summary>Checks the severity named by a warning expectation (PR4005).</summary>
    public void CheckSeverity(string severity, CaseValidator.Location at)
    {
        if (IsIdentifier(severity, at) || WarningSeverities.Contains(severity)) return;
        var closest = Suggestions.Closest(severity, SeverityOrder);
        Report(DiagnosticCodes.NotAnAllowedCaseWord, $"{SafeText.Shape(severity)} is not a warning severity; allowed: {SafeText.List(SeverityOrder, WarningSeverities)}", at,
            closest is not null ? (SafeText)$"did you mean '{SafeText.OneOf(closest, WarningSeverities)}'?" : null);
    }

    /// <summary>
    /// Checks a string of the expect block: it must be code-shaped (lower-case letters, digits and <c>_</c> in
    /// dot-separated parts, as every code of a rule set is) and not look like an identifier (PR4005, PR4009). What
    /// passes may be repeated in replay reports; what does not is refused and never shown.
    /// </summary>
    public void CheckExpectationCode(string code, CaseValidator.Location at)
    {
        if (IsIdentifier(code, at) || IsCodeShaped(code)) return;
        Report(DiagnosticCodes.NotAnAllowedCaseWord, $"{SafeText.Shape(code)} is not a code: an expectation names codes such as 'esi.lumbar.transforaminal' or 'lab.inr'", at,
            $"use lower-case letters, digits and '_' in parts separated by '.'");
    }

    /// <summary>Whether a text has the shape of a code: 1 to 128 characters, lower-case ASCII letters, digits and <c>_</c> in dot-separated parts (a last part <c>*</c> allowed).</summary>
    public static bool IsCodeShaped(string text)
    {
        if (text.EndsWith(".*", StringComparison.Ordinal)) text = text[..^2]; // a rule's prefix, e.g. procedure.esi.lumbar.*
        if (text.Length is 0 or > 128 || text[0] == '.' || text[^1] == '.') return false;
        var previous = ' ';
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.')) return false;
            if (c == '.' && previous == '.') return false;
            previous = c;
        }
        return true;
    }

    // ---------------------------------------------------------------- expectations built in C#

    /// <summary>The path of a key of the case format.</summary>
    private static CasePath Property(CasePath parent, string key) => parent.Property(key, 0, CaseFormatKeys.All);

    private void NotNull(SafeText what, CasePath path) =>
        Report(DiagnosticCodes.CaseWrongType, $"{what} must not be null", new(path), $"leave it out (or empty) when it is unknown");

    /// <summary>Every check on expectations built in C#; paths as the reader makes them (under <c>$.expect</c>), line 0.</summary>
    public void Validate(CaseExpectations expect)
    {
        var path = Property(CasePath.Root, "expect");
        ValidateListExpectation(expect.Candidates, Property(path, "candidates"));
        ValidateListExpectation(expect.Excluded, Property(path, "excluded"));
        if (expect.Warnings is { } warnings)
        {
            var warningsPath = Property(path, "warnings");
            ValidateWarnings(warnings.Include, Property(warningsPath, "include"));
            ValidateWarnings(warnings.Exclude, Property(warningsPath, "exclude"));
        }
        ValidateListExpectation(expect.MissingInformation, Property(path, "missingInformation"));
        ValidateListExpectation(expect.Referrals, Property(path, "referrals"));
    }

    private void ValidateListExpectation(ListExpectation? expectation, CasePath path)
    {
        if (expectation is null) return;
        ValidateStrings(expectation.Include, Property(path, "include"));
        ValidateStrings(expectation.Exclude, Property(path, "exclude"));
    }

    private void ValidateStrings(IReadOnlyList<string>? values, CasePath path)
    {
        if (values is null) { NotNull($"{path}", path); return; }
        for (var i = 0; i < values.Count; i++)
        {
            var at = new CaseValidator.Location(path.Index(i));
            if (values[i] is { } value) CheckExpectationCode(value, at);
            else Report(DiagnosticCodes.CaseWrongType, $"expected a string at {at.Path} but found null", at);
        }
    }

    private void ValidateWarnings(IReadOnlyList<WarningExpectation>? warnings, CasePath path)
    {
        if (warnings is null) { NotNull($"{path}", path); return; }
        for (var i = 0; i < warnings.Count; i++)
        {
            var entryPath = path.Index(i);
            if (warnings[i] is not { } warning) { NotNull($"a warning expectation", entryPath); continue; }
            if (warning.About is { } about) CheckExpectationCode(about, new(Property(entryPath, "about")));
            if (warning.AppliesTo is { } appliesTo) CheckExpectationCode(appliesTo, new(Property(entryPath, "appliesTo")));
            if (warning.Code is { } code) CheckExpectationCode(code, new(Property(entryPath, "code")));
            if (warning.Severity is { } severity) CheckSeverity(severity, new(Property(entryPath, "severity")));
        }
    }
}
