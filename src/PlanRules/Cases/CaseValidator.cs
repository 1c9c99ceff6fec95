using System.Globalization;
using System.Text;
using PlanRules.Rules;

namespace PlanRules.Cases;

/// <summary>
/// The semantic checks of a case against a vocabulary: unknown codes (PR4004), words not allowed (PR4005),
/// numbers out of range (PR4006), duplicate list entries (PR4008), identifiers (PR4009) and values of the wrong
/// type for their fact (PR4002). The JSON reader calls the single checks while it walks the document (so the
/// diagnostics carry lines); <see cref="Validate(PatientCase)"/> walks a case built in C# with the same checks
/// and the same JSON paths. Collects into the list it is given; not thread-safe (use one per run).
/// </summary>
internal sealed class CaseValidator
{
    /// <summary>Where a diagnostic points: a JSON path and, when read from text, a 1-based line and column.</summary>
    internal readonly record struct Location(string Path, int Line = 0, int Column = 0);

    /// <summary>The warning severities an expectation may name.</summary>
    public static readonly IReadOnlyList<string> WarningSeverities = ["critical", "warning", "info"];

    private readonly Vocabulary _vocabulary;
    private readonly List<Diagnostic> _diagnostics;
    private readonly bool _reportIdentifiers;
    private Dictionary<string, string[]>? _codesBySection;

    /// <param name="vocabulary">The codes, types, ranges and words a case may use.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    /// <param name="reportIdentifiers">
    /// <c>true</c> to report strings that look like identifiers (a case built in C#); <c>false</c> when the
    /// anonymization guard has already inspected the whole document (the JSON reader). Either way such a string
    /// is never checked further, so it is never echoed in another diagnostic.
    /// </param>
    public CaseValidator(Vocabulary vocabulary, List<Diagnostic> diagnostics, bool reportIdentifiers)
    {
        _vocabulary = vocabulary;
        _diagnostics = diagnostics;
        _reportIdentifiers = reportIdentifiers;
    }

    // ---------------------------------------------------------------- paths

    /// <summary>The path of a property: <c>$.labs.inr</c>, <c>$.findings['pain.nrs']</c>; a key that looks like an identifier is not shown.</summary>
    public static string PropertyPath(string parent, string name)
    {
        if (AnonymizationGuard.ValueKind(name) is not null) return parent + "[<redacted>]";
        if (IsSimpleName(name)) return parent + "." + name;
        var sb = new StringBuilder(parent.Length + name.Length + 4).Append(parent).Append("['");
        foreach (var c in name)
        {
            if (c is '\'' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append("']").ToString();
    }

    /// <summary>The path of an array element: <c>$.goals[1]</c>.</summary>
    public static string IndexPath(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsSimpleName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        return true;
    }

    /// <summary>Where an object or list is described in a message: <c>the case</c> for the root, else its path.</summary>
    public static string Where(string path) => path == "$" ? "the case" : path;

    // ---------------------------------------------------------------- reporting

    /// <summary>Adds an error.</summary>
    public void Report(string code, string message, Location at, string? suggestion = null) =>
        _diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Error, message, null, at.Line, at.Column)
        {
            JsonPath = at.Path,
            Suggestion = suggestion,
        });

    /// <summary>
    /// Whether <paramref name="value"/> looks like a direct identifier. When it does it is reported (if this validator
    /// reports identifiers) and the caller must not check it further: it must never appear in a message.
    /// </summary>
    public bool IsIdentifier(string value, Location at)
    {
        if (AnonymizationGuard.ValueKind(value) is not { } kind) return false;
        if (_reportIdentifiers) _diagnostics.Add(AnonymizationGuard.ValueDiagnostic(at.Path, kind, at.Line, at.Column));
        return true;
    }

    /// <summary>
    /// Whether a key (of the findings or labs map) is refused as an identifier field or an identifier-looking key;
    /// reported when this validator reports identifiers.
    /// </summary>
    public bool IsIdentifierKey(string key, string parentPath, Location at)
    {
        if (AnonymizationGuard.KeyDiagnostic(parentPath, at.Path, key, at.Line, at.Column) is not { } d) return false;
        if (_reportIdentifiers) _diagnostics.Add(d);
        return true;
    }

    // ---------------------------------------------------------------- words for messages

