using Newtonsoft.Json.Linq;
using PlanRules.Diagnostics;

namespace PlanRules.Rules;

/// <summary>Collects the diagnostics of one rule-set load, positioning each at a JSON token of a file.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items;

    public DiagnosticBag(List<Diagnostic> items) => _items = items;

    /// <summary>The file diagnostics are currently reported against.</summary>
    public string? File { get; set; }

    /// <summary>The rule diagnostics are currently reported against.</summary>
    public string? RuleId { get; set; }

    public bool HasErrors => ErrorCount > 0;

    /// <summary>How many errors have been reported so far.</summary>
    public int ErrorCount => _items.Count(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(string code, string message, JToken? at, string? suggestion = null, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        // A number already reported as PR1008 (and replaced by 0) is not reported again as a wrong type or range.
        if ((at is JProperty property ? property.Value : at)?.Annotation<JsonFile.ReportedNumber>() is not null) return;
        var (line, column) = Position(at);
        _items.Add(new Diagnostic(code, severity, message, File, line, column)
        {
            RuleId = RuleId,
            Suggestion = suggestion,
            JsonPath = at is null ? null : "$" + (at.Path.Length > 0 ? "." + at.Path : ""),
        });
    }

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Line and column of a token; for a property value, the position of the property's name.</summary>
    public static (int Line, int Column) Position(JToken? token)
    {
        if (token is null) return (0, 0);
        var target = token.Parent is JProperty p ? (JToken)p : token;
        if (target is Newtonsoft.Json.IJsonLineInfo info && info.HasLineInfo())
        {
            var column = info.LinePosition;
            // Newtonsoft positions an object/array/property after its opening token; step back to its start.
            if (target is JProperty prop) column = Math.Max(1, column - prop.Name.Length - 2);
            else if (target is JContainer) column = Math.Max(1, column);
            return (info.LineNumber, column);
        }
        return (0, 0);
    }
}
