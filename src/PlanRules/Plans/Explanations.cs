namespace PlanRules.Plans;

/// <summary>One condition of a rule, evaluated for a case: its sentence, its truth, and its parts. Immutable.</summary>
/// <param name="Text">The condition as a sentence, with parameter values.</param>
/// <param name="Truth"><c>held</c>, <c>failed</c> or <c>unknown</c> (a fact it needs is missing).</param>
/// <param name="Source">Where it stands (<c>file:line</c>).</param>
/// <param name="Parts">Its parts, for <c>all</c>, <c>any</c> and <c>not</c>.</param>
public sealed record ConditionExplanation(string Text, string Truth, string Source, IReadOnlyList<ConditionExplanation> Parts);

/// <summary>A rule related to an intervention, evaluated for a case. Immutable.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">Its kind, e.g. <c>candidate</c>.</param>
/// <param name="Source">Where it stands.</param>
/// <param name="Outcome"><c>held</c>, <c>failed</c> or <c>unknown</c>.</param>
/// <param name="Condition">Its condition, evaluated.</param>
public sealed record RuleExplanation(string Rule, string Title, string Kind, string Source, string Outcome, ConditionExplanation Condition);

/// <summary>Why an intervention is a candidate, excluded, or absent from a case's plan. Immutable.</summary>
/// <param name="Intervention">The intervention code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status"><c>candidate</c>, <c>excluded</c> or <c>absent</c>.</param>
/// <param name="Summary">One paragraph in plain words.</param>
/// <param name="Rules">The rules that propose it, exclude it or apply to it, each evaluated.</param>
/// <param name="Plan">The plan the explanation is about.</param>
public sealed record InterventionExplanation(string Intervention, string Name, string Status, string Summary, IReadOnlyList<RuleExplanation> Rules, TreatmentPlan Plan);
