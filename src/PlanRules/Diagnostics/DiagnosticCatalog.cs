namespace PlanRules.Diagnostics;

/// <summary>
/// One diagnostic code as the catalogue describes it: what a reader of a message, a SARIF viewer or the documentation
/// needs. Immutable.
/// </summary>
/// <param name="Code">The code, e.g. <c>PR3001</c>.</param>
/// <param name="Name">A short PascalCase name, e.g. <c>ConditionNeverHolds</c>.</param>
/// <param name="DefaultSeverity">The severity it is reported with.</param>
/// <param name="Title">One line: what it finds.</param>
/// <param name="Help">What usually fixes it.</param>
public sealed record DiagnosticDescriptor(string Code, string Name, DiagnosticSeverity DefaultSeverity, string Title, string Help)
{
    /// <summary>The family of the code: rule files, rule content, lint, cases or internal.</summary>
    public string Area => Code switch
    {
        DiagnosticCodes.InternalCompileFailure => "internal",
        _ when Code.StartsWith("PR1", StringComparison.Ordinal) => "rule files",
        _ when Code.StartsWith("PR2", StringComparison.Ordinal) => "rule content",
        _ when Code.StartsWith("PR3", StringComparison.Ordinal) => "lint",
        _ => "cases",
    };
}

/// <summary>
/// Every diagnostic code PlanRules reports, by name. Code that reports a diagnostic names it through these constants,
/// and <see cref="DiagnosticCatalog"/> describes each one (a test keeps them in step).
/// </summary>
public static class DiagnosticCodes
{
#pragma warning disable CS1591 // each constant is described in DiagnosticCatalog.All, the one place for its text
    public const string InvalidJson = "PR1001";
    public const string WrongJsonType = "PR1002";
    public const string UnknownKey = "PR1003";
    public const string MissingKey = "PR1004";
    public const string TooLarge = "PR1005";
    public const string MissingFile = "PR1006";
    public const string NotAnAllowedWord = "PR1007";
    public const string UnusableNumber = "PR1008";
    public const string UnknownFact = "PR2001";
    public const string UnknownIntervention = "PR2002";
    public const string UnknownParameter = "PR2003";
    public const string TypeMismatch = "PR2004";
    public const string UnknownWord = "PR2005";
    public const string DuplicateId = "PR2006";
    public const string EmptyCondition = "PR2007";
    public const string UnknownAttribute = "PR2008";
    public const string UnknownCatalogCode = "PR2009";
    public const string TooComplex = "PR2010";
    public const string OutOfRange = "PR2011";
    public const string UnknownMessageParameter = "PR2012";
    public const string ListOrValueMismatch = "PR2013";
    public const string InternalCompileFailure = "PR2099";
    public const string ConditionNeverHolds = "PR3001";
    public const string DuplicateRule = "PR3002";
    public const string CandidateAlwaysExcluded = "PR3003";
    public const string ThresholdGapOrOverlap = "PR3004";
    public const string UnusedParameter = "PR3005";
    public const string UnreadVocabularyEntry = "PR3006";
    public const string InterventionNeverProposed = "PR3007";
    public const string MissingReviewInformation = "PR3008";
    public const string DraftRule = "PR3009";
    public const string LiteralNumber = "PR3010";
    public const string ApprovedWithoutSignOff = "PR3011";
    public const string InvalidCaseJson = "PR4001";
    public const string CaseWrongType = "PR4002";
    public const string UnknownCaseKey = "PR4003";
    public const string UnknownCaseCode = "PR4004";
    public const string NotAnAllowedCaseWord = "PR4005";
    public const string CaseValueOutOfRange = "PR4006";
    public const string UnsupportedCaseSchema = "PR4007";
    public const string DuplicateCaseCode = "PR4008";
    public const string DirectIdentifier = "PR4009";
    public const string CaseTooLarge = "PR4010";
    public const string CaseIdNotOpaque = "PR4011";
#pragma warning restore CS1591
}

