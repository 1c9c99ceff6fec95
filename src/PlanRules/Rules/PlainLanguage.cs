using System.Globalization;
using System.Text.RegularExpressions;
using PlanRules.Rules;

namespace PlanRules.Rules;

/// <summary>
/// Renders rule conditions as plain-language sentences for clinical reviewers, with the current value of every
/// parameter, e.g. <c>the pain has lasted at least 12 weeks ($facet.min_pain_weeks)</c> or
/// <c>takes apixaban (direct oral anticoagulant) with hours since the last dose below 72 hours ($antithrombotic.doac.hold_hours)</c>.
/// Richer than <see cref="ConditionText"/>: negations are pushed into the comparisons, labels drop a unit they
/// restate, list entries read as "has", "takes", "is recorded". Stateless and thread-safe.
/// </summary>
public static partial class PlainLanguage
{
    /// <summary>One line of plain language for a condition.</summary>
    /// <param name="condition">The condition, e.g. <see cref="Rule.When"/>.</param>
    /// <param name="vocabulary">The rule set's vocabulary, for labels, units and words.</param>
    public static string Describe(Condition condition, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(vocabulary);
        return Build(condition, vocabulary).ToPlainText();
    }

    /// <summary>The condition as a tree of sentences (all/any/none of the following …).</summary>
    internal static Phrase Build(Condition condition, Vocabulary vocabulary, bool positive = true)
    {
        switch (condition)
        {
            case AlwaysCondition:
                return Phrase.Leaf([new Segment("always")]);
            case NotCondition not:
                return Build(not.Part, vocabulary, !positive);
            case AllCondition or AnyCondition:
            {
                var all = condition is AllCondition;
                var parts = all ? ((AllCondition)condition).Parts : ((AnyCondition)condition).Parts;
                if (parts.Count == 1) return Build(parts[0], vocabulary, positive);
                // A negated group whose parts are all leaves reads better with the negation pushed into them.
                var pushDown = !positive && parts.All(p => p is FactCondition or QuantifierCondition or NotCondition { Part: FactCondition or QuantifierCondition });
                if (positive || pushDown)
                {
                    var conjunction = all == positive;
                    var built = parts.Select(p => Build(p, vocabulary, positive)).ToList();
                    var lead = conjunction ? "all of" : "any of";
                    // Flatten nested groups of the same kind.
                    var flat = built.SelectMany(b => b.Lead == lead ? b.Parts : [b]).ToList();
                    return new Phrase(lead, [], flat);
                }
                var positiveParts = parts.Select(p => Build(p, vocabulary, true)).ToList();
                return new Phrase(all ? "not all of" : "none of", [], positiveParts);
            }
            default:
                return Phrase.Leaf(Literal(condition, positive, vocabulary));
        }
    }

    /// <summary>The sentence of one comparison or quantifier, negated when <paramref name="positive"/> is false.</summary>
    internal static IReadOnlyList<Segment> Literal(Condition leaf, bool positive, Vocabulary vocabulary) => leaf switch
    {
        FactCondition f => Fact(f, positive, vocabulary),
        QuantifierCondition q => Quantifier(q, positive, vocabulary),
        _ => [new Segment((positive ? "" : "not ") + ConditionText.Describe(leaf, vocabulary))],
    };

    /// <summary>The literal as one line of text.</summary>
    internal static string LiteralText(Condition leaf, bool positive, Vocabulary vocabulary) => Phrase.Segments(Literal(leaf, positive, vocabulary));

    private static List<Segment> Fact(FactCondition f, bool positive, Vocabulary vocabulary)
    {
        if (!vocabulary.TryGetFact(f.Fact, out var d)) d = new FactDefinition(f.Fact, f.Operands.Count > 0 ? f.Operands[0].Value.Type : FactType.Boolean, f.Fact);
        var noun = Noun(d, attribute: false);
        if (f.Operator == ComparisonOperator.Known)
            return [new Segment(noun + (f.Operands[0].Value.BooleanValue == positive ? " is recorded" : " is not recorded"))];
        if (d.Type == FactType.Boolean && f.Operator is ComparisonOperator.Is or ComparisonOperator.IsNot)
        {
            var wanted = f.Operands[0].Value.BooleanValue ^ (f.Operator == ComparisonOperator.IsNot) ^ !positive;
            return [new Segment(noun + ": " + (wanted ? "yes" : "no"))];
        }
        var (op, operands) = Normalize(f.Operator, positive, f.Operands);
        var unit = UnitText(d.Unit);
        if (d.Type == FactType.Number && HowLong().Match(d.Label) is { Success: true } howLong)
        {
            List<Segment> s = [new Segment(LowerFirst(StripUnitNote(howLong.Groups[1].Value, d, false)) + " ")];
            s.AddRange(Comparison(op, operands, unit, duration: true));
            return s;
        }
        if (d.Type == FactType.Number && WeeksOf().Match(d.Label) is { Success: true } weeksOf)
        {
            List<Segment> s = [new Segment(LowerFirst(weeksOf.Groups[1].Value) + " for ")];
            s.AddRange(Comparison(op, operands, unit, duration: true));
            return s;
        }
        List<Segment> segments = [new Segment(noun + " is ")];
        segments.AddRange(Comparison(op, operands, unit, duration: false));
        return segments;
    }

