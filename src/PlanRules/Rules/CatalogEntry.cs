namespace PlanRules.Rules;

/// <summary>A companion or referral of the catalog. Immutable.</summary>
/// <param name="Code">The code, e.g. <c>rehab.home_exercise</c>.</param>
/// <param name="Name">The name.</param>
/// <param name="Message">The plain-language message a plan shows.</param>
public sealed record CatalogEntry(string Code, string Name, string Message);
