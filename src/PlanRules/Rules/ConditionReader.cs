using Newtonsoft.Json.Linq;
using PlanRules.Diagnostics;

namespace PlanRules.Rules;

/// <summary>Reads and validates the <c>when</c> condition of a rule against the vocabulary and parameters.</summary>
internal sealed class ConditionReader
{
    private static readonly string[] FormKeys = ["all", "any", "not", "fact", "exists", "count"];
    private static readonly string[] FactOperators = ["is", "isNot", "in", "atLeast", "atMost", "above", "below", "between", "known"];
    private static readonly string[] CountOperators = ["atLeast", "atMost"];

    /// <summary>The largest count a quantifier may compare with.</summary>
    private const int MaxCount = 1_000_000;

    /// <summary>The entry attributes a case can carry, per list section.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> SupportedAttributes = new Dictionary<string, string[]>
    {
        ["medication"] = ["lastDoseHoursAgo", "dose", "indication"],
        ["procedure"] = ["weeksAgo", "reliefPercent", "reliefWeeks"],
    };

    private readonly DiagnosticBag _bag;
    private readonly Vocabulary _vocabulary;
    private readonly IReadOnlyDictionary<string, Parameter> _parameters;
    private readonly string _file;

    public ConditionReader(DiagnosticBag bag, Vocabulary vocabulary, IReadOnlyDictionary<string, Parameter> parameters, string file)
    {
        _bag = bag;
        _vocabulary = vocabulary;
        _parameters = parameters;
        _file = file;
    }

    /// <summary>The parameters referenced so far.</summary>
    public SortedSet<string> UsedParameters { get; } = new(StringComparer.Ordinal);

    public Condition? Read(JToken token)
    {
        var location = Locate(token);
        if (token.Type == JTokenType.String && (string)token! == "always")
            return new AlwaysCondition { Location = location };
        if (token is not JObject obj)
        {
            _bag.Add(DiagnosticCodes.WrongJsonType, $"a condition must be an object (or \"always\"), not {JsonObjectReader.Describe(token)}", token);
            return null;
        }
        var forms = FormKeys.Where(k => obj.Property(k) is not null).ToArray();
        if (forms.Length == 0)
        {
            if (!obj.Properties().Any())
                _bag.Add(DiagnosticCodes.EmptyCondition, "empty condition {}", obj, "use all, any, not, fact, exists or count");
            else
            {
                var first = obj.Properties().First();
                var suggestion = Suggestions.Closest(first.Name, FormKeys.Concat(FactOperators).ToArray());
                _bag.Add(DiagnosticCodes.UnknownKey, $"unknown key '{first.Name}' in a condition", first,
                    suggestion is null ? "a condition starts with all, any, not, fact, exists or count" : $"did you mean '{suggestion}'?");
            }
            return null;
        }
        if (forms.Length > 1)
        {
            _bag.Add(DiagnosticCodes.UnknownKey, $"a condition has both '{forms[0]}' and '{forms[1]}'", obj.Property(forms[1]), "wrap the parts in \"all\": [ … ]");
            return null;
        }
        return forms[0] switch
        {
            "all" or "any" => ReadGroup(obj, forms[0], location),
            "not" => ReadNot(obj, location),
            "fact" => ReadFact(obj, location),
            _ => ReadQuantifier(obj, forms[0], location),
        };
    }

    private Condition? ReadGroup(JObject obj, string key, SourceLocation location)
    {
        var r = new JsonObjectReader(obj, _bag, $"an '{key}' condition", [key]);
        var array = r.Array(key);
        if (array is null) return null;
        if (array.Count == 0)
        {
            _bag.Add(DiagnosticCodes.EmptyCondition, $"empty '{key}' condition", array, "give it at least one part");
            return null;
        }
        var parts = new List<Condition>();
        var ok = true;
        foreach (var item in array)
        {
            var part = Read(item);
            if (part is AlwaysCondition)
            {
                _bag.Add(DiagnosticCodes.EmptyCondition, "\"always\" cannot be part of another condition", item);
                ok = false;
            }
            else if (part is null) ok = false;
            else parts.Add(part);
        }
        if (!ok) return null;
        return key == "all" ? new AllCondition(parts) { Location = location } : new AnyCondition(parts) { Location = location };
    }

    private Condition? ReadNot(JObject obj, SourceLocation location)
    {
        var r = new JsonObjectReader(obj, _bag, "a 'not' condition", ["not"]);
        var inner = r["not"]!;
        var part = Read(inner);
        if (part is AlwaysCondition)
        {
            _bag.Add(DiagnosticCodes.EmptyCondition, "\"always\" cannot be negated", inner);
            return null;
        }
        return part is null ? null : new NotCondition(part) { Location = location };
    }

