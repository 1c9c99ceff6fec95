namespace PlanRules.Rules;

/// <summary>What a rule contributes to a plan. See <c>rules/README.md</c>.</summary>
public enum RuleKind
{
    /// <summary>Proposes an intervention.</summary>
    Candidate,
    /// <summary>Excludes (absolute) or warns about (relative) the candidates it applies to.</summary>
    Contraindication,
    /// <summary>A warning on candidates or on the plan, optionally with a prerequisite.</summary>
    Warning,
    /// <summary>Something that must happen before a candidate.</summary>
    Prerequisite,
    /// <summary>Asks for a fact that is needed.</summary>
    MissingInformation,
    /// <summary>A referral; a red flag stops the plan.</summary>
    Referral,
    /// <summary>A non-interventional part of the plan.</summary>
    Companion,
    /// <summary>A patient-reported outcome check.</summary>
    FollowUp,
    /// <summary>Raises low- and intermediate-risk candidates one bleeding-risk category.</summary>
    BleedingRiskModifier,
    /// <summary>Shapes ranking and explanation from the patient's goals.</summary>
    Preference,
}
