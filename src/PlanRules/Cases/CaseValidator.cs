using PlanRules.Privacy;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Cases;

/// <summary>
/// The semantic checks of a case against a vocabulary: unknown codes (PR4004), words not allowed (PR4005),
/// numbers out of range (PR4006), duplicate list entries (PR4008), identifiers (PR4009) and values of the wrong
/// type for their fact (PR4002). The JSON reader calls the single checks while it walks the document (so the
/// diagnostics carry lines); <see cref="Validate(PatientCase)"/> walks a case built in C# with the same checks
/// and the same JSON paths. Every message is <see cref="SafeText"/>: a value of the case is described by its shape,
/// never repeated; only vocabulary codes and words and validated numbers are named. Collects into the list it is
/// given; not thread-safe (use one per run).
/// </summary>
internal sealed class CaseValidator
{
    /// <summary>Where a diagnostic points: a JSON path and, when read from text, a 1-based line and column.</summary>
    internal readonly record struct Location(CasePath Path, int Line = 0, int Column = 0);

    /// <summary>The sections of a case whose codes the vocabulary defines.</summary>
    public static readonly IReadOnlySet<string> Sections = new HashSet<string>(
        ["patient", "finding", "lab", "condition", "medication", "allergy", "device", "procedure", "goal"], StringComparer.Ordinal);

    private readonly Vocabulary _vocabulary;
    private readonly List<Diagnostic> _diagnostics;
    private readonly bool _reportIdentifiers;
    private Dictionary<string, string[]>? _codesBySection;

    /// <param name="vocabulary">The codes, types, ranges and words a case may use.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    /// <param name="reportIdentifiers">
    /// <c>true</c> to report strings that look like identifiers (a case built in C#); <c>false</c> when the
    /// anonymization guard has already inspected the whole document (the JSON reader). Either way such a string
    /// is never checked further.
    /// </param>
    public CaseValidator(Vocabulary vocabulary, List<Diagnostic> diagnostics, bool reportIdentifiers)
    {
        _vocabulary = vocabulary;
        _diagnostics = diagnostics;
        _reportIdentifiers = reportIdentifiers;
    }

    // ---------------------------------------------------------------- paths

    /// <summary>The keys a path may write out: the case format's and the vocabulary's.</summary>
    public IReadOnlySet<string> ShownKeys => _vocabulary.CaseKeys;

    /// <summary>The path of a key; see <see cref="CasePath.Property"/>.</summary>
    public CasePath Property(CasePath parent, string key, int position = 0) => parent.Property(key, position, _vocabulary.CaseKeys);

    /// <summary>Where an object or list is described in a message: <c>the case</c> for the root, else its path.</summary>
    public static SafeText Where(CasePath path) => path.IsRoot ? (SafeText)$"the case" : (SafeText)$"{path}";

    // ---------------------------------------------------------------- reporting

    /// <summary>Adds an error.</summary>
    public void Report(string code, SafeText message, Location at, SafeText? suggestion = null) =>
        _diagnostics.Add(CaseDiagnostic.Error(code, message, at.Path, at.Line, at.Column, suggestion));

    /// <summary>
    /// Whether <paramref name="value"/> looks like a direct identifier. When it does it is reported (if this validator
    /// reports identifiers) and the caller must not check it further.
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
    public bool IsIdentifierKey(string key, CasePath parentPath, Location at)
    {
        if (AnonymizationGuard.KeyDiagnostic(parentPath, at.Path, key, at.Line, at.Column) is not { } d) return false;
        if (_reportIdentifiers) _diagnostics.Add(d);
        return true;
    }

    // ---------------------------------------------------------------- words for messages

    /// <summary>The noun of a section in messages: <c>finding</c>, <c>condition</c>, ...</summary>
    public static SafeText Noun(string section) => SafeText.OneOf(section, Sections);

    /// <summary>Where a section's codes go in a case, for suggestions: <c>findings</c>, <c>history.conditions</c>, ...</summary>
    public static SafeText Place(string section) => section switch
    {
        "finding" => $"findings",
        "lab" => $"labs",
        "goal" => $"goals",
        "patient" => $"patient",
        "condition" => $"history.conditions",
        "medication" => $"history.medications",
        "allergy" => $"history.allergies",
        "device" => $"history.devices",
        "procedure" => $"history.procedures",
        _ => Noun(section),
    };

    /// <summary>How an expected fact type reads in a message.</summary>
    public static SafeText Expected(FactType type) => type switch
    {
        FactType.Number => $"a number",
        FactType.Boolean => $"true or false",
        _ => $"a word (a string)",
    };

