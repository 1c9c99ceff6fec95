using PlanRules.Cases;
using PlanRules.Engine;
using PlanRules.Rules;

namespace PlanRules.Plans;

/// <summary>
/// Names the facts a plan shows as the case's concrete facts, never a rule's pattern: a list pattern such as
/// <c>condition.diabetes.*</c> becomes the entries of the case that match it (<c>condition.diabetes.type2</c>), or,
/// when there are none to name, the history list itself (<c>history.conditions</c>). Also reads the case's screening
/// facts. One per evaluation; not thread-safe.
/// </summary>
internal sealed class FactNames
{
    private readonly CompiledRuleSet _rules;
    private readonly CaseFacts _facts;
    private readonly Dictionary<CompiledVariant, IReadOnlyList<string>> _about = [];

    public FactNames(CompiledRuleSet rules, CaseFacts facts)
    {
        _rules = rules;
        _facts = facts;
    }

    /// <summary>Whether a name is a pattern (contains <c>*</c>).</summary>
    public static bool IsPattern(string name) => name.Contains('*', StringComparison.Ordinal);

    /// <summary>The name of the history list of a section in a case: <c>history.conditions</c>, …, <c>goals</c>.</summary>
    public static string ListName(string section) => section switch
    {
        "condition" => "history.conditions",
        "medication" => "history.medications",
        "allergy" => "history.allergies",
        "device" => "history.devices",
        "procedure" => "history.procedures",
        "goal" => "goals",
        _ => "history",
    };

    /// <summary>The facts an alternative reads, with patterns resolved to the case's entries that surely match them.</summary>
    public IReadOnlyList<string> About(CompiledVariant variant)
    {
        if (_about.TryGetValue(variant, out var about)) return about;
        if (!variant.About.Any(IsPattern)) return _about[variant] = variant.About;
        var result = new List<string>();
        foreach (var name in variant.About)
        {
            if (!IsPattern(name)) result.Add(name);
            else
            {
                var matching = Matching(variant, name).Select(m => m.Fact).ToArray();
                result.AddRange(matching.Length > 0 ? matching : [ListName(name[..name.IndexOf('.', StringComparison.Ordinal)])]);
            }
        }
        return _about[variant] = result.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The case's entries that surely match the quantifier of <paramref name="variant"/> on <paramref name="pattern"/>, by entry name with their count.</summary>
    public IEnumerable<(string Fact, int Count)> Matching(CompiledVariant variant, string pattern)
    {
        var literal = variant.Literals.FirstOrDefault(l => l.Leaf is QuantifierCondition && l.FactName == pattern);
        if (literal is null) return [];
        return _rules.Probe(literal).Entries(_facts, definite: true)
            .GroupBy(e => e.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .ToArray();
    }

    /// <summary>
    /// The missing facts an unknown literal stands for: the fact itself; for a list pattern, the entries that may
    /// match but are not known to (an attribute is unknown), or the list name with the pattern as detail.
    /// </summary>
    public IEnumerable<(string Fact, string? Detail)> Unknown(Literal literal)
    {
        if (literal.Leaf is not QuantifierCondition q || !q.AllLists.Any(IsPattern))
        {
            yield return (literal.FactName, null);
            yield break;
        }
        var detail = Detail(q);
        if (_facts.IsListKnown(q.Section))
        {
            var probe = _rules.Probe(literal);
            var sure = probe.Entries(_facts, definite: true).ToHashSet();
            var open = probe.Entries(_facts, definite: false).Where(e => !sure.Contains(e)).Select(e => e.Name)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (open.Length > 0)
            {
                foreach (var name in open) yield return (name, null);
                yield break;
            }
        }
        yield return (ListName(q.Section), detail);
    }

    /// <summary>
    /// The lists of a quantifier as a plan's <c>detail</c> shows them: a pattern as its prefix without the star
    /// (<c>condition.diabetes.*</c> → <c>condition.diabetes.</c>), so that no <c>*</c> appears in a plan.
    /// </summary>
    public static string Detail(QuantifierCondition q) =>
        string.Join(", ", q.AllLists.Select(l => l.EndsWith(".*", StringComparison.Ordinal) ? l[..^1] : l));

    /// <summary>Whether the vocabulary marks a fact as a screening fact.</summary>
    public bool IsScreening(string fact) => _rules.Content.Vocabulary.TryGetFact(fact, out var definition) && definition.Screening;

    /// <summary>Every screening fact of the vocabulary, by name.</summary>
    public IEnumerable<string> ScreeningFacts() => _rules.Content.Vocabulary.Facts.Where(f => f.Screening).Select(f => f.Name);

    /// <summary>Every screening fact whose value the case records, by name.</summary>
    public IReadOnlyList<ScreeningFact> Screening()
    {
        var result = new List<ScreeningFact>();
        foreach (var definition in _rules.Content.Vocabulary.Facts.Where(f => f.Screening))
        {
            if (_facts.TryGetScalar(definition.Name, out var scalar)) result.Add(new ScreeningFact(definition.Name, scalar.Value));
            else if (Vocabulary.ListSections.Contains(definition.Section) && _facts.IsListKnown(definition.Section))
                result.Add(new ScreeningFact(definition.Name, FactValue.Boolean(_facts.EntriesOf(definition.Section).Any(e => e.Name == definition.Name))));
        }
        return result;
    }
}
