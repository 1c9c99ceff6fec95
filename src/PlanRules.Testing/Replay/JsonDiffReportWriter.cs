using Newtonsoft.Json;

namespace PlanRules.Replay;

/// <summary>
/// Writes a diff as JSON (<c>planrules.diff-report/1</c>): both rule sets, the totals, the count of each kind of change
/// (<c>changes</c> and <c>cases</c>), then one entry per changed case (its changes with kind, section, item, before,
/// after and rules) or per case that could not be read or planned (its diagnostics). Not thread-safe.
/// </summary>
public sealed class JsonDiffReportWriter : DiffReportWriter
{
    /// <summary>The schema identifier written into the report.</summary>
    public const string Schema = "planrules.diff-report/1";

    private readonly SpooledJsonReport _report = new();

    /// <summary>Creates the writer.</summary>
    /// <param name="output">Where the JSON goes.</param>
    public JsonDiffReportWriter(TextWriter output) : base(output)
    {
    }

    /// <inheritdoc />
    protected override void AddCore(CaseDiff result) => _report.Add(result, WriteCase);

    /// <inheritdoc />
    protected override void CompleteCore(DiffSummary summary) => _report.WriteTo(Output, Schema, w => WriteHeader(w, summary));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !Disposed) _report.Dispose();
        base.Dispose(disposing);
    }

    private static void WriteCase(JsonWriter w, CaseDiff result)
    {
        w.WriteStartObject();
        w.WritePropertyName("name");
        w.WriteValue(result.Name);
        w.WritePropertyName("caseId");
        w.WriteValue(result.CaseId);
        if (result.Diff is { } diff)
        {
            w.WritePropertyName("changes");
            w.WriteStartArray();
            foreach (var c in diff.Changes)
            {
                w.WriteStartObject();
                w.WritePropertyName("kind");
                w.WriteValue(PlanChange.JsonName(c.Kind));
                w.WritePropertyName("section");
                w.WriteValue(c.Section);
                w.WritePropertyName("item");
                w.WriteValue(c.Item);
                w.WritePropertyName("before");
                w.WriteValue(c.Before);
                w.WritePropertyName("after");
                w.WriteValue(c.After);
                ReportText.WriteStrings(w, "rules", c.Rules);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        else
        {
            w.WritePropertyName("error");
            w.WriteValue(ReportText.ErrorSummary(result.Failed!));
            foreach (var (side, planned) in new[] { ("before", result.Before), ("after", result.After) })
            {
                if (planned.Succeeded) continue;
                w.WritePropertyName(side);
                w.WriteStartObject();
                ReportText.WriteDiagnostics(w, planned);
                w.WriteEndObject();
            }
        }
        w.WriteEndObject();
    }

    private static void WriteHeader(JsonWriter w, DiffSummary summary)
    {
        ReportText.WriteIdentity(w, "before", summary.Before);
        ReportText.WriteIdentity(w, "after", summary.After);
        w.WritePropertyName("summary");
        w.WriteStartObject();
        w.WritePropertyName("total");
        w.WriteValue(summary.Total);
        w.WritePropertyName("changed");
        w.WriteValue(summary.Changed);
        w.WritePropertyName("unchanged");
        w.WriteValue(summary.Unchanged);
        w.WritePropertyName("errors");
        w.WriteValue(summary.Errors);
        w.WritePropertyName("seconds");
        w.WriteRawValue(ReportText.Seconds(summary.Elapsed));
        w.WritePropertyName("workers");
        w.WriteValue(summary.Workers);
        w.WriteEndObject();
        w.WritePropertyName("changes");
        w.WriteStartObject();
        foreach (var (kind, count) in summary.ChangesByKind)
        {
            w.WritePropertyName(PlanChange.JsonName(kind));
            w.WriteStartObject();
            w.WritePropertyName("changes");
            w.WriteValue(count);
            w.WritePropertyName("cases");
            w.WriteValue(summary.CasesByKind.GetValueOrDefault(kind));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