    private Condition? ReadFact(JObject obj, SourceLocation location)
    {
        var r = new JsonObjectReader(obj, _bag, "a fact condition", ["fact", .. FactOperators]);
        var name = r.String("fact");
        var ops = FactOperators.Where(k => obj.Property(k) is not null).ToArray();
        if (ops.Length == 0)
        {
            _bag.Add(DiagnosticCodes.EmptyCondition, $"the condition on '{name}' has no comparison", obj, "add one of: " + string.Join(", ", FactOperators));
            return null;
        }
        if (ops.Length > 1)
        {
            _bag.Add(DiagnosticCodes.EmptyCondition, $"the condition on '{name}' has more than one comparison ('{ops[0]}', '{ops[1]}')", obj.Property(ops[1]), "use one comparison per condition, or \"between\"");
            return null;
        }
        if (name is null) return null;
        var definition = LookUpFact(name, obj.Property("fact")!.Value);
        if (definition is null) return null;
        var op = ParseOperator(ops[0]);
        var valueToken = obj.Property(ops[0])!.Value;

        if (Vocabulary.ListSections.Contains(definition.Section))
        {
            // condition.x known: true  ==  the case records its list of conditions (so whether x is in it is known).
            if (op == ComparisonOperator.Known)
            {
                var known = ReadOperands(op, valueToken, definition, name);
                return known is null ? null : new FactCondition(name, op, known) { Location = location };
            }
            // condition.x is true  ==  exists condition.x ; is false == not exists.
            if (op is not (ComparisonOperator.Is or ComparisonOperator.IsNot) || valueToken.Type != JTokenType.Boolean)
            {
                _bag.Add(DiagnosticCodes.ListOrValueMismatch, $"'{name}' is a list entry: compare it with \"is\": true or false, ask whether its list is \"known\", or use exists/count", valueToken);
                return null;
            }
            var present = (bool)valueToken! == (op == ComparisonOperator.Is);
            var exists = new QuantifierCondition(name, null, CountOperator.AtLeast, new Operand(FactValue.Number(1))) { Location = location };
            return present ? exists : new NotCondition(exists) { Location = location };
        }

        var operands = ReadOperands(op, valueToken, definition, name);
        return operands is null ? null : new FactCondition(name, op, operands) { Location = location };
    }

    private Condition? ReadQuantifier(JObject obj, string form, SourceLocation location)
    {
        string[] keys = form == "exists" ? ["exists", "where"] : ["count", "where", .. CountOperators];
        var r = new JsonObjectReader(obj, _bag, $"an '{form}' condition", keys);
        var listToken = obj.Property(form)!.Value;
        string[] lists;
        if (listToken is JArray array && array.Count > 0 && array.All(t => t.Type == JTokenType.String))
            lists = array.Select(t => (string)t!).ToArray();
        else if (listToken.Type == JTokenType.String)
            lists = [(string)listToken!];
        else
        {
            _bag.Add(DiagnosticCodes.WrongJsonType, $"'{form}' takes a history list such as \"procedure.mbb.lumbar\" (or a list of them), not {JsonObjectReader.Describe(listToken)}", listToken);
            return null;
        }
        if (!lists.All(l => ValidateList(l, listToken))) return null;
        var list = lists[0];
        var section = list[..list.IndexOf('.')];
        if (lists.Any(l => !l.StartsWith(section + ".", StringComparison.Ordinal)))
        {
            _bag.Add(DiagnosticCodes.ListOrValueMismatch, $"the lists counted together must be of one section ('{section}')", listToken);
            return null;
        }

        EntryFilter? where = null;
        if (obj.Property("where") is { } whereProperty)
        {
            where = ReadWhere(whereProperty.Value, section);
            if (where is null) return null;
        }

        if (form == "exists")
            return new QuantifierCondition(list, where, CountOperator.AtLeast, new Operand(FactValue.Number(1))) { Location = location, AlsoLists = lists[1..] };

        var ops = CountOperators.Where(k => obj.Property(k) is not null).ToArray();
        if (ops.Length != 1)
        {
            _bag.Add(DiagnosticCodes.EmptyCondition, ops.Length == 0 ? $"the count of '{list}' has no comparison" : $"the count of '{list}' has both atLeast and atMost",
                obj, "add exactly one of: atLeast, atMost");
            return null;
        }
        var countToken = obj.Property(ops[0])!.Value;
        var count = ReadNumber(countToken, $"the count of '{list}'");
        if (count is null) return null;
        if (count.Value.NumberValue < 0 || count.Value.NumberValue != Math.Floor(count.Value.NumberValue))
        {
            _bag.Add(DiagnosticCodes.OutOfRange, $"a count must be a whole number ≥ 0, not {count.Value}", countToken);
            return null;
        }
        if (count.Value.NumberValue > MaxCount)
        {
            // The compiler counts entries in an int; a larger count is never reached by a real history anyway.
            _bag.Add(DiagnosticCodes.OutOfRange, $"a count must be at most {MaxCount:N0}", countToken);
            return null;
        }
        return new QuantifierCondition(list, where, ops[0] == "atLeast" ? CountOperator.AtLeast : CountOperator.AtMost, count) { Location = location, AlsoLists = lists[1..] };
    }

