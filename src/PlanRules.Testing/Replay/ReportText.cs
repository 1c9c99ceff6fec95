using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using PlanRules.Rules;

namespace PlanRules.Replay;

/// <summary>Formatting shared by the reports and the command line.</summary>
internal static class ReportText
{
    /// <summary>Every problem of a case, one per line.</summary>
    public static IEnumerable<string> Problems(PlannedCase planned) => planned.DescribeProblems();

    /// <summary>One short line on why a case has no plan.</summary>
    public static string ErrorSummary(PlannedCase planned) => planned.ErrorSummary ?? "the case was planned";

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Identity(RuleSetIdentity identity) =>
        $"{identity.Name} {identity.Version} (sha256 {identity.Sha256[..Math.Min(12, identity.Sha256.Length)]}…)";

    /// <summary>Text safe in a Markdown table cell.</summary>
    public static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? " " : text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>Text safe in Markdown inline code.</summary>
    public static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal) + "`";

    /// <summary>Text safe in XML: characters XML cannot carry become <c>?</c>.</summary>
    public static string Xml(string text)
    {
        if (text.All(System.Xml.XmlConvert.IsXmlChar)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(text[i]).Append(text[++i]);
                continue;
            }
            sb.Append(System.Xml.XmlConvert.IsXmlChar(text[i]) ? text[i] : '?');
        }
        return sb.ToString();
    }

    public static void WriteIdentity(JsonWriter w, string name, RuleSetIdentity identity)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WritePropertyName("name");
        w.WriteValue(identity.Name);
        w.WritePropertyName("version");
        w.WriteValue(identity.Version);
        w.WritePropertyName("sha256");
        w.WriteValue(identity.Sha256);
        w.WriteEndObject();
    }

    public static void WriteDiagnostics(JsonWriter w, PlannedCase planned)
    {
        if (planned.Diagnostics.Count > 0)
        {
            w.WritePropertyName("diagnostics");
            w.WriteStartArray();
            foreach (var d in planned.Diagnostics)
            {
                w.WriteStartObject();
                w.WritePropertyName("code");
                w.WriteValue(d.Code);
                w.WritePropertyName("severity");
                w.WriteValue(d.Severity.ToString().ToLowerInvariant());
                w.WritePropertyName("message");
                w.WriteValue(d.Message);
                if (d.JsonPath is not null)
                {
                    w.WritePropertyName("jsonPath");
                    w.WriteValue(d.JsonPath);
                }
                if (d.Line > 0)
                {
                    w.WritePropertyName("line");
                    w.WriteValue(d.Line);
                    w.WritePropertyName("column");
                    w.WriteValue(d.Column);
                }
                if (d.Suggestion is not null)
                {
                    w.WritePropertyName("suggestion");
                    w.WriteValue(d.Suggestion);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (planned.Error is not null)
        {
            w.WritePropertyName("error");
            w.WriteValue(planned.Error);
        }
    }

    public static void WriteStrings(JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var v in values) w.WriteValue(v);
        w.WriteEndArray();
    }

    public static JsonTextWriter Json(TextWriter output, bool indented) =>
        new(output) { Formatting = indented ? Formatting.Indented : Formatting.None, Indentation = 2, Culture = CultureInfo.InvariantCulture, CloseOutput = false };
}