    /// <summary>How a found value's type reads in a message.</summary>
    public static SafeText Found(FactType type) => type switch
    {
        FactType.Number => $"a number",
        FactType.Boolean => $"a boolean",
        _ => $"a string",
    };

    /// <summary>A fact named in a message: <c>'finding.pain.nrs'</c> when the vocabulary knows it, else its shape.</summary>
    public SafeText Fact(string section, string code) =>
        _vocabulary.Names.Contains(section + "." + code) ? (SafeText)$"'{SafeText.OneOf(section + "." + code, _vocabulary.Names)}'" : (SafeText)$"a {Noun(section)} ({SafeText.Shape(code)})";

    /// <summary>A code named in a message: the code when the vocabulary knows it in that section, else its shape.</summary>
    public SafeText Code(string section, string? code) =>
        code is null ? (SafeText)$"a missing code" : SafeText.OneOf(code, c => _vocabulary.Names.Contains(section + "." + c));

    // ---------------------------------------------------------------- checks

    /// <summary>Checks a code of a section (<c>finding</c>, <c>lab</c>, <c>condition</c>, ...) against the vocabulary (PR4004).</summary>
    /// <returns>The fact's definition, or <c>null</c> when the code is unknown or an identifier.</returns>
    public FactDefinition? CheckCode(string section, string code, Location at)
    {
        if (IsIdentifier(code, at)) return null;
        if (_vocabulary.TryGetFact(section + "." + code, out var definition)) return definition;
        Report(DiagnosticCodes.UnknownCaseCode, $"unknown {Noun(section)} code ({SafeText.Shape(code)})", at, Suggest(section, code));
        return null;
    }

    /// <summary>Reports a code seen before in the same list (PR4008).</summary>
    public void CheckDuplicate(HashSet<string> seen, string section, string code, Location at)
    {
        if (seen.Add(code) || AnonymizationGuard.ValueKind(code) is not null) return;
        Report(DiagnosticCodes.DuplicateCaseCode, $"{Noun(section)} '{Code(section, code)}' is listed twice in {Place(section)}", at, $"list it once");
    }

    /// <summary>Checks that a number is finite and within the definition's range (PR4006).</summary>
    public void CheckNumber(SafeText what, double value, FactDefinition? definition, Location at)
    {
        if (!double.IsFinite(value))
        {
            Report(DiagnosticCodes.CaseValueOutOfRange, $"the value of {what} is not a finite number", at, Range(definition) is { } r ? (SafeText)$"use a value {r}" : null);
            return;
        }
        if (definition is null) return;
        if ((definition.Min is { } min && value < min) || (definition.Max is { } max && value > max))
            Report(DiagnosticCodes.CaseValueOutOfRange, $"{SafeText.NumberShape(value, definition.Min, definition.Max)} is out of range for {what}", at, Range(definition) is { } range ? (SafeText)$"use a value {range}" : null);
    }

    private static SafeText? Range(FactDefinition? definition)
    {
        if (definition is null || (definition.Min is null && definition.Max is null)) return null;
        // A unit that is itself a range ("0-10") would only repeat the numbers.
        var unit = string.IsNullOrEmpty(definition.Unit) || definition.Unit.Any(char.IsAsciiDigit) ? SafeText.Empty : (SafeText)$" {SafeText.Trusted(definition.Unit)}";
        return (definition.Min, definition.Max) switch
        {
            ({ } min, { } max) => $"from {SafeText.Validated(min)} to {SafeText.Validated(max)}{unit}",
            ({ } min, null) => $"of at least {SafeText.Validated(min)}{unit}",
            (null, { } max) => $"of at most {SafeText.Validated(max)}{unit}",
            _ => null,
        };
    }

    /// <summary>Checks that a word is one of the definition's words (PR4005).</summary>
    public void CheckWord(SafeText what, string word, FactDefinition? definition, Location at)
    {
        if (IsIdentifier(word, at)) return;
        if (definition is null || definition.Words.Count == 0) return;
        if (definition.Words.Contains(word, StringComparer.Ordinal)) return;
        var words = new HashSet<string>(definition.Words, StringComparer.Ordinal);
        var closest = word.Length == 0 ? null : Suggestions.Closest(word, definition.Words);
        Report(DiagnosticCodes.NotAnAllowedCaseWord, $"{SafeText.Shape(word)} is not an allowed word for {what}", at,
            closest is not null ? (SafeText)$"did you mean '{SafeText.OneOf(closest, words)}'?" : (SafeText)$"use one of: {SafeText.List(definition.Words, words)}");
    }

