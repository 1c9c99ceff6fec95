namespace PlanRules.Rules;

/// <summary>Plain-language patient education about an intervention. Immutable.</summary>
/// <param name="What">What it is.</param>
/// <param name="Why">Why it may help.</param>
/// <param name="Expect">What to expect, realistically.</param>
/// <param name="Risks">The main risks.</param>
/// <param name="Recovery">Recovery.</param>
/// <param name="SelfCare">What the patient can do (active rehabilitation).</param>
public sealed record Education(string What, string Why, string Expect, string Risks, string Recovery, string SelfCare);
