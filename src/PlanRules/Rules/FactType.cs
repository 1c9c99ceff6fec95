namespace PlanRules.Rules;

/// <summary>The type of a vocabulary fact or attribute.</summary>
public enum FactType
{
    /// <summary>A number, optionally with a unit and a range.</summary>
    Number,
    /// <summary><c>true</c> or <c>false</c>; list memberships (conditions, medications, ...) are boolean.</summary>
    Boolean,
    /// <summary>One word from a fixed list.</summary>
    Word,
}
