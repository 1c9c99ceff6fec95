namespace PlanRules.Benchmarks;

// The neutral model of a synthetic rule set: the generator builds it once, then each engine gets its own form of
// it (PlanRules: JSON rule files; RulesEngine: lambda expression strings; the hand-written evaluator: delegates).
// Only semantics that all three can express are generated (see benchmarks/README.md).

/// <summary>A synthetic rule's condition.</summary>
public abstract record SyntheticCondition;

/// <summary>Every part holds (<c>all</c>).</summary>
public sealed record AllOf(IReadOnlyList<SyntheticCondition> Parts) : SyntheticCondition;

/// <summary>At least one part holds (<c>any</c>).</summary>
public sealed record AnyOf(IReadOnlyList<SyntheticCondition> Parts) : SyntheticCondition;

/// <summary>The part does not hold (<c>not</c>).</summary>
public sealed record NotOf(SyntheticCondition Part) : SyntheticCondition;

/// <summary>Numeric comparisons.</summary>
public enum NumberOp
{
    /// <summary>≥.</summary>
    AtLeast,
    /// <summary>≤.</summary>
    AtMost,
    /// <summary>&gt;.</summary>
    Above,
    /// <summary>&lt;.</summary>
    Below,
    /// <summary>Value ≤ x ≤ Value2.</summary>
    Between,
}

/// <summary>A numeric comparison of a single-value fact; <paramref name="Parameter"/> names the rule-set parameter whose value is <paramref name="Value"/>, if any.</summary>
public sealed record NumberTest(string Fact, NumberOp Op, double Value, double Value2 = 0, string? Parameter = null) : SyntheticCondition;

/// <summary><c>is</c> (one word), <c>in</c> (several words) or, when <paramref name="Negated"/>, <c>isNot</c> (one word).</summary>
public sealed record WordTest(string Fact, IReadOnlyList<string> Words, bool Negated = false) : SyntheticCondition;

/// <summary><c>{ "fact": F, "is": true|false }</c> on a boolean single-value fact.</summary>
public sealed record BooleanTest(string Fact, bool Value) : SyntheticCondition;

/// <summary>The case lists the entry (<c>condition.x</c>, <c>allergy.x</c>, <c>device.x</c>, <c>goal.x</c>): written as <c>"is": true</c> or <c>exists</c>.</summary>
public sealed record HasEntry(string List, bool AsExists) : SyntheticCondition;

/// <summary>
/// A quantifier over <c>procedure.*</c> or <c>medication.*</c> entries: <c>count L where W atLeast|atMost N</c>, written as
/// <c>exists</c> when it is "at least 1". <paramref name="List"/> is a code (<c>procedure.mbb.lumbar</c>) or a prefix (<c>procedure.esi.*</c>).
/// </summary>
public sealed record CountEntries(string List, IReadOnlyList<AttributeTest> Where, bool AtLeast, int Count) : SyntheticCondition
{
    /// <summary><c>procedure</c> or <c>medication</c>.</summary>
    public string Section => List[..List.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The code, or the code prefix ending in '.' for <c>x.*</c>.</summary>
    public string CodePattern => List[(List.IndexOf('.', StringComparison.Ordinal) + 1)..].TrimEnd('*');

    /// <summary>Whether <see cref="List"/> ends in <c>.*</c>.</summary>
    public bool IsPrefix => List.EndsWith(".*", StringComparison.Ordinal);

    /// <summary>Whether the entry's code is selected by <see cref="List"/>.</summary>
    public bool Selects(string code) => IsPrefix ? code.StartsWith(CodePattern, StringComparison.Ordinal) : code == CodePattern;

    /// <summary>Written as <c>exists</c> (at least one).</summary>
    public bool IsExists => AtLeast && Count == 1;
}

/// <summary>A numeric test on an entry attribute (<c>reliefPercent</c>, <c>weeksAgo</c>, <c>lastDoseHoursAgo</c>).</summary>
public sealed record AttributeTest(string Attribute, NumberOp Op, double Value, string? Parameter = null);

/// <summary>The two kinds of synthetic rules.</summary>
public enum SyntheticRuleKind
{
    /// <summary>Proposes an intervention (stage 1).</summary>
    Candidate,
    /// <summary>Applies to proposed interventions selected by <see cref="SyntheticRule.AppliesTo"/> (stage 3).</summary>
    Contraindication,
}

/// <summary>The candidates a contraindication applies to (any part matches).</summary>
public sealed record SyntheticSelector(IReadOnlyList<string> Interventions, IReadOnlyList<string> BleedingRisk, IReadOnlyList<string> Tags);

/// <summary>One synthetic rule.</summary>
public sealed record SyntheticRule
{
    /// <summary>Unique id, e.g. <c>syn.candidate.00042</c>.</summary>
    public required string Id { get; init; }

