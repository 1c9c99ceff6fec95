namespace PlanRules.Engine;

/// <summary>Three-valued truth: a condition on an unknown fact is <see cref="Unknown"/>, never false.</summary>
internal enum Truth
{
    /// <summary>Known not to hold.</summary>
    False,
    /// <summary>Cannot be decided: a fact it needs is unknown.</summary>
    Unknown,
    /// <summary>Known to hold.</summary>
    True,
}
