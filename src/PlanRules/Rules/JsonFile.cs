using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PlanRules.Rules;

/// <summary>Parses one rule-set file into a JSON tree with line information, reporting problems as diagnostics.</summary>
internal static class JsonFile
{
    /// <summary>Largest file accepted, in characters.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 64;

    public static JToken? Parse(string file, string content, List<Diagnostic> diagnostics)
    {
        if (content.Length > MaxChars)
        {
            diagnostics.Add(new Diagnostic("PR1005", DiagnosticSeverity.Error,
                $"the file is too large ({content.Length:N0} characters; at most {MaxChars:N0})", file, 1, 1)
            { Suggestion = "split it into several files, one topic each" });
            return null;
        }
        try
        {
            using var reader = new JsonTextReader(new StringReader(content))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
                MaxDepth = MaxDepth,
            };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                CommentHandling = CommentHandling.Ignore,
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    diagnostics.Add(new Diagnostic("PR1001", DiagnosticSeverity.Error,
                        "unexpected content after the end of the JSON document", file, reader.LineNumber, reader.LinePosition));
                    return null;
                }
            }
            return token;
        }
        catch (JsonReaderException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            if (ex.Message.Contains("already exists in the current JSON object", StringComparison.Ordinal))
                diagnostics.Add(new Diagnostic("PR2006", DiagnosticSeverity.Error, "duplicate key: " + Lower(message), file, ex.LineNumber, ex.LinePosition) { Suggestion = "keep one of them" });
            else if (ex.Message.Contains("MaxDepth", StringComparison.Ordinal))
                diagnostics.Add(new Diagnostic("PR1005", DiagnosticSeverity.Error, $"the file is nested more than {MaxDepth} levels deep", file, ex.LineNumber, ex.LinePosition));
            else
                diagnostics.Add(new Diagnostic("PR1001", DiagnosticSeverity.Error, "invalid JSON: " + Lower(message), file, ex.LineNumber, ex.LinePosition));
            return null;
        }
    }

    private static string Lower(string s) => s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..].TrimEnd('.') : s;

}
