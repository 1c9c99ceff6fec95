using System.Globalization;
using Newtonsoft.Json.Linq;
using PlanRules.Diagnostics;

namespace PlanRules.Rules;

/// <summary>
/// Reads one JSON object of a rule-set file: checks its keys against the known ones and reads typed values,
/// adding a diagnostic (with file, line and column) for every problem instead of throwing.
/// </summary>
internal sealed class JsonObjectReader
{
    /// <summary>Keys of earlier versions of the format and their new names, for an exact "did you mean".</summary>
    private static readonly Dictionary<string, string> RenamedKeys = new(StringComparer.Ordinal)
    {
        ["reviewer"] = "reviewedBy",
        ["reviewed"] = "reviewedOn",
    };

    private readonly DiagnosticBag _bag;

    public JsonObjectReader(JObject obj, DiagnosticBag bag, string what, IReadOnlyCollection<string> knownKeys, IReadOnlyCollection<string>? requiredKeys = null)
    {
        Object = obj;
        _bag = bag;
        What = what;
        foreach (var property in obj.Properties())
        {
            if (property.Name == "$schema" || knownKeys.Contains(property.Name)) continue;
            if (RenamedKeys.TryGetValue(property.Name, out var renamed) && knownKeys.Contains(renamed))
            {
                bag.Add(DiagnosticCodes.UnknownKey, $"unknown key '{property.Name}' in {what}", property, $"did you mean '{renamed}'? ('{property.Name}' was renamed '{renamed}')");
                continue;
            }
            var suggestion = Suggestions.Closest(property.Name, knownKeys);
            bag.Add(DiagnosticCodes.UnknownKey, $"unknown key '{property.Name}' in {what}", property,
                suggestion is null ? "allowed keys: " + string.Join(", ", knownKeys) : $"did you mean '{suggestion}'?");
        }
        if (requiredKeys is null) return;
        foreach (var key in requiredKeys)
            if (obj.Property(key) is null)
                bag.Add(DiagnosticCodes.MissingKey, $"{what} has no '{key}'", obj, $"add \"{key}\"");
    }

    public JObject Object { get; }

    public string What { get; }

    public JToken? this[string key] => Object.Property(key)?.Value;

    public string? String(string key)
    {
        var token = this[key];
        if (token is null) return null;
        if (token.Type == JTokenType.String) return (string)token!;
        _bag.Add(DiagnosticCodes.WrongJsonType, $"'{key}' of {What} must be a string, not {Describe(token)}", token);
        return null;
    }

    public double? Number(string key)
    {
        var token = this[key];
        if (token is null) return null;
        if (token.Type is JTokenType.Integer or JTokenType.Float)
        {
            if (JsonFile.IsUsableNumber(token, out var problem)) return JsonFile.ToDouble(token);
            _bag.Add(DiagnosticCodes.UnusableNumber, $"'{key}' of {What}: {problem}", token); // normally caught when the file is parsed
            return null;
        }
        _bag.Add(DiagnosticCodes.WrongJsonType, $"'{key}' of {What} must be a number, not {Describe(token)}", token);
        return null;
    }

    public bool? Boolean(string key)
    {
        var token = this[key];
        if (token is null) return null;
        if (token.Type == JTokenType.Boolean) return (bool)token!;
        _bag.Add(DiagnosticCodes.WrongJsonType, $"'{key}' of {What} must be true or false, not {Describe(token)}", token);
        return null;
    }

    public JObject? Obj(string key)
    {
        var token = this[key];
        if (token is null) return null;
        if (token is JObject o) return o;
        _bag.Add(DiagnosticCodes.WrongJsonType, $"'{key}' of {What} must be an object, not {Describe(token)}", token);
        return null;
    }

    public JArray? Array(string key)
    {
        var token = this[key];
        if (token is null) return null;
        if (token is JArray a) return a;
        _bag.Add(DiagnosticCodes.WrongJsonType, $"'{key}' of {What} must be a list, not {Describe(token)}", token);
        return null;
    }

    public IReadOnlyList<string> Strings(string key)
    {
        var array = Array(key);
        if (array is null) return [];
        var list = new List<string>();
        foreach (var item in array)
        {
            if (item.Type == JTokenType.String) list.Add((string)item!);
            else _bag.Add(DiagnosticCodes.WrongJsonType, $"'{key}' of {What} must list strings, not {Describe(item)}", item);
        }
        return list;
    }

    /// <summary>Reads a word that must be one of <paramref name="allowed"/>; reports PR1007 otherwise.</summary>
    public string? Word(string key, IReadOnlyCollection<string> allowed)
    {
        var value = String(key);
        if (value is null || allowed.Contains(value)) return value;
        var suggestion = Suggestions.Closest(value, allowed);
        _bag.Add(DiagnosticCodes.NotAnAllowedWord, $"'{value}' is not an allowed {key} of {What} (allowed: {string.Join(", ", allowed)})", this[key],
            suggestion is null ? null : $"did you mean '{suggestion}'?");
        return null;
    }

    public static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"the string \"{Truncate((string)token!)}\"",
        JTokenType.Integer or JTokenType.Float => "the number " + token.ToString(Newtonsoft.Json.Formatting.None),
        JTokenType.Boolean => (bool)token! ? "true" : "false",
        JTokenType.Null => "null",
        JTokenType.Array => "a list",
        JTokenType.Object => "an object",
        _ => token.Type.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
