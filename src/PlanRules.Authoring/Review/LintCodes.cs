using PlanRules.Diagnostics;

namespace PlanRules.Review;

/// <summary>
/// Every code <see cref="RuleSetLinter"/> reports: the loader's (PR1xxx, PR2xxx, documented in <c>rules/README.md</c>)
/// and the static analysis (PR3xxx, documented in <c>src/PlanRules/Review/README.md</c>). Thread-safe.
/// </summary>
public static class LintCodes
{
    /// <summary>PR3001: a condition, or one of its alternatives, can never hold.</summary>
    public const string ConditionNeverHolds = "PR3001";

    /// <summary>PR3002: a rule duplicates another (same kind, same target, equivalent condition).</summary>
    public const string DuplicateRule = "PR3002";

    /// <summary>PR3003: a candidate rule that an absolute contraindication (or a plan-stopping referral) always excludes.</summary>
    public const string CandidateAlwaysExcluded = "PR3003";

    /// <summary>PR3004: a gap or an overlap between the numeric thresholds of rules proposing the same intervention.</summary>
    public const string ThresholdGapOrOverlap = "PR3004";

    /// <summary>PR3005: a parameter no rule uses.</summary>
    public const string UnusedParameter = "PR3005";

    /// <summary>PR3006: a vocabulary fact or attribute no rule reads.</summary>
    public const string UnreadVocabularyEntry = "PR3006";

    /// <summary>PR3007: an intervention no rule proposes.</summary>
    public const string InterventionNeverProposed = "PR3007";

    /// <summary>PR3008: a rule without rationale, evidence or status.</summary>
    public const string MissingReviewInformation = "PR3008";

    /// <summary>PR3009: a rule still in draft.</summary>
    public const string DraftRule = "PR3009";

    /// <summary>PR3010: a number written in a condition where a parameter belongs.</summary>
    public const string LiteralNumber = "PR3010";

    /// <summary>
    /// PR3011 (error): a rule marked approved without explicit sign-off — no <c>reviewedBy</c> naming a clinical lead
    /// (a role such as "clinical lead" is not a name), or no <c>reviewedOn</c> date.
    /// </summary>
    public const string ApprovedWithoutSignOff = "PR3011";

