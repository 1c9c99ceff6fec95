using System.Globalization;
using System.Text;
using System.Xml;
using PlanRules.Diagnostics;

namespace PlanRules.Replay;

/// <summary>
/// Writes a replay as JUnit XML, the format CI systems read: one <c>testsuites</c> with one <c>testsuite</c> (the rule
/// set) holding one <c>testcase</c> per case (name = the case's name in the corpus, time in seconds); a case that misses
/// an expectation has a <c>failure</c> listing each one with the actual plan items and the rules involved, and a case
/// that cannot be read or planned has an <c>error</c> with its diagnostics (never an identifier's value). Counts
/// (<c>tests</c>, <c>failures</c>, <c>errors</c>, <c>skipped</c>) and <c>time</c> are on both suite elements. Not thread-safe.
/// </summary>
public sealed class JUnitReportWriter : ReplayReportWriter
{
    private readonly Spool _spool = new();
    private readonly XmlWriter _cases;
    private int _written;

    /// <summary>Creates the writer.</summary>
    /// <param name="output">Where the XML goes (UTF-8 is declared).</param>
    public JUnitReportWriter(TextWriter output) : base(output) =>
        _cases = XmlWriter.Create(_spool.Writer, new XmlWriterSettings
        {
            ConformanceLevel = ConformanceLevel.Fragment, Indent = false, NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false, OmitXmlDeclaration = true,
        });

    /// <inheritdoc />
    protected override void AddCore(ReplayCaseResult result)
    {
        _cases.Flush();
        _spool.Writer.Write(_written++ == 0 ? "    " : "\n    ");
        _cases.WriteStartElement("testcase");
        _cases.WriteAttributeString("name", ReportText.Xml(result.Name));
        _cases.WriteAttributeString("classname", "planrules.replay");
        _cases.WriteAttributeString("time", ReportText.Seconds(result.Elapsed));
        switch (result.Outcome)
        {
            case ReplayOutcome.Failed:
            {
                _cases.WriteStartElement("failure");
                _cases.WriteAttributeString("message", ReportText.Xml(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Failures.Count} expectation(s) not met: {result.Failures[0]}")));
                _cases.WriteAttributeString("type", "expectation");
                _cases.WriteString(ReportText.Xml(string.Join('\n', result.Failures)));
                _cases.WriteEndElement();
                break;
            }
            case ReplayOutcome.Error:
            {
                _cases.WriteStartElement("error");
                _cases.WriteAttributeString("message", ReportText.Xml(ReportText.ErrorSummary(result.Case)));
                _cases.WriteAttributeString("type", result.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Code ?? "error");
                _cases.WriteString(ReportText.Xml(string.Join('\n', ReportText.Problems(result.Case))));
                _cases.WriteEndElement();
                break;
            }
        }
        _cases.WriteEndElement();
    }

    /// <inheritdoc />
    protected override void CompleteCore(ReplaySummary summary)
    {
        _cases.Flush();
        using var xml = XmlWriter.Create(Output, new XmlWriterSettings
        {
            Indent = true, IndentChars = "  ", NewLineChars = "\n", CloseOutput = false, Encoding = Encoding.UTF8,
        });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "planrules replay");
        Counts(xml, summary);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", ReportText.Xml($"{summary.RuleSet.Name} {summary.RuleSet.Version}"));
        Counts(xml, summary);
        xml.WriteStartElement("properties");
        Property(xml, "ruleSet.name", summary.RuleSet.Name);
        Property(xml, "ruleSet.version", summary.RuleSet.Version);
        Property(xml, "ruleSet.sha256", summary.RuleSet.Sha256);
        Property(xml, "workers", summary.Workers.ToString(CultureInfo.InvariantCulture));
        Property(xml, "withoutExpectations", summary.WithoutExpectations.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.Flush();
        if (summary.Total > 0)
        {
            // The spooled test cases (one element per line, bodies escaped), copied under the suite.
            xml.WriteRaw("\n");
            _spool.CopyTo((buffer, index, count) => xml.WriteRaw(buffer, index, count));
            xml.WriteRaw("\n  ");
        }
        xml.WriteFullEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        Output.Write('\n');
    }

    private static void Counts(XmlWriter xml, ReplaySummary summary)
    {
        xml.WriteAttributeString("tests", summary.Total.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", summary.Failed.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", summary.Errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", ReportText.Seconds(summary.Elapsed));
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", ReportText.Xml(value));
        xml.WriteEndElement();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !Disposed)
        {
            _cases.Dispose();
            _spool.Dispose();
        }
        base.Dispose(disposing);
    }
}
