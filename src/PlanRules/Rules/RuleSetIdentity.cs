namespace PlanRules.Rules;

/// <summary>The identity every plan carries: name, version and the SHA-256 of the rule set's content. Immutable.</summary>
/// <param name="Name">The rule set's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sha256">Lower-case hex SHA-256 over every file (sorted by path, line endings normalised).</param>
public sealed record RuleSetIdentity(string Name, string Version, string Sha256);
