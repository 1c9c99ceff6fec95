namespace PlanRules.Rules;

/// <summary>How a fact or attribute is compared. See <c>rules/README.md</c>.</summary>
public enum ComparisonOperator
{
    /// <summary>Equals the value.</summary>
    Is,
    /// <summary>Is known and differs from the value.</summary>
    IsNot,
    /// <summary>Is one of the values.</summary>
    In,
    /// <summary>≥ the value.</summary>
    AtLeast,
    /// <summary>≤ the value.</summary>
    AtMost,
    /// <summary>&gt; the value.</summary>
    Above,
    /// <summary>&lt; the value.</summary>
    Below,
    /// <summary>Between two values, inclusive.</summary>
    Between,
    /// <summary>Whether the fact is present (<c>true</c>) or absent (<c>false</c>); never unknown itself.</summary>
    Known,
}
