namespace PlanRules.Rules;

/// <summary>One file of a rule set, wherever it came from (a directory, embedded resources, a database). Immutable.</summary>
/// <param name="Path">The path relative to the rule-set root, with '/' separators, e.g. <c>spine/epidural.json</c>.</param>
/// <param name="Content">The file's text.</param>
public sealed record RuleSourceFile(string Path, string Content);
