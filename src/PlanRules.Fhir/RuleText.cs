using System.Globalization;
using System.Text.RegularExpressions;
using PlanRules.Rules;

namespace PlanRules.Fhir;

/// <summary>Rule titles with their <c>{parameter}</c> placeholders filled in. Stateless and thread-safe.</summary>
internal static partial class RuleText
{
    public static IReadOnlyDictionary<string, Rule> Index(RuleSet rules) =>
        rules.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The rule's title with parameter values, e.g. "… after 4 weeks of pain …".</summary>
    public static string Title(Rule rule, RuleSet rules) => Fill(rule.Title, rules);

    public static string Fill(string text, RuleSet rules) => Placeholder().Replace(text, m =>
        rules.Parameters.TryGetValue(m.Groups[1].Value, out var p) ? p.Value.ToString("0.##", CultureInfo.InvariantCulture) : m.Value);

    [GeneratedRegex(@"\{([a-z0-9][a-z0-9._-]*)\}")]
    private static partial Regex Placeholder();
}