    /// <summary>Every code, loader codes first, in code order.</summary>
    public static IReadOnlyList<LintCode> All { get; } =
    [
        Loader("PR1001", "InvalidJson", "The file is not valid JSON.", "Fix the syntax at the position given."),
        Loader("PR1002", "WrongJsonType", "A value has the wrong JSON type.", "Use the type named in the message."),
        Loader("PR1003", "UnknownKey", "Unknown key.", "Remove it or use the suggested key."),
        Loader("PR1004", "MissingKey", "A required key is missing.", "Add it."),
        Loader("PR1005", "TooLarge", "The file is too large or too deeply nested.", "Split it; keep nesting under 64 levels."),
        Loader("PR1006", "MissingFile", "A required file is missing, or the directory does not exist.", "Add it."),
        Loader("PR1007", "NotAnAllowedWord", "A value is not one of the allowed words.", "Use one of the listed words."),
        Loader("PR1008", "UnusableNumber", "A number that is not finite (NaN, Infinity, 1e400) or larger than 2^53 in size.", "Write an ordinary decimal number."),
        Loader("PR2001", "UnknownFact", "Unknown fact.", "Use a vocabulary fact (suggestion given)."),
        Loader("PR2002", "UnknownIntervention", "Unknown intervention.", "Use a catalog intervention (suggestion given)."),
        Loader("PR2003", "UnknownParameter", "Unknown parameter.", "Define it in parameters.json."),
        Loader("PR2004", "TypeMismatch", "A comparison the fact's type does not support.", "Compare with a value of the fact's type."),
        Loader("PR2005", "UnknownWord", "A word that the fact does not allow.", "Use one of its words."),
        Loader("PR2006", "DuplicateId", "Duplicate id (rule, parameter, vocabulary or catalog entry, file).", "Rename one."),
        Loader("PR2007", "EmptyCondition", "Empty condition.", "Give it parts."),
        Loader("PR2008", "UnknownAttribute", "Unknown attribute in 'where'.", "Use an attribute of that list."),
        Loader("PR2009", "UnknownCatalogCode", "Unknown tag, bleeding-risk category, companion or referral code.", "Use a catalog entry."),
        Loader("PR2010", "TooComplex", "A condition too complex to compile (more than 64 alternatives).", "Split the rule."),
        Loader("PR2011", "OutOfRange", "A value outside the fact's range.", "Use a value in range."),
        Loader("PR2012", "UnknownMessageParameter", "A message names an unknown parameter {…}.", "Define the parameter or fix the name."),
        Loader("PR2013", "ListOrValueMismatch", "A quantifier over a single value, or a comparison on a list fact.", "Use exists/count for list facts, fact for single values."),
        new(ConditionNeverHolds, "ConditionNeverHolds", "A condition (or one alternative of it) can never hold: its parts contradict each other or a fact's range.",
            "Correct the contradicting comparisons; remove the alternative that can never hold.", DiagnosticSeverity.Warning),
        new(DuplicateRule, "DuplicateRule", "A rule duplicates another: same kind, same target and an equivalent condition.",
            "Delete one of the two rules, or merge what differs (message, evidence) into one.", DiagnosticSeverity.Warning),
        new(CandidateAlwaysExcluded, "CandidateAlwaysExcluded", "A candidate rule whose own condition implies an absolute contraindication (or a plan-stopping referral) of the intervention it proposes: it can never leave a candidate.",
            "Remove the candidate rule, or narrow the contraindication.", DiagnosticSeverity.Warning),
        new(ThresholdGapOrOverlap, "ThresholdGapOrOverlap", "Two rules proposing the same intervention split a number fact between them and leave values covered by neither (gap), or both include the same boundary or overlap with different strengths (overlap).",
            "Make the thresholds meet exactly: 'below N' in one rule and 'atLeast N' in the other.", DiagnosticSeverity.Warning),
        new(UnusedParameter, "UnusedParameter", "A parameter that no rule uses (in a condition, a title or a message).",
            "Use it in a rule, or remove it from parameters.json.", DiagnosticSeverity.Warning),
        new(UnreadVocabularyEntry, "UnreadVocabularyEntry", "A vocabulary fact or attribute that no rule reads.",
            "Use it in a rule, or remove it from vocabulary.json (cases may then not carry it).", DiagnosticSeverity.Warning),
        new(InterventionNeverProposed, "InterventionNeverProposed", "A catalog intervention that no candidate rule proposes.",
            "Add a candidate rule, or explain why it is only an earlier procedure.", DiagnosticSeverity.Warning),
        new(MissingReviewInformation, "MissingReviewInformation", "A rule without rationale, evidence or status.",
            "Add \"rationale\", \"evidence\" and \"status\".", DiagnosticSeverity.Warning),
        new(DraftRule, "DraftRule", "A rule still in draft (not yet approved by a clinical lead).",
            "Have a clinical lead review it; then set \"status\": \"approved\" with \"reviewedBy\" and \"reviewedOn\".", DiagnosticSeverity.Info),
        new(LiteralNumber, "LiteralNumber", "A number written in a condition where a named parameter belongs.",
            "Use a parameter of parameters.json (\"$name\"), adding one with unit and source if needed.", DiagnosticSeverity.Warning),
        new(ApprovedWithoutSignOff, "ApprovedWithoutSignOff", "A rule marked approved without explicit sign-off: no \"reviewedBy\" naming a clinical lead of the deploying clinic, or no \"reviewedOn\" date.",
            "Name the clinical lead who signed it off in \"reviewedBy\" and the date in \"reviewedOn\" (YYYY-MM-DD); until then keep \"status\": \"draft\".", DiagnosticSeverity.Error),
    ];

    /// <summary>Looks up a code; unknown codes (e.g. case codes) give <c>null</c>.</summary>
    public static LintCode? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return All.FirstOrDefault(c => c.Code == code);
    }

    private static LintCode Loader(string code, string name, string title, string fix) => new(code, name, title, fix, DiagnosticSeverity.Error);
}
