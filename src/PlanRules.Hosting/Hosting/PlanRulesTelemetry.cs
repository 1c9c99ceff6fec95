namespace PlanRules.Hosting;

/// <summary>
/// The names of PlanRules' metrics and traces, for a host to subscribe to them, e.g. with OpenTelemetry:
/// <c>.WithMetrics(m =&gt; m.AddMeter(PlanRulesTelemetry.MeterName))</c> and
/// <c>.WithTracing(t =&gt; t.AddSource(PlanRulesTelemetry.ActivitySourceName))</c>.
/// </summary>
/// <remarks>
/// Instruments and activities carry rule-set identity (key, name, version), counts and exception type names only,
/// never a value from a case (no case id, no code, no measurement). The meter is created through the container's
/// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> when one is registered (any host registers one).
/// </remarks>
public static class PlanRulesTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>PlanRules</c>.</summary>
    public const string MeterName = "PlanRules";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>PlanRules</c>.</summary>
    public const string ActivitySourceName = "PlanRules";

    /// <summary>The activity started for each plan: <c>planrules.plan</c>.</summary>
    public const string PlanActivityName = "planrules.plan";

    /// <summary>Counter of plans made (unit <c>{plan}</c>).</summary>
    public const string PlansInstrument = "planrules.plans";

    /// <summary>Counter of plans that failed with an exception (unit <c>{plan}</c>; tag <see cref="ErrorTypeTag"/>).</summary>
    public const string PlanFailuresInstrument = "planrules.plan.failures";

    /// <summary>Histogram of the time to make a plan, in milliseconds (unit <c>ms</c>).</summary>
    public const string PlanDurationInstrument = "planrules.plan.duration";

    /// <summary>Observable gauge of the rules in each loaded rule set (unit <c>{rule}</c>; tagged with its name and version).</summary>
    public const string RuleSetRulesInstrument = "planrules.ruleset.rules";

    /// <summary>Counter of completed reloads (unit <c>{reload}</c>; tag <see cref="ReloadOutcomeTag"/>).</summary>
    public const string ReloadsInstrument = "planrules.ruleset.reloads";

    /// <summary>Counter of reloads that failed, the previous rule set still serving (unit <c>{reload}</c>).</summary>
    public const string ReloadFailuresInstrument = "planrules.ruleset.reload.failures";

    /// <summary>Tag: the key of a keyed rule set (<c>AddPlanRules("pain", …)</c>); absent for the default rule set.</summary>
    public const string RuleSetKeyTag = "planrules.ruleset.key";

    /// <summary>Tag: the rule set's name.</summary>
    public const string RuleSetNameTag = "planrules.ruleset.name";

    /// <summary>Tag: the rule set's version.</summary>
    public const string RuleSetVersionTag = "planrules.ruleset.version";

    /// <summary>Activity tag: the number of candidate procedures in the plan.</summary>
    public const string CandidatesTag = "planrules.plan.candidates";

    /// <summary>Activity tag: the number of excluded procedures in the plan.</summary>
    public const string ExcludedTag = "planrules.plan.excluded";

    /// <summary>Tag: the outcome of a reload: <c>changed</c>, <c>unchanged</c> or <c>failed</c>.</summary>
    public const string ReloadOutcomeTag = "planrules.reload.outcome";

    /// <summary>Tag: the full name of the exception type of a failed plan (never its message).</summary>
    public const string ErrorTypeTag = "error.type";
}