    private bool ValidateList(string list, JToken at)
    {
        var dot = list.IndexOf('.');
        var section = dot > 0 ? list[..dot] : list;
        if (!Vocabulary.ListSections.Contains(section))
        {
            if (dot > 0 && _vocabulary.TryGetFact(list, out _))
                _bag.Add(DiagnosticCodes.ListOrValueMismatch, $"'{list}' is a single value, not a history list: use \"fact\" to compare it", at);
            else
                _bag.Add(DiagnosticCodes.UnknownFact, $"unknown history list '{list}'", at, "history lists are condition.*, medication.*, allergy.*, device.*, procedure.*, goal.*");
            return false;
        }
        if (list.EndsWith(".*", StringComparison.Ordinal))
        {
            var prefix = list[..^1];
            if (_vocabulary.Facts.Any(f => f.Name.StartsWith(prefix, StringComparison.Ordinal) && f.Name.Length > prefix.Length)) return true;
            _bag.Add(DiagnosticCodes.UnknownFact, $"no fact starts with '{prefix}'", at);
            return false;
        }
        return LookUpFact(list, at) is not null;
    }

    private EntryFilter? ReadWhere(JToken token, string section)
    {
        if (token is not JObject obj)
        {
            _bag.Add(DiagnosticCodes.WrongJsonType, $"'where' must be an object of attribute comparisons, not {JsonObjectReader.Describe(token)}", token);
            return null;
        }
        if (!obj.Properties().Any())
        {
            _bag.Add(DiagnosticCodes.EmptyCondition, "empty 'where'", obj, "leave 'where' out to count every entry");
            return null;
        }
        var parts = new List<EntryFilter>();
        var ok = true;
        foreach (var property in obj.Properties())
        {
            EntryFilter? part = null;
            switch (property.Name)
            {
                case "all" or "any":
                    if (property.Value is JArray array && array.Count > 0)
                    {
                        var items = array.Select(item => ReadWhere(item, section)).ToList();
                        if (items.All(i => i is not null))
                            part = property.Name == "all" ? new AllEntryFilter(items!) : new AnyEntryFilter(items!);
                    }
                    else _bag.Add(property.Value is JArray { Count: 0 } ? DiagnosticCodes.EmptyCondition : DiagnosticCodes.WrongJsonType, $"'{property.Name}' in 'where' must be a non-empty list of where objects", property.Value);
                    break;
                case "not":
                    var inner = ReadWhere(property.Value, section);
                    if (inner is not null) part = new NotEntryFilter(inner);
                    break;
                default:
                    part = ReadAttribute(property, section);
                    break;
            }
            if (part is null) ok = false;
            else parts.Add(part);
        }
        if (!ok) return null;
        return parts.Count == 1 ? parts[0] : new AllEntryFilter(parts);
    }

