using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PlanRules.Rules;

namespace PlanRules.Review;

/// <summary>The JSON trees of a rule set's files, with line information, to place findings the domain model has no position for.</summary>
internal sealed class SourceIndex
{
    private readonly Dictionary<string, JToken> _trees = new(StringComparer.Ordinal);

    public SourceIndex(IEnumerable<RuleSourceFile> files)
    {
        foreach (var file in files)
        {
            try
            {
                using var reader = new JsonTextReader(new StringReader(file.Content)) { DateParseHandling = DateParseHandling.None, MaxDepth = JsonFile.MaxDepth };
                _trees[file.Path.Replace('\\', '/')] = JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore, LineInfoHandling = LineInfoHandling.Load });
            }
            catch (JsonException)
            {
                // The loader reports unreadable files; findings in them fall back to the file alone.
            }
        }
    }

    /// <summary>The position of the property at <paramref name="path"/> (object keys), e.g. <c>facts</c>, <c>finding.pain.nrs</c>.</summary>
    public SourceLocation Locate(string file, params string[] path)
    {
        if (!_trees.TryGetValue(file, out var token)) return new SourceLocation(file, 0, 0);
        foreach (var key in path)
        {
            if (token is not JObject obj || obj.Property(key) is not { } property) return new SourceLocation(file, 0, 0);
            token = property.Value;
        }
        var (line, column) = DiagnosticBag.Position(token);
        return new SourceLocation(file, line, column);
    }

    /// <summary>The JSON object of a rule, found by its id in its file.</summary>
    public JObject? RuleObject(Rule rule)
    {
        if (!_trees.TryGetValue(rule.Location.File, out var token) || token["rules"] is not JArray rules) return null;
        return rules.OfType<JObject>().FirstOrDefault(o => o.Property("id")?.Value is { Type: JTokenType.String } id && (string)id! == rule.Id);
    }
}
