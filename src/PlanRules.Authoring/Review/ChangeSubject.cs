namespace PlanRules.Review;

/// <summary>What a <see cref="RuleSetChange"/> is about.</summary>
public enum ChangeSubject
{
    /// <summary>The rule set's name or version.</summary>
    RuleSet,
    /// <summary>A rule (by id).</summary>
    Rule,
    /// <summary>A parameter (by name).</summary>
    Parameter,
    /// <summary>A catalog intervention (by code).</summary>
    Intervention,
    /// <summary>A vocabulary fact (by name).</summary>
    Fact,
}