    /// <summary>Checks a finding's value against its definition: type (PR4002), word (PR4005), range (PR4006).</summary>
    public void CheckFindingValue(string code, FactDefinition definition, FactValue value, Location at)
    {
        var what = Fact("finding", code);
        if (value.Type != definition.Type)
        {
            var words = new HashSet<string>(definition.Words, StringComparer.Ordinal);
            Report(DiagnosticCodes.CaseWrongType, $"expected {Expected(definition.Type)} for {what} but found {Found(value.Type)}", at,
                definition.Type == FactType.Word && definition.Words.Count > 0 ? (SafeText)$"use one of: {SafeText.List(definition.Words, words)}" : null);
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

    private SafeText AttributeName(string section, string attribute, string? entryCode)
    {
        var name = SafeText.OneOf(attribute, _vocabulary.CaseKeys);
        return entryCode is not null && _vocabulary.Names.Contains(section + "." + entryCode)
            ? (SafeText)$"'{name}' of {Noun(section)} '{Code(section, entryCode)}'"
            : (SafeText)$"'{name}' of a {Noun(section)}";
    }

    /// <summary>"Did you mean" for an unknown code of a section; every word of it comes from the vocabulary.</summary>
    /// <remarks>
    /// Each suggestion costs an edit distance against every code of the section, so they are remembered per code and
    /// at most <see cref="MaxSuggestions"/> different ones are worked out per run: a huge case full of unknown codes
    /// still gets every diagnostic, quickly, the later ones without a suggestion.
    /// </remarks>
    public SafeText? Suggest(string section, string code)
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

    private readonly Dictionary<string, SafeText?> _suggestions = new(StringComparer.Ordinal);

    private SafeText? WorkOutSuggestion(string section, string code)
    {
        var codes = CodesOf(section);
        var prefix = section + ".";
        if (code.StartsWith(prefix, StringComparison.Ordinal) && codes.Contains(code[prefix.Length..], StringComparer.Ordinal))
            return $"did you mean '{Code(section, code[prefix.Length..])}'? codes in {Place(section)} are written without '{Noun(section)}.'";
        if (Suggestions.Closest(code, codes) is { } closest) return $"did you mean '{Code(section, closest)}'?";
        foreach (var other in new[] { "finding", "lab", "condition", "medication", "allergy", "device", "procedure", "goal" })
            if (other != section && _vocabulary.TryGetFact(other + "." + code, out _))
                return $"'{Code(other, code)}' is a {Noun(other)}: put it in {Place(other)}";
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
        var root = CasePath.Root;
        if (patientCase.CaseId is { } caseId) CheckCaseId(caseId, new(Property(root, "caseId")));
        ValidatePatient(patientCase.Patient, Property(root, "patient"));
        ValidateFindings(patientCase.Findings, Property(root, "findings"));
        ValidateHistory(patientCase.History, Property(root, "history"));
        ValidateLabs(patientCase.Labs, Property(root, "labs"));
        if (patientCase.Goals is { } goals) ValidateCodes("goal", goals, Property(root, "goals"));
    }

    /// <summary>
    /// Checks a case id against <see cref="CaseIds"/>'s pattern (PR4011); an id that looks like an identifier is
    /// reported as one (PR4009).
    /// </summary>
    public void CheckCaseId(string caseId, Location at)
    {
        if (IsIdentifier(caseId, at)) return;
        if (CaseIds.IsValid(caseId)) return;
        Report(DiagnosticCodes.CaseIdNotOpaque, $"the caseId ({SafeText.Shape(caseId)}) is not an opaque label: {CaseIds.Rule}", at,
            $"use an opaque label: lower-case words and digits joined by '-'");
    }

    private void NotNull(SafeText what, CasePath path) =>
        Report(DiagnosticCodes.CaseWrongType, $"{what} must not be null", new(path), $"leave it out (or empty) when it is unknown");

    private void ValidatePatient(PatientInfo? patient, CasePath path)
    {
        if (patient is null) { NotNull($"patient", path); return; }
        if (patient.AgeYears is { } age)
            CheckNumber($"'patient.ageYears'", age, FactOf("patient.ageYears"), new(Property(path, "ageYears")));
        if (patient.Sex is { } sex)
            CheckWord($"'patient.sex'", sex, FactOf("patient.sex"), new(Property(path, "sex")));
    }

    private FactDefinition? FactOf(string name) => _vocabulary.TryGetFact(name, out var definition) ? definition : null;

    private void ValidateFindings(IReadOnlyDictionary<string, FactValue>? findings, CasePath path)
    {
        if (findings is null) { NotNull($"findings", path); return; }
        // Positions as ToJson writes the map: keys in ordinal order.
        var position = 0;
        foreach (var (code, value) in findings.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var at = new Location(Property(path, code, position++));
            if (IsIdentifierKey(code, path, at)) continue;
            var definition = CheckCode("finding", code, at);
            if (value is null)
            {
                Report(DiagnosticCodes.CaseWrongType, $"expected {(definition is null ? (SafeText)$"a value" : Expected(definition.Type))} for {Fact("finding", code)} but found null", at,
                    $"leave the finding out when it is unknown");
                continue;
            }
            if (definition is not null) CheckFindingValue(code, definition, value, at);
        }
    }

    private void ValidateLabs(IReadOnlyDictionary<string, double>? labs, CasePath path)
    {
        if (labs is null) { NotNull($"labs", path); return; }
        var position = 0;
        foreach (var (code, value) in labs.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var at = new Location(Property(path, code, position++));
            if (IsIdentifierKey(code, path, at)) continue;
            var definition = CheckCode("lab", code, at);
            if (definition is not null || !double.IsFinite(value)) CheckNumber(Fact("lab", code), value, definition, at);
        }
    }

    private void ValidateHistory(CaseHistory? history, CasePath path)
    {
        if (history is null) { NotNull($"history", path); return; }
        if (history.Conditions is { } conditions) ValidateCodes("condition", conditions, Property(path, "conditions"));
        if (history.Medications is { } medications) ValidateMedications(medications, Property(path, "medications"));
        if (history.Allergies is { } allergies) ValidateCodes("allergy", allergies, Property(path, "allergies"));
        if (history.Devices is { } devices) ValidateCodes("device", devices, Property(path, "devices"));
        if (history.Procedures is { } procedures) ValidateProcedures(procedures, Property(path, "procedures"));
    }

    private void ValidateCodes(string section, IReadOnlyList<string> codes, CasePath path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var at = new Location(path.Index(i));
            if (codes[i] is not { } code) { Report(DiagnosticCodes.CaseWrongType, $"expected a string ({Noun(section)} code) at {at.Path} but found null", at); continue; }
            if (CheckCode(section, code, at) is not null) CheckDuplicate(seen, section, code, at);
        }
    }

    private void ValidateMedications(IReadOnlyList<MedicationEntry> medications, CasePath path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < medications.Count; i++)
        {
            var entryPath = path.Index(i);
            if (medications[i] is not { } medication) { NotNull($"a medication entry", entryPath); continue; }
            var code = ValidateEntryCode("medication", medication.Code, entryPath, seen);
            if (medication.LastDoseHoursAgo is { } hours)
                CheckAttribute("medication", "lastDoseHoursAgo", code, hours, new(Property(entryPath, "lastDoseHoursAgo")));
            if (medication.Dose is { } dose)
                CheckAttribute("medication", "dose", code, dose, new(Property(entryPath, "dose")));
            if (medication.Indication is { } indication)
                CheckAttribute("medication", "indication", code, indication, new(Property(entryPath, "indication")));
        }
    }

