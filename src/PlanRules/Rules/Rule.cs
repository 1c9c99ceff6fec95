namespace PlanRules.Rules;

/// <summary>
/// One declarative rule of a rule set, as validated from its file. Kind-specific members are <c>null</c> for
/// other kinds. Immutable. See <c>rules/README.md</c> for the meaning of each kind.
/// </summary>
public sealed record Rule
{
    /// <summary>Unique id.</summary>
    public required string Id { get; init; }

    /// <summary>One line for reviewers.</summary>
    public required string Title { get; init; }

    /// <summary>What the rule contributes.</summary>
    public required RuleKind Kind { get; init; }

    /// <summary>When it applies.</summary>
    public required Condition When { get; init; }

    /// <summary>Where the rule stands (its <c>{</c>).</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Why it exists, in plain words.</summary>
    public string Rationale { get; init; } = "";

    /// <summary>Source citations.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary><c>draft</c> or <c>approved</c>.</summary>
    public string Status { get; init; } = "draft";

    /// <summary>The clinical lead who signed the rule off (<c>reviewedBy</c>), if anyone.</summary>
    public string? ReviewedBy { get; init; }

    /// <summary>The date of sign-off (<c>reviewedOn</c>, <c>YYYY-MM-DD</c>), if any.</summary>
    public string? ReviewedOn { get; init; }

    /// <summary>Whether unknown facts are listed as missing information.</summary>
    public bool ReportsUnknownFacts { get; init; }

    /// <summary>The proposed intervention (candidate).</summary>
    public string? Intervention { get; init; }

    /// <summary><c>recommended</c> or <c>consider</c> (candidate).</summary>
    public string? Strength { get; init; }

    /// <summary>The candidates the rule applies to, or <c>null</c> for a plan-level rule.</summary>
    public InterventionSelector? AppliesTo { get; init; }

    /// <summary><c>absolute</c>/<c>relative</c> (contraindication) or <c>critical</c>/<c>warning</c>/<c>info</c> (warning).</summary>
    public string? Severity { get; init; }

    /// <summary>The code of the warning or prerequisite produced.</summary>
    public string? Code { get; init; }

    /// <summary>The message, with parameters filled in.</summary>
    public string? Message { get; init; }

    /// <summary>The prerequisite code a warning carries, if any.</summary>
    public string? PrerequisiteCode { get; init; }

    /// <summary>The prerequisite message a warning carries, if any.</summary>
    public string? PrerequisiteMessage { get; init; }

    /// <summary>The fact requested (missing-information).</summary>
    public string? Fact { get; init; }

    /// <summary>The referral code (referral).</summary>
    public string? Referral { get; init; }

    /// <summary>Whether the referral stops the plan (referral).</summary>
    public bool StopsPlan { get; init; }

    /// <summary>The companion code (companion).</summary>
    public string? Companion { get; init; }

    /// <summary>The measured fact (follow-up).</summary>
    public string? Measure { get; init; }

    /// <summary>When to measure, in weeks (follow-up).</summary>
    public Operand? AfterWeeks { get; init; }

    /// <summary>
    /// The purpose set explicitly on a missing-information rule: <c>safety</c>, <c>screening</c> or
    /// <c>eligibility</c>; <c>null</c> to derive it.
    /// </summary>
    public string? Purpose { get; init; }

    /// <summary>Whether a follow-up rule is a restart check of a held medication (its measure is the medication fact).</summary>
    public bool Restart { get; init; }

    /// <summary>The ranking adjustment (preference).</summary>
    public Operand? Adjust { get; init; }

    /// <summary>The parameters the rule uses, by name.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];
}