    private EntryFilter? ReadAttribute(JProperty property, string section)
    {
        var supported = SupportedAttributes.TryGetValue(section, out var s) ? s : [];
        if (!supported.Contains(property.Name) || !_vocabulary.TryGetAttribute(section, property.Name, out var definition))
        {
            var suggestion = Suggestions.Closest(property.Name, supported.Concat(["all", "any", "not"]));
            _bag.Add(DiagnosticCodes.UnknownAttribute, supported.Length == 0
                    ? $"entries of '{section}' have no attribute '{property.Name}'"
                    : $"unknown attribute '{property.Name}' of '{section}' entries (known: {string.Join(", ", supported)})",
                property, suggestion is null ? null : $"did you mean '{suggestion}'?");
            return null;
        }
        if (property.Value is not JObject comparison)
        {
            _bag.Add(DiagnosticCodes.WrongJsonType, $"'{property.Name}' in 'where' must be a comparison such as {{ \"atLeast\": 50 }}, not {JsonObjectReader.Describe(property.Value)}", property.Value);
            return null;
        }
        _ = new JsonObjectReader(comparison, _bag, $"the comparison of '{property.Name}'", FactOperators);
        var ops = FactOperators.Where(k => comparison.Property(k) is not null).ToArray();
        if (ops.Length != 1)
        {
            _bag.Add(DiagnosticCodes.EmptyCondition, $"the comparison of '{property.Name}' needs exactly one operator", comparison);
            return null;
        }
        var op = ParseOperator(ops[0]);
        var operands = ReadOperands(op, comparison.Property(ops[0])!.Value, definition, $"{section}.*.{property.Name}");
        return operands is null ? null : new AttributeFilter(property.Name, op, operands);
    }

    private IReadOnlyList<Operand>? ReadOperands(ComparisonOperator op, JToken token, FactDefinition definition, string name)
    {
        if (op == ComparisonOperator.Known)
        {
            if (token.Type == JTokenType.Boolean) return [new Operand(FactValue.Boolean((bool)token!))];
            _bag.Add(DiagnosticCodes.TypeMismatch, $"'known' takes true or false, not {JsonObjectReader.Describe(token)}", token);
            return null;
        }
        if (op is ComparisonOperator.AtLeast or ComparisonOperator.AtMost or ComparisonOperator.Above or ComparisonOperator.Below or ComparisonOperator.Between
            && definition.Type != FactType.Number)
        {
            _bag.Add(DiagnosticCodes.TypeMismatch, $"'{name}' is a {TypeWord(definition.Type)}; '{OperatorWord(op)}' compares numbers", token,
                definition.Type == FactType.Word ? "use \"is\" or \"in\"" : "use \"is\"");
            return null;
        }
        if (op == ComparisonOperator.In && definition.Type == FactType.Boolean)
        {
            _bag.Add(DiagnosticCodes.TypeMismatch, $"'{name}' is a boolean; use \"is\" rather than \"in\"", token);
            return null;
        }
        if (op is ComparisonOperator.In or ComparisonOperator.Between)
        {
            if (token is not JArray array || array.Count == 0 || (op == ComparisonOperator.Between && array.Count != 2))
            {
                _bag.Add(DiagnosticCodes.WrongJsonType, op == ComparisonOperator.Between ? "'between' takes a list of two numbers [low, high]" : "'in' takes a non-empty list of values", token);
                return null;
            }
            var list = new List<Operand>();
            foreach (var item in array)
            {
                var operand = ReadOperand(item, definition, name);
                if (operand is null) return null;
                list.Add(operand);
            }
            if (op == ComparisonOperator.Between && list[0].Value.NumberValue > list[1].Value.NumberValue)
            {
                _bag.Add(DiagnosticCodes.OutOfRange, $"'between' on '{name}' has its low value above its high value", token, "write [low, high]");
                return null;
            }
            return list;
        }
        var single = ReadOperand(token, definition, name);
        return single is null ? null : [single];
    }