    private void ValidateProcedures(IReadOnlyList<ProcedureEntry> procedures, CasePath path)
    {
        for (var i = 0; i < procedures.Count; i++)
        {
            var entryPath = path.Index(i);
            if (procedures[i] is not { } procedure) { NotNull($"a procedure entry", entryPath); continue; }
            // The same procedure may appear more than once: each entry is a separate session.
            var code = ValidateEntryCode("procedure", procedure.Code, entryPath, seen: null);
            if (procedure.WeeksAgo is { } weeksAgo)
                CheckAttribute("procedure", "weeksAgo", code, weeksAgo, new(Property(entryPath, "weeksAgo")));
            if (procedure.ReliefPercent is { } reliefPercent)
                CheckAttribute("procedure", "reliefPercent", code, reliefPercent, new(Property(entryPath, "reliefPercent")));
            if (procedure.ReliefWeeks is { } reliefWeeks)
                CheckAttribute("procedure", "reliefWeeks", code, reliefWeeks, new(Property(entryPath, "reliefWeeks")));
        }
    }

    private string? ValidateEntryCode(string section, string? code, CasePath entryPath, HashSet<string>? seen)
    {
        var at = new Location(Property(entryPath, "code"));
        if (code is null)
        {
            Report(DiagnosticCodes.CaseWrongType, $"expected a string ({Noun(section)} code) for 'code' at {entryPath} but found null", at);
            return null;
        }
        if (CheckCode(section, code, at) is null) return null;
        if (seen is not null) CheckDuplicate(seen, section, code, at);
        return code;
    }
}
