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

    private readonly SpooledJsonReport _report = new();

    /// <summary>Creates the writer.</summary>
    /// <param name="output">Where the JSON goes.</param>
    public JsonReportWriter(TextWriter output) : base(output)
    {
    }

    /// <inheritdoc />
    protected override void AddCore(ReplayCaseResult result) => _report.Add(result, WriteCase);

    /// <inheritdoc />
    protected override void CompleteCore(ReplaySummary summary) => _report.WriteTo(Output, Schema, w => WriteHeader(w, summary));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !Disposed) _report.Dispose();
        base.Dispose(disposing);
    }

    private static void WriteCase(JsonWriter w, ReplayCaseResult result)
    {
        w.WriteStartObject();
        w.WritePropertyName("name");
        w.WriteValue(result.Name);
        w.WritePropertyName("caseId");
        w.WriteValue(result.Case.CaseId);
        w.WritePropertyName("outcome");
        w.WriteValue(result.Outcome.ToString().ToLowerInvariant());
        w.WritePropertyName("hasExpectations");
        w.WriteValue(result.HasExpectations);
        w.WritePropertyName("seconds");
        w.WriteRawValue(ReportText.Seconds(result.Elapsed));
        if (result.Failures.Count > 0)
        {
            w.WritePropertyName("failures");
            w.WriteStartArray();
            foreach (var f in result.Failures)
            {
                w.WriteStartObject();
                w.WritePropertyName("section");
                w.WriteValue(f.Section);
                w.WritePropertyName("expectation");
                w.WriteValue(f.Expectation);
                w.WritePropertyName("actual");
                w.WriteValue(f.Actual);
                ReportText.WriteStrings(w, "rules", f.Rules);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        ReportText.WriteDiagnostics(w, result.Case);
        w.WriteEndObject();
    }

    private static void WriteHeader(JsonWriter w, ReplaySummary summary)
    {
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
    }
}