    /// <summary>The noun of a section in messages: <c>finding</c>, <c>condition</c>, ...</summary>
    public static string Noun(string section) => section;

    /// <summary>Where a section's codes go in a case, for suggestions: <c>findings</c>, <c>history.conditions</c>, ...</summary>
    public static string Place(string section) => section switch
    {
        "finding" => "findings",
        "lab" => "labs",
        "goal" => "goals",
        "patient" => "patient",
        "condition" => "history.conditions",
        "medication" => "history.medications",
        "allergy" => "history.allergies",
        "device" => "history.devices",
        "procedure" => "history.procedures",
        _ => section,
    };

    /// <summary>How an expected fact type reads in a message.</summary>
    public static string Expected(FactType type) => type switch
    {
        FactType.Number => "a number",
        FactType.Boolean => "true or false",
        _ => "a word (a string)",
    };

    /// <summary>How a found value's type reads in a message.</summary>
    public static string Found(FactType type) => type switch
    {
        FactType.Number => "a number",
        FactType.Boolean => "a boolean",
        _ => "a string",
    };

    /// <summary>A number as in JSON: <c>7</c>, <c>7.2</c>.</summary>
    public static string Format(double value) =>
        value == 0 ? "0" : value.ToString("R", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- checks

    /// <summary>Checks a code of a section (<c>finding</c>, <c>lab</c>, <c>condition</c>, ...) against the vocabulary (PR4004).</summary>
    /// <returns>The fact's definition, or <c>null</c> when the code is unknown or an identifier.</returns>
    public FactDefinition? CheckCode(string section, string code, Location at)
    {
        if (IsIdentifier(code, at)) return null;
        if (_vocabulary.TryGetFact(section + "." + code, out var definition)) return definition;
        Report("PR4004", $"unknown {Noun(section)} '{code}'", at, Suggest(section, code));
        return null;
    }

    /// <summary>Reports a code seen before in the same list (PR4008).</summary>
    public void CheckDuplicate(HashSet<string> seen, string section, string code, Location at)
    {
        if (seen.Add(code) || AnonymizationGuard.ValueKind(code) is not null) return;
        Report("PR4008", $"{Noun(section)} '{code}' is listed twice in {Place(section)}", at, "list it once");
    }

    /// <summary>Checks that a number is finite and within the definition's range (PR4006).</summary>
    public void CheckNumber(string what, double value, FactDefinition? definition, Location at)
    {
        if (!double.IsFinite(value))
        {
            Report("PR4006", $"the value of {what} is not a finite number", at, Range(definition) is { } r ? "use a value " + r : null);
            return;
        }
        if (definition is null) return;
        if ((definition.Min is { } min && value < min) || (definition.Max is { } max && value > max))
            Report("PR4006", $"{Format(value)} is out of range for {what}", at, "use a value " + Range(definition));
    }

    private static string? Range(FactDefinition? definition)
    {
        if (definition is null || (definition.Min is null && definition.Max is null)) return null;
        // A unit that is itself a range ("0-10") would only repeat the numbers.
        var unit = string.IsNullOrEmpty(definition.Unit) || definition.Unit.Any(char.IsAsciiDigit) ? "" : " " + definition.Unit;
        return (definition.Min, definition.Max) switch
        {
            ({ } min, { } max) => $"from {Format(min)} to {Format(max)}{unit}",
            ({ } min, null) => $"of at least {Format(min)}{unit}",
            (null, { } max) => $"of at most {Format(max)}{unit}",
            _ => null,
        };
    }

    /// <summary>Checks that a word is one of the definition's words (PR4005).</summary>
    public void CheckWord(string what, string word, FactDefinition? definition, Location at)
    {
        if (IsIdentifier(word, at)) return;
        if (definition is null || definition.Words.Count == 0) return;
        if (definition.Words.Contains(word, StringComparer.Ordinal)) return;
        var closest = word.Length == 0 ? null : Suggestions.Closest(word, definition.Words);
        Report("PR4005", $"'{word}' is not an allowed word for {what}", at,
            closest is not null ? $"did you mean '{closest}'?" : "use one of: " + string.Join(", ", definition.Words));
    }

    /// <summary>Checks a finding's value against its definition: type (PR4002), word (PR4005), range (PR4006).</summary>
    public void CheckFindingValue(string code, FactDefinition definition, FactValue value, Location at)
    {
        var what = $"'finding.{code}'";
        if (value.Type != definition.Type)
        {
            Report("PR4002", $"expected {Expected(definition.Type)} for {what} but found {Found(value.Type)}", at,
                definition.Type == FactType.Word && definition.Words.Count > 0 ? "use one of: " + string.Join(", ", definition.Words) : null);
            return;
        }
        if (value.Type == FactType.Number) CheckNumber(what, value.NumberValue, definition, at);
        else if (value.Type == FactType.Word) CheckWord(what, value.WordValue!, definition, at);
    }

    /// <summary>Checks a number attribute of a history entry (e.g. <c>procedure</c> <c>reliefPercent</c>) against the vocabulary's range.</summary>
    public void CheckAttribute(string section, string attribute, string? entryCode, double value, Location at) =>
        CheckNumber(AttributeName(section, attribute, entryCode), value, Attribute(section, attribute), at);

    /// <summary>Checks a word attribute of a history entry (e.g. <c>medication</c> <c>dose</c>) against the vocabulary's words.</summary>
    public void CheckAttribute(string section, string attribute, string? entryCode, string word, Location at) =>
        CheckWord(AttributeName(section, attribute, entryCode), word, Attribute(section, attribute), at);

    private FactDefinition? Attribute(string section, string attribute) =>
        _vocabulary.TryGetAttribute(section, attribute, out var definition) ? definition : null;

    private static string AttributeName(string section, string attribute, string? entryCode) =>
        entryCode is null || AnonymizationGuard.ValueKind(entryCode) is not null
            ? $"'{attribute}' of a {Noun(section)}"
            : $"'{attribute}' of {Noun(section)} '{entryCode}'";

    /// <summary>Checks the severity named by a warning expectation (PR4005).</summary>
    public void CheckSeverity(string severity, Location at)
    {
        if (IsIdentifier(severity, at) || WarningSeverities.Contains(severity, StringComparer.Ordinal)) return;
        var closest = Suggestions.Closest(severity, WarningSeverities);
        Report("PR4005", $"'{severity}' is not a warning severity", at,
            closest is not null ? $"did you mean '{closest}'?" : "use one of: " + string.Join(", ", WarningSeverities));
    }

    /// <summary>Checks a string of the expect block: only that it is not an identifier.</summary>
    public void CheckExpectationCode(string code, Location at) => IsIdentifier(code, at);

    /// <summary>"Did you mean" for an unknown code of a section.</summary>
    /// <remarks>
    /// Each suggestion costs an edit distance against every code of the section, so they are remembered per code and
    /// at most <see cref="MaxSuggestions"/> different ones are worked out per run: a huge case full of unknown codes
    /// still gets every diagnostic, quickly, the later ones without a suggestion.
    /// </remarks>
    public string? Suggest(string section, string code)
    {
        var key = section + "\u0000" + code;
        if (_suggestions.TryGetValue(key, out var known)) return known;
        if (_suggestions.Count >= MaxSuggestions) return null;
        var suggestion = WorkOutSuggestion(section, code);
        _suggestions[key] = suggestion;
        return suggestion;
    }

    /// <summary>How many different unknown codes get a suggestion in one run.</summary>
    public const int MaxSuggestions = 500;

    private readonly Dictionary<string, string?> _suggestions = new(StringComparer.Ordinal);

    private string? WorkOutSuggestion(string section, string code)
    {
        var codes = CodesOf(section);
        var prefix = section + ".";
        if (code.StartsWith(prefix, StringComparison.Ordinal) && codes.Contains(code[prefix.Length..], StringComparer.Ordinal))
            return $"did you mean '{code[prefix.Length..]}'? codes in {Place(section)} are written without '{prefix}'";
        if (Suggestions.Closest(code, codes) is { } closest) return $"did you mean '{closest}'?";
        foreach (var other in new[] { "finding", "lab", "condition", "medication", "allergy", "device", "procedure", "goal" })
            if (other != section && _vocabulary.TryGetFact(other + "." + code, out _))
                return $"'{code}' is a {Noun(other)}: put it in {Place(other)}";
        return null;
    }

    private string[] CodesOf(string section)
    {
        _codesBySection ??= _vocabulary.Facts
            .GroupBy(f => f.Section, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Code).ToArray(), StringComparer.Ordinal);
        return _codesBySection.TryGetValue(section, out var codes) ? codes : [];
    }

