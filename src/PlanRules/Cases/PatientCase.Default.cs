using PlanRules.Rules;

namespace PlanRules.Cases;

public sealed partial record PatientCase
{
    /// <summary>
    /// Reads a case (<c>planrules.case/1</c>) and checks it against the vocabulary of the shipped rule set
    /// (the one <c>RuleSet.LoadDefault()</c> compiles; reading a case does not compile the rules). Never throws for bad content: the result carries every diagnostic with its
    /// JSON path and line, and no case when any is an error. Identifiers are refused and never echoed. Thread-safe.
    /// </summary>
    /// <param name="json">The case JSON.</param>
    public static CaseReadResult FromJson(string json) => FromJson(json, DefaultRuleFiles.Content.Vocabulary);
}