    private Operand? ReadOperand(JToken token, FactDefinition definition, string name)
    {
        Operand? operand;
        if (token.Type == JTokenType.String && ((string)token!).StartsWith('$'))
        {
            operand = ReadParameter(token);
            if (operand is null) return null;
        }
        else if (token.Type == JTokenType.String && string.IsNullOrWhiteSpace((string)token!))
        {
            // A blank word can never be a fact's word (and FactValue rejects it): report it rather than throw.
            if (definition.Type == FactType.Word)
                _bag.Add(DiagnosticCodes.UnknownWord, $"an empty word is not a word of '{name}' (allowed: {string.Join(", ", definition.Words)})", token);
            else
                _bag.Add(DiagnosticCodes.TypeMismatch, $"'{name}' is a {TypeWord(definition.Type)} but is compared with an empty word", token);
            return null;
        }
        else
        {
            FactValue? value = token.Type switch
            {
                JTokenType.Integer or JTokenType.Float when JsonFile.IsUsableNumber(token, out _) => FactValue.Number(JsonFile.ToDouble(token)),
                JTokenType.Boolean => FactValue.Boolean((bool)token!),
                JTokenType.String => FactValue.Word((string)token!),
                _ => null,
            };
            if (value is null)
            {
                _bag.Add(DiagnosticCodes.WrongJsonType, $"a value compared with '{name}' must be a number, a boolean or a word, not {JsonObjectReader.Describe(token)}", token);
                return null;
            }
            operand = new Operand(value);
        }
        if (operand.Value.Type != definition.Type)
        {
            _bag.Add(DiagnosticCodes.TypeMismatch, $"'{name}' is a {TypeWord(definition.Type)} but is compared with {DescribeValue(operand.Value)}", token,
                definition.Type == FactType.Word ? "use one of: " + string.Join(", ", definition.Words) : null);
            return null;
        }
        if (definition.Type == FactType.Word && !definition.Words.Contains(operand.Value.WordValue!))
        {
            var suggestion = Suggestions.Closest(operand.Value.WordValue!, definition.Words);
            _bag.Add(DiagnosticCodes.UnknownWord, $"'{operand.Value.WordValue}' is not a word of '{name}' (allowed: {string.Join(", ", definition.Words)})", token,
                suggestion is null ? null : $"did you mean '{suggestion}'?");
            return null;
        }
        if (definition.Type == FactType.Number
            && ((definition.Min is { } min && operand.Value.NumberValue < min) || (definition.Max is { } max && operand.Value.NumberValue > max)))
        {
            _bag.Add(DiagnosticCodes.OutOfRange, $"{operand} is outside the range of '{name}' ({definition.Min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}–{definition.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}{(definition.Unit is null ? "" : " " + definition.Unit)})", token);
            return null;
        }
        return operand;
    }

    private Operand? ReadNumber(JToken token, string what)
    {
        if (token.Type == JTokenType.String && ((string)token!).StartsWith('$')) return ReadParameter(token);
        if (token.Type is JTokenType.Integer or JTokenType.Float && JsonFile.IsUsableNumber(token, out _)) return new Operand(FactValue.Number(JsonFile.ToDouble(token)));
        _bag.Add(DiagnosticCodes.TypeMismatch, $"{what} must be a number or a $parameter, not {JsonObjectReader.Describe(token)}", token);
        return null;
    }

    /// <summary>Reads a <c>$parameter</c> reference.</summary>
    public Operand? ReadParameter(JToken token)
    {
        var name = ((string)token!)[1..];
        if (_parameters.TryGetValue(name, out var parameter))
        {
            UsedParameters.Add(name);
            return new Operand(FactValue.Number(parameter.Value), name);
        }
        var suggestion = Suggestions.Closest(name, _parameters.Keys);
        _bag.Add(DiagnosticCodes.UnknownParameter, $"unknown parameter '${name}'", token, suggestion is null ? "define it in parameters.json" : $"did you mean '${suggestion}'?");
        return null;
    }

    private FactDefinition? LookUpFact(string name, JToken at)
    {
        if (_vocabulary.TryGetFact(name, out var definition)) return definition;
        var suggestion = _vocabulary.Suggest(name);
        _bag.Add(DiagnosticCodes.UnknownFact, $"unknown fact '{name}'", at, suggestion is null ? "see vocabulary.json" : $"did you mean '{suggestion}'?");
        return null;
    }

    private SourceLocation Locate(JToken token)
    {
        var (line, column) = DiagnosticBag.Position(token);
        return new SourceLocation(_file, line, column);
    }

    private static ComparisonOperator ParseOperator(string word) => word switch
    {
        "is" => ComparisonOperator.Is,
        "isNot" => ComparisonOperator.IsNot,
        "in" => ComparisonOperator.In,
        "atLeast" => ComparisonOperator.AtLeast,
        "atMost" => ComparisonOperator.AtMost,
        "above" => ComparisonOperator.Above,
        "below" => ComparisonOperator.Below,
        "between" => ComparisonOperator.Between,
        _ => ComparisonOperator.Known,
    };

    internal static string OperatorWord(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Is => "is",
        ComparisonOperator.IsNot => "isNot",
        ComparisonOperator.In => "in",
        ComparisonOperator.AtLeast => "atLeast",
        ComparisonOperator.AtMost => "atMost",
        ComparisonOperator.Above => "above",
        ComparisonOperator.Below => "below",
        ComparisonOperator.Between => "between",
        _ => "known",
    };

    private static string TypeWord(FactType type) => type switch
    {
        FactType.Number => "number",
        FactType.Boolean => "boolean",
        _ => "word",
    };

    private static string DescribeValue(FactValue value) => value.Type switch
    {
        FactType.Number => "the number " + value,
        FactType.Boolean => value.ToString(),
        _ => $"the word '{value}'",
    };
}