    // ---------------------------------------------------------------- a case built in C#

    /// <summary>Every semantic check on a case built in C#; paths as the JSON reader makes them, line 0.</summary>
    public void Validate(PatientCase patientCase)
    {
        var root = "$";
        if (patientCase.CaseId is { } caseId) IsIdentifier(caseId, new(PropertyPath(root, "caseId")));
        ValidatePatient(patientCase.Patient, PropertyPath(root, "patient"));
        ValidateFindings(patientCase.Findings, PropertyPath(root, "findings"));
        ValidateHistory(patientCase.History, PropertyPath(root, "history"));
        ValidateLabs(patientCase.Labs, PropertyPath(root, "labs"));
        if (patientCase.Goals is { } goals) ValidateCodes("goal", goals, PropertyPath(root, "goals"));
        if (patientCase.Expect is { } expect) ValidateExpect(expect, PropertyPath(root, "expect"));
    }

    private void NotNull(string what, string path) =>
        Report("PR4002", $"{what} must not be null", new(path), "leave it out (or empty) when it is unknown");

    private void ValidatePatient(PatientInfo? patient, string path)
    {
        if (patient is null) { NotNull("patient", path); return; }
        if (patient.AgeYears is { } age)
            CheckNumber("'patient.ageYears'", age, Fact("patient.ageYears"), new(PropertyPath(path, "ageYears")));
        if (patient.Sex is { } sex)
            CheckWord("'patient.sex'", sex, Fact("patient.sex"), new(PropertyPath(path, "sex")));
    }

