using Newtonsoft.Json;

namespace PlanRules.Replay;

/// <summary>
/// Writes a replay as JSON (<c>planrules.replay-report/1</c>): the rule set, the totals, then one entry per case in
/// corpus order with its outcome, time, unmet expectations (section, expectation, actual, rules) and diagnostics
/// (never an identifier's value). Not thread-safe.
/// </summary>
public sealed class JsonReportWriter : ReplayReportWriter
{
    /// <summary>The schema identifier written into the report.</summary>
    public const string Schema = "planrules.replay-report/1";

    private readonly Spool _spool = new();
    private readonly JsonTextWriter _cases;
    private bool _first = true;

    /// <summary>Creates the writer.</summary>
    /// <param name="output">Where the JSON goes.</param>
    public JsonReportWriter(TextWriter output) : base(output) => _cases = ReportText.Json(_spool.Writer, indented: false);

    /// <inheritdoc />
    protected override void AddCore(ReplayCaseResult result)
    {
        if (!_first) _spool.Writer.Write(",\n");
        _first = false;
        _spool.Writer.Write("    ");
        _cases.WriteStartObject();
        _cases.WritePropertyName("name");
        _cases.WriteValue(result.Name);
        _cases.WritePropertyName("caseId");
        _cases.WriteValue(result.Case.CaseId);
        _cases.WritePropertyName("outcome");
        _cases.WriteValue(result.Outcome.ToString().ToLowerInvariant());
        _cases.WritePropertyName("hasExpectations");
        _cases.WriteValue(result.HasExpectations);
        _cases.WritePropertyName("seconds");
        _cases.WriteRawValue(ReportText.Seconds(result.Elapsed));
        if (result.Failures.Count > 0)
        {
            _cases.WritePropertyName("failures");
            _cases.WriteStartArray();
            foreach (var f in result.Failures)
            {
                _cases.WriteStartObject();
                _cases.WritePropertyName("section");
                _cases.WriteValue(f.Section);
                _cases.WritePropertyName("expectation");
                _cases.WriteValue(f.Expectation);
                _cases.WritePropertyName("actual");
                _cases.WriteValue(f.Actual);
                ReportText.WriteStrings(_cases, "rules", f.Rules);
                _cases.WriteEndObject();
            }
            _cases.WriteEndArray();
        }
        ReportText.WriteDiagnostics(_cases, result.Case);
        _cases.WriteEndObject();
        _cases.Flush();
    }

    /// <inheritdoc />
    protected override void CompleteCore(ReplaySummary summary)
    {
        _cases.Flush();
        // The header is a complete object; its closing brace gives way to the spooled case array.
        var header = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = ReportText.Json(header, indented: true))
        {
            w.WriteStartObject();
            w.WritePropertyName("schema");
            w.WriteValue(Schema);
            ReportText.WriteIdentity(w, "ruleSet", summary.RuleSet);
            w.WritePropertyName("summary");
            w.WriteStartObject();
            w.WritePropertyName("total");
            w.WriteValue(summary.Total);
            w.WritePropertyName("passed");
            w.WriteValue(summary.Passed);
            w.WritePropertyName("failed");
            w.WriteValue(summary.Failed);
            w.WritePropertyName("errors");
            w.WriteValue(summary.Errors);
            w.WritePropertyName("withoutExpectations");
            w.WriteValue(summary.WithoutExpectations);
            w.WritePropertyName("seconds");
            w.WriteRawValue(ReportText.Seconds(summary.Elapsed));
            w.WritePropertyName("workers");
            w.WriteValue(summary.Workers);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        var text = header.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        Output.Write(text.AsSpan(0, text.LastIndexOf('}')).TrimEnd());
        Output.Write(",\n  \"cases\": [");
        if (!_first)
        {
            Output.Write('\n');
            _spool.CopyTo(Output);
            Output.Write("\n  ");
        }
        Output.Write("]\n}\n");
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !Disposed)
        {
            ((IDisposable)_cases).Dispose();
            _spool.Dispose();
        }
        base.Dispose(disposing);
    }
}
