using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PlanRules.Diagnostics;

namespace PlanRules.Rules;

/// <summary>Parses one rule-set file into a JSON tree with line information, reporting problems as diagnostics.</summary>
internal static class JsonFile
{
    /// <summary>Largest file accepted, in characters.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The largest magnitude a number in a rule file may have: 2^53, beyond which a double no longer holds every whole
    /// number exactly. No clinical threshold comes near it; a larger number is a typo or a hostile file.
    /// </summary>
    public const double MaxNumber = MaxWholeNumber;

    private const long MaxWholeNumber = 9_007_199_254_740_992L;

    public static JToken? Parse(string file, string content, List<Diagnostic> diagnostics)
    {
        if (content.Length > MaxChars)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.TooLarge, DiagnosticSeverity.Error,
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
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, DiagnosticSeverity.Error,
                        "unexpected content after the end of the JSON document", file, reader.LineNumber, reader.LinePosition));
                    return null;
                }
            }
            CheckNumbers(file, token, diagnostics);
            return token;
        }
        catch (JsonReaderException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            if (ex.Message.Contains("already exists in the current JSON object", StringComparison.Ordinal))
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, "duplicate key: " + Lower(message), file, ex.LineNumber, ex.LinePosition) { Suggestion = "keep one of them" });
            else if (ex.Message.Contains("MaxDepth", StringComparison.Ordinal))
                diagnostics.Add(new Diagnostic(DiagnosticCodes.TooLarge, DiagnosticSeverity.Error, $"the file is nested more than {MaxDepth} levels deep", file, ex.LineNumber, ex.LinePosition));
            else
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, DiagnosticSeverity.Error, "invalid JSON: " + Lower(message), file, ex.LineNumber, ex.LinePosition));
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="token"/> is a number a rule file may hold: finite and at most <see cref="MaxNumber"/> in
    /// size. Newtonsoft accepts the literals <c>NaN</c> and <c>Infinity</c>, reads <c>1e400</c> as infinity and integers
    /// beyond 64 bits as <see cref="BigInteger"/>; converting those later would throw or compare wrongly.
    /// </summary>
    public static bool IsUsableNumber(JToken token, out string problem)
    {
        problem = "";
        if (token is not JValue { Type: JTokenType.Integer or JTokenType.Float } value) return true;
        double number;
        switch (value.Value)
        {
            case BigInteger:
                problem = $"the number is too large for a rule file (at most {MaxNumber:N0} in size)";
                return false;
            case double d:
                number = d;
                break;
            case long l when l is > MaxWholeNumber or < -MaxWholeNumber:
                problem = $"the number is too large for a rule file (at most {MaxNumber:N0} in size)";
                return false;
            case long l:
                number = l;
                break;
            default:
                try
                {
                    number = value.Value<double>();
                }
                catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException)
                {
                    problem = "the number cannot be read as a number";
                    return false;
                }
                break;
        }
        if (!double.IsFinite(number))
        {
            problem = "the number is not finite (NaN, Infinity or too large to represent)";
            return false;
        }
        if (Math.Abs(number) > MaxNumber)
        {
            problem = $"the number is too large for a rule file (at most {MaxNumber:N0} in size)";
            return false;
        }
        return true;
    }

    /// <summary>The number of a token that passed <see cref="IsUsableNumber"/>; never throws.</summary>
    public static double ToDouble(JToken token) => token is JValue { Value: BigInteger big } ? (double)big : token.Value<double>();

    /// <summary>
    /// Marks a number already reported as PR1008 and replaced by 0 (so that it converts safely and a parameter or bound
    /// stays defined, instead of every rule using it reporting it as unknown). <see cref="DiagnosticBag"/> drops any
    /// further diagnostic about a marked token; the rule set never loads, as PR1008 is an error.
    /// </summary>
    internal sealed class ReportedNumber
    {
        public static readonly ReportedNumber Instance = new();

        private ReportedNumber()
        {
        }
    }

    // Every number token is checked once, here, so that no later reader has to guard its conversions: each bad number
    // becomes PR1008 (with the rule id when it sits in a rule) and is replaced by a marked 0 in the tree.
    private static void CheckNumbers(string file, JToken root, List<Diagnostic> diagnostics)
    {
        var pending = new Stack<JToken>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var token = pending.Pop();
            if (token is JContainer container)
            {
                // Pushed in reverse so that diagnostics come out in document order.
                for (var child = container.Last; child is not null; child = child.Previous) pending.Push(child);
                continue;
            }
            if (IsUsableNumber(token, out var problem)) continue;
            var (line, column) = DiagnosticBag.Position(token);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnusableNumber, DiagnosticSeverity.Error, problem, file, line, column)
            {
                RuleId = RuleIdOf(token),
                JsonPath = "$" + (token.Path.Length > 0 ? "." + token.Path : ""),
                Suggestion = "write an ordinary decimal number such as 2.5",
            });
            var value = (JValue)token;
            value.Value = 0d; // keeps its line information
            value.AddAnnotation(ReportedNumber.Instance);
        }
    }

    // The id of the rule a token sits in: an object of the top-level "rules" list of a rule file.
    private static string? RuleIdOf(JToken token)
    {
        for (JToken? t = token; t is not null; t = t.Parent)
        {
            if (t is JObject rule && rule.Parent is JArray { Parent: JProperty { Name: "rules", Parent: JObject { Parent: null } } })
                return rule.Property("id")?.Value is JValue { Type: JTokenType.String, Value: string id } ? id : null;
        }
        return null;
    }

    private static string Lower(string s) => s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..].TrimEnd('.') : s;

}