    private FactDefinition? Fact(string name) => _vocabulary.TryGetFact(name, out var definition) ? definition : null;

    private void ValidateFindings(IReadOnlyDictionary<string, FactValue>? findings, string path)
    {
        if (findings is null) { NotNull("findings", path); return; }
        foreach (var (code, value) in findings)
        {
            var at = new Location(PropertyPath(path, code));
            if (IsIdentifierKey(code, path, at)) continue;
            var definition = CheckCode("finding", code, at);
            if (value is null)
            {
                Report("PR4002", $"expected {(definition is null ? "a value" : Expected(definition.Type))} for 'finding.{code}' but found null", at,
                    "leave the finding out when it is unknown");
                continue;
            }
            if (definition is not null) CheckFindingValue(code, definition, value, at);
        }
    }

    private void ValidateLabs(IReadOnlyDictionary<string, double>? labs, string path)
    {
        if (labs is null) { NotNull("labs", path); return; }
        foreach (var (code, value) in labs)
        {
            var at = new Location(PropertyPath(path, code));
            if (IsIdentifierKey(code, path, at)) continue;
            var definition = CheckCode("lab", code, at);
            if (definition is not null || !double.IsFinite(value)) CheckNumber($"'lab.{code}'", value, definition, at);
        }
    }

    private void ValidateHistory(CaseHistory? history, string path)
    {
        if (history is null) { NotNull("history", path); return; }
        if (history.Conditions is { } conditions) ValidateCodes("condition", conditions, PropertyPath(path, "conditions"));
        if (history.Medications is { } medications) ValidateMedications(medications, PropertyPath(path, "medications"));
        if (history.Allergies is { } allergies) ValidateCodes("allergy", allergies, PropertyPath(path, "allergies"));
        if (history.Devices is { } devices) ValidateCodes("device", devices, PropertyPath(path, "devices"));
        if (history.Procedures is { } procedures) ValidateProcedures(procedures, PropertyPath(path, "procedures"));
    }

