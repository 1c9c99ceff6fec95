namespace PlanRules.Rules;

/// <summary>The validated content of a rule set, before compilation.</summary>
internal sealed record RuleSetContent(RuleSetIdentity Identity, Vocabulary Vocabulary, IReadOnlyDictionary<string, Parameter> Parameters, Catalog Catalog, IReadOnlyList<Rule> Rules);