    private static List<Segment> Quantifier(QuantifierCondition q, bool positive, Vocabulary vocabulary)
    {
        // Normalise to a bound on the number of matching entries.
        var n = q.Count.Value.NumberValue;
        var (lower, bound) = (q.Operator, positive) switch
        {
            (CountOperator.AtLeast, true) => (true, n),
            (CountOperator.AtLeast, false) => (false, n - 1),
            (CountOperator.AtMost, true) => (false, n),
            _ => (true, n + 1),
        };
        var noun = ListNoun(q, vocabulary);
        var where = q.Where is null ? [] : Prepend(" with ", Filter(q.Where, q.Section, vocabulary, true));
        var literalCount = q.Count.Parameter is null;
        if (literalCount && ((lower && bound == 1) || (!lower && bound == 0)))
        {
            var present = lower;
            var sentence = q.Section switch
            {
                "condition" or "device" or "allergy" => (present ? "has " : "does not have ") + noun,
                "medication" => (present ? "takes " : "does not take ") + noun,
                "goal" => noun + (present ? " is stated" : " is not stated"),
                _ => (present ? "" : "no ") + noun + " is recorded",
            };
            return [new Segment(sentence), .. where];
        }
        var countText = Number(q.Count.Value.NumberValue);
        string lead;
        if (q.Count.Parameter is not null)
            lead = (q.Operator, positive) switch
            {
                (CountOperator.AtLeast, true) => "at least ",
                (CountOperator.AtLeast, false) => "fewer than ",
                (CountOperator.AtMost, true) => "at most ",
                _ => "more than ",
            };
        else
        {
            lead = lower ? "at least " : "at most ";
            countText = Number(bound);
        }
        List<Segment> segments = [new Segment(lead), new Segment(countText, q.Count.Parameter), new Segment(" × " + noun)];
        segments.AddRange(where);
        return segments;
    }

    /// <summary>An entry filter as one line of text, e.g. <c>dose is therapeutic</c>.</summary>
    internal static string FilterText(EntryFilter filter, string section, Vocabulary vocabulary) => Phrase.Segments(Filter(filter, section, vocabulary, true));

    private static List<Segment> Filter(EntryFilter filter, string section, Vocabulary vocabulary, bool positive)
    {
        switch (filter)
        {
            case NotEntryFilter not:
                return Filter(not.Part, section, vocabulary, !positive);
            case AllEntryFilter or AnyEntryFilter:
            {
                var parts = filter is AllEntryFilter all ? all.Parts : ((AnyEntryFilter)filter).Parts;
                var conjunction = filter is AllEntryFilter == positive;
                var result = new List<Segment>();
                if (!conjunction) result.Add(new Segment("("));
                for (var i = 0; i < parts.Count; i++)
                {
                    if (i > 0) result.Add(new Segment(conjunction ? " and " : " or "));
                    result.AddRange(Filter(parts[i], section, vocabulary, positive));
                }
                if (!conjunction) result.Add(new Segment(")"));
                return result;
            }
            case AttributeFilter a:
            {
                if (!vocabulary.TryGetAttribute(section, a.Attribute, out var d))
                    d = new FactDefinition(a.Attribute, a.Operands[0].Value.Type, a.Attribute);
                var noun = Noun(d, attribute: true);
                if (a.Operator == ComparisonOperator.Known)
                    return [new Segment(noun + (a.Operands[0].Value.BooleanValue == positive ? " recorded" : " not recorded"))];
                var (op, operands) = Normalize(a.Operator, positive, a.Operands);
                List<Segment> s = [new Segment(noun + " ")];
                s.AddRange(Comparison(op, operands, UnitText(d.Unit), duration: false));
                return s;
            }
            default:
                return [new Segment(filter.ToString()!)];
        }
    }

    private static (string Op, IReadOnlyList<Operand> Operands) Normalize(ComparisonOperator op, bool positive, IReadOnlyList<Operand> operands) =>
        (op, positive) switch
        {
            (ComparisonOperator.Is, true) or (ComparisonOperator.IsNot, false) => ("is", operands),
            (ComparisonOperator.Is, false) or (ComparisonOperator.IsNot, true) => ("isNot", operands),
            (ComparisonOperator.In, true) => ("in", operands),
            (ComparisonOperator.In, false) => ("notIn", operands),
            (ComparisonOperator.AtLeast, true) or (ComparisonOperator.Below, false) => ("atLeast", operands),
            (ComparisonOperator.AtMost, true) or (ComparisonOperator.Above, false) => ("atMost", operands),
            (ComparisonOperator.Above, true) or (ComparisonOperator.AtMost, false) => ("above", operands),
            (ComparisonOperator.Below, true) or (ComparisonOperator.AtLeast, false) => ("below", operands),
            (ComparisonOperator.Between, true) => ("between", operands),
            _ => ("outside", operands),
        };