    private void ValidateCodes(string section, IReadOnlyList<string> codes, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var at = new Location(IndexPath(path, i));
            if (codes[i] is not { } code) { Report("PR4002", $"expected a string ({Noun(section)} code) at {at.Path} but found null", at); continue; }
            if (CheckCode(section, code, at) is not null) CheckDuplicate(seen, section, code, at);
        }
    }

    private void ValidateMedications(IReadOnlyList<MedicationEntry> medications, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < medications.Count; i++)
        {
            var entryPath = IndexPath(path, i);
            if (medications[i] is not { } medication) { NotNull("a medication entry", entryPath); continue; }
            var code = ValidateEntryCode("medication", medication.Code, entryPath, seen);
            if (medication.LastDoseHoursAgo is { } hours)
                CheckAttribute("medication", "lastDoseHoursAgo", code, hours, new(PropertyPath(entryPath, "lastDoseHoursAgo")));
            if (medication.Dose is { } dose)
                CheckAttribute("medication", "dose", code, dose, new(PropertyPath(entryPath, "dose")));
            if (medication.Indication is { } indication)
                CheckAttribute("medication", "indication", code, indication, new(PropertyPath(entryPath, "indication")));
        }
    }

    private void ValidateProcedures(IReadOnlyList<ProcedureEntry> procedures, string path)
    {
        for (var i = 0; i < procedures.Count; i++)
        {
            var entryPath = IndexPath(path, i);
            if (procedures[i] is not { } procedure) { NotNull("a procedure entry", entryPath); continue; }
            // The same procedure may appear more than once: each entry is a separate session.
            var code = ValidateEntryCode("procedure", procedure.Code, entryPath, seen: null);
            if (procedure.WeeksAgo is { } weeksAgo)
                CheckAttribute("procedure", "weeksAgo", code, weeksAgo, new(PropertyPath(entryPath, "weeksAgo")));
            if (procedure.ReliefPercent is { } reliefPercent)
                CheckAttribute("procedure", "reliefPercent", code, reliefPercent, new(PropertyPath(entryPath, "reliefPercent")));
            if (procedure.ReliefWeeks is { } reliefWeeks)
                CheckAttribute("procedure", "reliefWeeks", code, reliefWeeks, new(PropertyPath(entryPath, "reliefWeeks")));
        }
    }

    private string? ValidateEntryCode(string section, string? code, string entryPath, HashSet<string>? seen)
    {
        var at = new Location(PropertyPath(entryPath, "code"));
        if (code is null)
        {
            Report("PR4002", $"expected a string ({Noun(section)} code) for 'code' at {entryPath} but found null", at);
            return null;
        }
        if (CheckCode(section, code, at) is null) return null;
        if (seen is not null) CheckDuplicate(seen, section, code, at);
        return code;
    }

    private void ValidateExpect(CaseExpectations expect, string path)
    {
        ValidateListExpectation(expect.Candidates, PropertyPath(path, "candidates"));
        ValidateListExpectation(expect.Excluded, PropertyPath(path, "excluded"));
        if (expect.Warnings is { } warnings)
        {
            var warningsPath = PropertyPath(path, "warnings");
            ValidateWarnings(warnings.Include, PropertyPath(warningsPath, "include"));
            ValidateWarnings(warnings.Exclude, PropertyPath(warningsPath, "exclude"));
        }
        ValidateListExpectation(expect.MissingInformation, PropertyPath(path, "missingInformation"));
        ValidateListExpectation(expect.Referrals, PropertyPath(path, "referrals"));
    }

    private void ValidateListExpectation(ListExpectation? expectation, string path)
    {
        if (expectation is null) return;
        ValidateStrings(expectation.Include, PropertyPath(path, "include"));
        ValidateStrings(expectation.Exclude, PropertyPath(path, "exclude"));
    }

    private void ValidateStrings(IReadOnlyList<string>? values, string path)
    {
        if (values is null) { NotNull(path, path); return; }
        for (var i = 0; i < values.Count; i++)
        {
            var at = new Location(IndexPath(path, i));
            if (values[i] is { } value) CheckExpectationCode(value, at);
            else Report("PR4002", $"expected a string at {at.Path} but found null", at);
        }
    }

    private void ValidateWarnings(IReadOnlyList<WarningExpectation>? warnings, string path)
    {
        if (warnings is null) { NotNull(path, path); return; }
        for (var i = 0; i < warnings.Count; i++)
        {
            var entryPath = IndexPath(path, i);
            if (warnings[i] is not { } warning) { NotNull("a warning expectation", entryPath); continue; }
            if (warning.About is { } about) CheckExpectationCode(about, new(PropertyPath(entryPath, "about")));
            if (warning.AppliesTo is { } appliesTo) CheckExpectationCode(appliesTo, new(PropertyPath(entryPath, "appliesTo")));
            if (warning.Code is { } code) CheckExpectationCode(code, new(PropertyPath(entryPath, "code")));
            if (warning.Severity is { } severity) CheckSeverity(severity, new(PropertyPath(entryPath, "severity")));
        }
    }
}