    /// <summary>One line.</summary>
    public required string Title { get; init; }

    /// <summary>Candidate or contraindication.</summary>
    public required SyntheticRuleKind Kind { get; init; }

    /// <summary>The condition.</summary>
    public required SyntheticCondition When { get; init; }

    /// <summary>The proposed intervention (candidate).</summary>
    public string? Intervention { get; init; }

    /// <summary><c>recommended</c> or <c>consider</c> (candidate).</summary>
    public string? Strength { get; init; }

    /// <summary>What a contraindication applies to.</summary>
    public SyntheticSelector? AppliesTo { get; init; }

    /// <summary>
    /// The intervention codes <see cref="AppliesTo"/> selects, resolved against the catalog (codes, <c>x.*</c>
    /// prefixes, tags and bleeding-risk categories; the synthetic sets have no bleeding-risk modifier, so a
    /// candidate's effective category is its catalog category).
    /// </summary>
    public IReadOnlySet<string> AppliesToCodes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary><c>absolute</c> or <c>relative</c> (contraindication).</summary>
    public string? Severity { get; init; }
}

/// <summary>One entry of <c>history.medications</c>.</summary>
public sealed record SyntheticMedication(string Code, double LastDoseHoursAgo);

/// <summary>One entry of <c>history.procedures</c>.</summary>
public sealed record SyntheticProcedure(string Code, double WeeksAgo, double ReliefPercent, double ReliefWeeks);

/// <summary>
/// A complete synthetic case: every scalar fact of <see cref="SyntheticFacts.Scalars"/> has a value and every
/// history list is present (possibly empty), so that nothing is unknown.
/// </summary>
public sealed record SyntheticCase
{
    /// <summary>Label.</summary>
    public required string Id { get; init; }

    /// <summary>Numeric facts by full name (<c>patient.ageYears</c>, <c>finding.pain.nrs</c>, <c>lab.inr</c>).</summary>
    public required IReadOnlyDictionary<string, double> Numbers { get; init; }

    /// <summary>Word facts by full name.</summary>
    public required IReadOnlyDictionary<string, string> Words { get; init; }

    /// <summary>Boolean facts by full name.</summary>
    public required IReadOnlyDictionary<string, bool> Booleans { get; init; }

    /// <summary>Codes of <c>history.conditions</c>.</summary>
    public required IReadOnlyList<string> Conditions { get; init; }

    /// <summary>Codes of <c>history.allergies</c>.</summary>
    public required IReadOnlyList<string> Allergies { get; init; }

    /// <summary>Codes of <c>history.devices</c>.</summary>
    public required IReadOnlyList<string> Devices { get; init; }

    /// <summary>Codes of <c>goals</c>.</summary>
    public required IReadOnlyList<string> Goals { get; init; }

    /// <summary><c>history.medications</c>.</summary>
    public required IReadOnlyList<SyntheticMedication> Medications { get; init; }

    /// <summary><c>history.procedures</c>.</summary>
    public required IReadOnlyList<SyntheticProcedure> Procedures { get; init; }

    /// <summary>The codes of a code-list section (<c>condition</c>, <c>allergy</c>, <c>device</c>, <c>goal</c>, <c>medication</c>).</summary>
    public IEnumerable<string> CodesOf(string section) => section switch
    {
        "condition" => Conditions,
        "allergy" => Allergies,
        "device" => Devices,
        "goal" => Goals,
        "medication" => Medications.Select(m => m.Code),
        "procedure" => Procedures.Select(p => p.Code),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "not a list section"),
    };
}