    private static List<Segment> Comparison(string op, IReadOnlyList<Operand> operands, string unit, bool duration)
    {
        Segment V(int i) => Value(operands[i], unit);
        return op switch
        {
            "is" => duration ? [new Segment("exactly "), V(0)] : [V(0)],
            "isNot" => [new Segment(duration ? "not exactly " : "not "), V(0)],
            "in" => Join(operands.Select(o => Value(o, unit)).ToList(), " or "),
            "notIn" => operands.Count == 1 ? [new Segment("not "), V(0)] : [new Segment("none of "), .. Join(operands.Select(o => Value(o, unit)).ToList(), ", ")],
            "atLeast" => [new Segment("at least "), V(0)],
            "atMost" => [new Segment("at most "), V(0)],
            "above" => [new Segment(duration ? "more than " : "above "), V(0)],
            "below" => [new Segment(duration ? "less than " : "below "), V(0)],
            "between" => [new Segment("between "), Value(operands[0], ""), new Segment(" and "), V(1)],
            _ => [new Segment(duration ? "less than " : "below "), V(0), new Segment(duration ? " or more than " : " or above "), V(1)],
        };
    }

    private static List<Segment> Join(List<Segment> items, string separator)
    {
        var result = new List<Segment>();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) result.Add(new Segment(separator));
            result.Add(items[i]);
        }
        return result;
    }

    private static List<Segment> Prepend(string text, List<Segment> segments) => [new Segment(text), .. segments];

    private static Segment Value(Operand operand, string unit) => operand.Value.Type switch
    {
        FactType.Number => new Segment(Number(operand.Value.NumberValue) + unit, operand.Parameter),
        FactType.Word => new Segment(Word(operand.Value.WordValue!)),
        _ => new Segment(operand.Value.BooleanValue ? "yes" : "no"),
    };

    /// <summary>A word as plain text: <c>neurogenic_claudication</c> → <c>neurogenic claudication</c>.</summary>
    internal static string Word(string word) => word.Replace('_', ' ');

    internal static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A unit as written after a number: <c>%</c>, <c> weeks</c>, nothing for counts and 0–10 scales.</summary>
    internal static string UnitText(string? unit) => unit switch
    {
        null or "" or "count" or "ratio" => "",
        "percent" => "%",
        _ when ScaleUnit().IsMatch(unit) => "",
        _ => " " + unit,
    };

    /// <summary>The label of a fact or attribute as a noun inside a sentence.</summary>
    internal static string Noun(FactDefinition definition, bool attribute)
    {
        var label = StripUnitNote(definition.Label.Trim(), definition, attribute);
        // Procedure facts are labelled "Earlier " + the catalog name: "earlier lumbar medial branch block".
        if (definition.Section == "procedure" && label.StartsWith("Earlier ", StringComparison.Ordinal))
            return "earlier " + LowerFirst(label["Earlier ".Length..]);
        return LowerFirst(label);
    }

    private static string StripUnitNote(string label, FactDefinition definition, bool attribute)
    {
        var m = TrailingNote().Match(label);
        if (!m.Success) return label;
        var note = m.Groups[2].Value;
        var restatesUnit = note.Contains('%', StringComparison.Ordinal)
            || (definition.Unit is { Length: > 0 } u && note.Contains(u, StringComparison.OrdinalIgnoreCase))
            || note is "weeks" or "hours" or "years" or "days";
        return attribute || restatesUnit ? m.Groups[1].Value : label;
    }

    private static string ListNoun(QuantifierCondition q, Vocabulary vocabulary) =>
        string.Join(" or ", q.AllLists.Select(list => ListNoun(list, q.Section, vocabulary)));

    private static string ListNoun(string list, string section, Vocabulary vocabulary)
    {
        if (!list.EndsWith(".*", StringComparison.Ordinal))
            return vocabulary.TryGetFact(list, out var d) ? Noun(d, attribute: false) : list;
        var prefix = list[..^1];
        var matches = vocabulary.Facts.Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        if (matches.Length is > 0 and <= 3) return string.Join(" or ", matches.Select(f => Noun(f, attribute: false)));
        var what = section switch
        {
            "procedure" => "earlier procedure",
            "medication" => "medication",
            "condition" => "condition",
            "allergy" => "allergy",
            "device" => "device",
            _ => "entry",
        };
        return $"any {what} {list} ({matches.Length} codes)";
    }

    /// <summary>Lower-cases the first letter of an ordinary word (not of "INR", "HbA1c", "Oswestry Disability Index").</summary>
    internal static string LowerFirst(string text)
    {
        if (text.Length < 2 || !char.IsUpper(text[0])) return text;
        var words = text.Split(' ', 3);
        var first = words[0];
        if (first.Skip(1).Any(c => !char.IsLower(c) && c != '-')) return text;
        if (words.Length > 1 && words[1].Length > 0 && char.IsUpper(words[1][0])) return text;
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"^(.*\S)\s*\(([^()]*)\)$")]
    private static partial Regex TrailingNote();

    [GeneratedRegex(@"^How long (.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex HowLong();

    [GeneratedRegex(@"^Weeks of (.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WeeksOf();

    [GeneratedRegex(@"^\d+-\d+$")]
    private static partial Regex ScaleUnit();
}
