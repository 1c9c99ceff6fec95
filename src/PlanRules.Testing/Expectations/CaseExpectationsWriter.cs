using Newtonsoft.Json;
using PlanRules.Cases;

namespace PlanRules.Replay;

/// <summary>
/// Writes a case file with its <c>expect</c> block: the canonical JSON of <see cref="PatientCase.ToJson"/> with
/// <c>expect</c> as the last member (candidates, excluded, warnings, missingInformation, referrals, noCandidates; empty
/// <c>include</c>/<c>exclude</c> lists left out). Reading the output back with <see cref="PatientCase.FromJson(string, Rules.Vocabulary)"/>
/// and <see cref="CaseExpectationsReader.Read(string, Rules.Vocabulary)"/> gives an equal case and equal expectations. Stateless and thread-safe.
/// </summary>
public static class CaseExpectationsWriter
{
    /// <summary>The case as canonical <c>planrules.case/1</c> JSON with <paramref name="expectations"/> as its <c>expect</c> block.</summary>
    /// <param name="patientCase">The clinical case.</param>
    /// <param name="expectations">The expectations; <c>null</c> writes the case alone, as <see cref="PatientCase.ToJson"/> does.</param>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is <c>null</c>.</exception>
    /// <exception cref="InvalidOperationException">A number in the case is not finite.</exception>
    public static string WriteCase(PatientCase patientCase, CaseExpectations? expectations)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        return expectations is null
            ? CaseJsonWriter.Write(patientCase)
            : CaseJsonWriter.Write(patientCase, writer => WriteExpect(writer, expectations));
    }

    private static void WriteExpect(JsonWriter writer, CaseExpectations expect)
    {
        writer.WritePropertyName("expect");
        writer.WriteStartObject();
        WriteListExpectation(writer, "candidates", expect.Candidates);
        WriteListExpectation(writer, "excluded", expect.Excluded);
        if (expect.Warnings is { } warnings)
        {
            writer.WritePropertyName("warnings");
            writer.WriteStartObject();
            WriteWarnings(writer, "include", warnings.Include);
            WriteWarnings(writer, "exclude", warnings.Exclude);
            writer.WriteEndObject();
        }
        WriteListExpectation(writer, "missingInformation", expect.MissingInformation);
        WriteListExpectation(writer, "referrals", expect.Referrals);
        if (expect.NoCandidates is { } noCandidates)
        {
            writer.WritePropertyName("noCandidates");
            writer.WriteValue(noCandidates);
        }
        writer.WriteEndObject();
    }

    private static void WriteListExpectation(JsonWriter writer, string name, ListExpectation? expectation)
    {
        if (expectation is null) return;
        writer.WritePropertyName(name);
        writer.WriteStartObject();
        if (expectation.Include is { Count: > 0 } include) CaseJsonWriter.WriteStrings(writer, "include", include);
        if (expectation.Exclude is { Count: > 0 } exclude) CaseJsonWriter.WriteStrings(writer, "exclude", exclude);
        writer.WriteEndObject();
    }

    private static void WriteWarnings(JsonWriter writer, string name, IReadOnlyList<WarningExpectation>? warnings)
    {
        if (warnings is not { Count: > 0 }) return;
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var warning in warnings)
        {
            if (warning is null) { writer.WriteNull(); continue; }
            writer.WriteStartObject();
            CaseJsonWriter.WriteOptional(writer, "about", warning.About);
            CaseJsonWriter.WriteOptional(writer, "appliesTo", warning.AppliesTo);
            CaseJsonWriter.WriteOptional(writer, "code", warning.Code);
            CaseJsonWriter.WriteOptional(writer, "severity", warning.Severity);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