/// <summary>
/// The one catalogue of diagnostic codes: code, name, severity, title and help. The documentation's table of codes,
/// the SARIF rule descriptions and the messages' codes all come from here. Thread-safe.
/// </summary>
public static class DiagnosticCatalog
{
    /// <summary>Every code, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        Error(DiagnosticCodes.InvalidJson, nameof(DiagnosticCodes.InvalidJson), "A rule file is not valid JSON (RFC 8259).", "Fix the syntax at the position given."),
        Error(DiagnosticCodes.WrongJsonType, nameof(DiagnosticCodes.WrongJsonType), "A value in a rule file has the wrong JSON type (e.g. a string where an object is expected).", "Use the type named in the message."),
        Error(DiagnosticCodes.UnknownKey, nameof(DiagnosticCodes.UnknownKey), "Unknown key in a rule file.", "Remove it or use the suggested key."),
        Error(DiagnosticCodes.MissingKey, nameof(DiagnosticCodes.MissingKey), "A required key is missing.", "Add it."),
        Error(DiagnosticCodes.TooLarge, nameof(DiagnosticCodes.TooLarge), "A rule file is too large or too deeply nested.", "Split it; keep nesting under 64 levels."),
        Error(DiagnosticCodes.MissingFile, nameof(DiagnosticCodes.MissingFile), "A required file (ruleset.json, vocabulary.json, parameters.json, catalog.json) is missing, the folder does not exist, or an entry of it cannot be read.", "Add the file, or fix the folder."),
        Error(DiagnosticCodes.NotAnAllowedWord, nameof(DiagnosticCodes.NotAnAllowedWord), "A value is not one of the allowed words (kind, strength, severity, status, type, …).", "Use one of the listed words."),
        Error(DiagnosticCodes.UnusableNumber, nameof(DiagnosticCodes.UnusableNumber), "A number that is not finite (NaN, Infinity, 1e400) or larger than 2^53 in size; the file is not used.", "Write an ordinary decimal number."),
        Error(DiagnosticCodes.UnknownFact, nameof(DiagnosticCodes.UnknownFact), "Unknown fact.", "Use a vocabulary fact (a suggestion is given)."),
        Error(DiagnosticCodes.UnknownIntervention, nameof(DiagnosticCodes.UnknownIntervention), "Unknown intervention.", "Use a catalog intervention (a suggestion is given)."),
        Error(DiagnosticCodes.UnknownParameter, nameof(DiagnosticCodes.UnknownParameter), "Unknown parameter.", "Define it in parameters.json."),
        Error(DiagnosticCodes.TypeMismatch, nameof(DiagnosticCodes.TypeMismatch), "A comparison the fact's type does not support (a word compared with a number, …).", "Compare with a value of the fact's type."),
        Error(DiagnosticCodes.UnknownWord, nameof(DiagnosticCodes.UnknownWord), "A word that the fact does not allow.", "Use one of its words."),
        Error(DiagnosticCodes.DuplicateId, nameof(DiagnosticCodes.DuplicateId), "Duplicate id (rule, parameter, vocabulary or catalog entry, file).", "Rename one."),
        Error(DiagnosticCodes.EmptyCondition, nameof(DiagnosticCodes.EmptyCondition), "Empty condition (all/any without parts, no operator, \"always\" without appliesTo).", "Give it parts."),
        Error(DiagnosticCodes.UnknownAttribute, nameof(DiagnosticCodes.UnknownAttribute), "Unknown attribute in 'where'.", "Use an attribute of that list."),
        Error(DiagnosticCodes.UnknownCatalogCode, nameof(DiagnosticCodes.UnknownCatalogCode), "Unknown tag, bleeding-risk category, companion or referral code.", "Use a catalog entry."),
        Error(DiagnosticCodes.TooComplex, nameof(DiagnosticCodes.TooComplex), "A condition too complex to compile (more than 64 alternatives after expansion).", "Split the rule."),
        Error(DiagnosticCodes.OutOfRange, nameof(DiagnosticCodes.OutOfRange), "A value outside the fact's range (e.g. NRS 11).", "Use a value in range."),
        Error(DiagnosticCodes.UnknownMessageParameter, nameof(DiagnosticCodes.UnknownMessageParameter), "A message names an unknown parameter {…}.", "Define the parameter or fix the name."),
        Error(DiagnosticCodes.ListOrValueMismatch, nameof(DiagnosticCodes.ListOrValueMismatch), "A quantifier over a fact that is not a list, or a comparison on a list fact.", "Use exists/count for list facts, fact for single values."),
        Error(DiagnosticCodes.InternalCompileFailure, nameof(DiagnosticCodes.InternalCompileFailure), "Internal: a rule that passed validation could not be compiled onto NRules, or loading failed unexpectedly (a defect of PlanRules, reported instead of crashing; hosting keeps the last good rule set).", "Report it, with the rule."),
        Warning(DiagnosticCodes.ConditionNeverHolds, nameof(DiagnosticCodes.ConditionNeverHolds), "A condition (or one alternative of it) can never hold: its parts contradict each other or a fact's range.", "Correct the contradicting comparisons; remove the alternative that can never hold."),
        Warning(DiagnosticCodes.DuplicateRule, nameof(DiagnosticCodes.DuplicateRule), "A rule duplicates another: same kind, same target and an equivalent condition.", "Delete one of the two rules, or merge what differs (message, evidence) into one."),
        Warning(DiagnosticCodes.CandidateAlwaysExcluded, nameof(DiagnosticCodes.CandidateAlwaysExcluded), "A candidate rule whose own condition implies an absolute contraindication (or a plan-stopping referral) of the intervention it proposes: it can never leave a candidate.", "Remove the candidate rule, or narrow the contraindication."),
        Warning(DiagnosticCodes.ThresholdGapOrOverlap, nameof(DiagnosticCodes.ThresholdGapOrOverlap), "Two rules proposing the same intervention split a number fact between them and leave values covered by neither (gap), or both include the same boundary or overlap with different strengths (overlap).", "Make the thresholds meet exactly: 'below N' in one rule and 'atLeast N' in the other."),
        Warning(DiagnosticCodes.UnusedParameter, nameof(DiagnosticCodes.UnusedParameter), "A parameter that no rule uses (in a condition, a title or a message).", "Use it in a rule, or remove it from parameters.json."),
        Warning(DiagnosticCodes.UnreadVocabularyEntry, nameof(DiagnosticCodes.UnreadVocabularyEntry), "A vocabulary fact or attribute that no rule reads.", "Use it in a rule, or remove it from vocabulary.json (cases may then not carry it)."),
        Warning(DiagnosticCodes.InterventionNeverProposed, nameof(DiagnosticCodes.InterventionNeverProposed), "A catalog intervention that no candidate rule proposes.", "Add a candidate rule, or explain why it is only an earlier procedure."),
        Warning(DiagnosticCodes.MissingReviewInformation, nameof(DiagnosticCodes.MissingReviewInformation), "A rule without rationale, evidence or status.", "Add \"rationale\", \"evidence\" and \"status\"."),
        new(DiagnosticCodes.DraftRule, nameof(DiagnosticCodes.DraftRule), DiagnosticSeverity.Info, "A rule still in draft (not yet signed off by a clinical lead).", "Have a clinical lead review it; then set \"status\": \"approved\" with \"reviewedBy\" and \"reviewedOn\"."),
        Warning(DiagnosticCodes.LiteralNumber, nameof(DiagnosticCodes.LiteralNumber), "A number written in a condition where a named parameter belongs.", "Use a parameter of parameters.json (\"$name\"), adding one with unit and source if needed."),
        Error(DiagnosticCodes.ApprovedWithoutSignOff, nameof(DiagnosticCodes.ApprovedWithoutSignOff), "A rule marked approved without explicit sign-off: no \"reviewedBy\" naming a clinical lead of the deploying clinic, or no \"reviewedOn\" date.", "Name the clinical lead who signed it off in \"reviewedBy\" and the date in \"reviewedOn\" (YYYY-MM-DD); until then keep \"status\": \"draft\"."),
        Error(DiagnosticCodes.InvalidCaseJson, nameof(DiagnosticCodes.InvalidCaseJson), "The case is not valid JSON (RFC 8259): comments, trailing commas, single quotes, NaN/Infinity or constructors are refused.", "Fix the syntax at the position given."),
        Error(DiagnosticCodes.CaseWrongType, nameof(DiagnosticCodes.CaseWrongType), "A case value has the wrong JSON type.", "Use the type named in the message."),
        Error(DiagnosticCodes.UnknownCaseKey, nameof(DiagnosticCodes.UnknownCaseKey), "Unknown key in a case (shown by position, never by name).", "Remove it or use the suggested key."),
        Error(DiagnosticCodes.UnknownCaseCode, nameof(DiagnosticCodes.UnknownCaseCode), "Unknown code in a case (finding, condition, medication, allergy, device, procedure, goal).", "Use a vocabulary code (a suggestion is given when one is close)."),
        Error(DiagnosticCodes.NotAnAllowedCaseWord, nameof(DiagnosticCodes.NotAnAllowedCaseWord), "A word the fact does not allow, or an expectation that is not code-shaped (the value is described by its shape, never shown).", "Use one of the fact's words; name codes in expectations."),
        Error(DiagnosticCodes.CaseValueOutOfRange, nameof(DiagnosticCodes.CaseValueOutOfRange), "A case value out of the fact's range.", "Correct the value."),
        Error(DiagnosticCodes.UnsupportedCaseSchema, nameof(DiagnosticCodes.UnsupportedCaseSchema), "Unsupported or missing 'schema'.", "Use \"planrules.case/1\"."),
        Error(DiagnosticCodes.DuplicateCaseCode, nameof(DiagnosticCodes.DuplicateCaseCode), "The same code listed twice in a case.", "List it once."),
        Error(DiagnosticCodes.DirectIdentifier, nameof(DiagnosticCodes.DirectIdentifier), "A direct identifier (name, record number, date of birth, address, phone, e-mail, national id) in a case; the value is never shown.", "Remove it: cases must be anonymized."),
        Error(DiagnosticCodes.CaseTooLarge, nameof(DiagnosticCodes.CaseTooLarge), "The case is too large (over 4 MiB) or too deeply nested (over 64 levels).", "Shorten it."),
        Error(DiagnosticCodes.CaseIdNotOpaque, nameof(DiagnosticCodes.CaseIdNotOpaque), "'caseId' is not an opaque label: 1 to 128 lower-case letters a-z and digits in groups joined by single '-', '_' or '.', not looking like an identifier; the id is never shown.", "Use an opaque label such as case-0001."),
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>The descriptor of <paramref name="code"/>, or <c>null</c> for a code the catalogue does not know.</summary>
    /// <param name="code">A code such as <c>PR3001</c>.</param>
    public static DiagnosticDescriptor? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.GetValueOrDefault(code);
    }

    private static DiagnosticDescriptor Error(string code, string name, string title, string help) => new(code, name, DiagnosticSeverity.Error, title, help);

    private static DiagnosticDescriptor Warning(string code, string name, string title, string help) => new(code, name, DiagnosticSeverity.Warning, title, help);
}
