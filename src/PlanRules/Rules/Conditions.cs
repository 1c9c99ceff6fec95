namespace PlanRules.Rules;

/// <summary>A rule's condition, as written in its file. Immutable. See <c>rules/README.md</c>.</summary>
public abstract record Condition
{
    /// <summary>Where the condition stands.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>Every part holds.</summary>
public sealed record AllCondition(IReadOnlyList<Condition> Parts) : Condition;

/// <summary>At least one part holds.</summary>
public sealed record AnyCondition(IReadOnlyList<Condition> Parts) : Condition;

/// <summary>The part does not hold (unknown stays unknown).</summary>
public sealed record NotCondition(Condition Part) : Condition;

/// <summary>Always holds (only for rules that apply to candidates).</summary>
public sealed record AlwaysCondition : Condition;

/// <summary>A comparison of a single-value fact (<c>patient.*</c>, <c>finding.*</c>, <c>lab.*</c>).</summary>
/// <param name="Fact">The fact's full name.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Operands">One value, two for <see cref="ComparisonOperator.Between"/>, several for <see cref="ComparisonOperator.In"/>.</param>
public sealed record FactCondition(string Fact, ComparisonOperator Operator, IReadOnlyList<Operand> Operands) : Condition
{
    /// <summary>
    /// <c>known</c> on a list entry (<c>condition.renal_impairment</c>): whether the case records that list at all,
    /// rather than whether a single value is present.
    /// </summary>
    internal bool AsksWhetherListIsKnown =>
        Operator == ComparisonOperator.Known && Vocabulary.ListSections.Contains(ListSection);

    /// <summary>The section of the fact (<c>condition</c> for <c>condition.renal_impairment</c>).</summary>
    internal string ListSection => Fact.IndexOf('.') is var i and > 0 ? Fact[..i] : Fact;
}

/// <summary>How many entries of a history list match a filter.</summary>
/// <param name="List">A list fact (<c>procedure.mbb.lumbar</c>) or a prefix ending in <c>.*</c>.</param>
/// <param name="Where">The filter on the entries' attributes, or <c>null</c> for every entry.</param>
/// <param name="Operator"><see cref="CountOperator.AtLeast"/> or <see cref="CountOperator.AtMost"/>.</param>
/// <param name="Count">The count compared with.</param>
public sealed record QuantifierCondition(string List, EntryFilter? Where, CountOperator Operator, Operand Count) : Condition
{
    /// <summary>The list section, e.g. <c>procedure</c>.</summary>
    public string Section => List[..List.IndexOf('.')];

    /// <summary>The code or code prefix without the section, e.g. <c>mbb.lumbar</c> or <c>esi.lumbar.</c> for a prefix.</summary>
    public string CodePattern => List[(List.IndexOf('.') + 1)..].TrimEnd('*');

    /// <summary>Whether <see cref="List"/> ends in <c>.*</c>.</summary>
    public bool IsPrefix => List.EndsWith(".*", StringComparison.Ordinal);

    /// <summary>
    /// Further lists of the same section whose entries count together with <see cref="List"/>'s
    /// (written <c>"count": ["procedure.esi.lumbar.*", "procedure.esi.caudal"]</c>); empty for one list.
    /// </summary>
    public IReadOnlyList<string> AlsoLists { get; init; } = [];

    /// <summary><see cref="List"/> and <see cref="AlsoLists"/>.</summary>
    public IReadOnlyList<string> AllLists => [List, .. AlsoLists];
}

/// <summary>Count comparisons of a <see cref="QuantifierCondition"/>.</summary>
public enum CountOperator
{
    /// <summary>At least N entries match (<c>exists</c> is at least 1).</summary>
    AtLeast,
    /// <summary>At most N entries match.</summary>
    AtMost,
}

/// <summary>A filter on the attributes of history entries. Immutable.</summary>
public abstract record EntryFilter;

/// <summary>Every part holds.</summary>
public sealed record AllEntryFilter(IReadOnlyList<EntryFilter> Parts) : EntryFilter;

/// <summary>At least one part holds.</summary>
public sealed record AnyEntryFilter(IReadOnlyList<EntryFilter> Parts) : EntryFilter;

/// <summary>The part does not hold.</summary>
public sealed record NotEntryFilter(EntryFilter Part) : EntryFilter;

/// <summary>A comparison of one attribute, e.g. <c>reliefPercent atLeast 80</c>.</summary>
public sealed record AttributeFilter(string Attribute, ComparisonOperator Operator, IReadOnlyList<Operand> Operands) : EntryFilter;
