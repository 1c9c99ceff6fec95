using System.Globalization;
using Newtonsoft.Json;

namespace PlanRules.Replay;

/// <summary>
/// A JSON report written while a run streams: per-case entries are spooled to a temporary file as they come, and
/// <see cref="WriteTo"/> writes the header object (schema, then the totals) followed by the spooled <c>cases</c> array,
/// so a report of any size is written in bounded memory, totals first. Not thread-safe.
/// </summary>
internal sealed class SpooledJsonReport : IDisposable
{
    private readonly Spool _spool = new();
    private readonly JsonTextWriter _cases;
    private bool _first = true;

    public SpooledJsonReport() => _cases = ReportText.Json(_spool.Writer, indented: false);

    /// <summary>Spools one entry of the <c>cases</c> array: <paramref name="write"/> writes one JSON object.</summary>
    public void Add<T>(T item, Action<JsonWriter, T> write)
    {
        if (!_first) _spool.Writer.Write(",\n");
        _first = false;
        _spool.Writer.Write("    ");
        write(_cases, item);
        _cases.Flush();
    }

    /// <summary>
    /// Writes the report to <paramref name="output"/>: an indented object with <c>schema</c>, the properties
    /// <paramref name="writeHeader"/> writes, and the spooled <c>cases</c> array last.
    /// </summary>
    public void WriteTo(TextWriter output, string schema, Action<JsonWriter> writeHeader)
    {
        _cases.Flush();
        // The header is a complete object; its closing brace gives way to the spooled case array.
        var header = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = ReportText.Json(header, indented: true))
        {
            w.WriteStartObject();
            w.WritePropertyName("schema");
            w.WriteValue(schema);
            writeHeader(w);
            w.WriteEndObject();
        }
        var text = header.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        output.Write(text.AsSpan(0, text.LastIndexOf('}')).TrimEnd());
        output.Write(",\n  \"cases\": [");
        if (!_first)
        {
            output.Write('\n');
            _spool.CopyTo(output);
            output.Write("\n  ");
        }
        output.Write("]\n}\n");
    }

    public void Dispose()
    {
        ((IDisposable)_cases).Dispose();
        _spool.Dispose();
    }
}
