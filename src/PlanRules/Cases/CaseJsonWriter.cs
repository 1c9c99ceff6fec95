using System.Globalization;
using Newtonsoft.Json;

using PlanRules.Rules;

namespace PlanRules.Cases;

/// <summary>
/// Writes a case as canonical <c>planrules.case/1</c> JSON: keys in a fixed order (schema, caseId, patient,
/// findings sorted by key, history, labs sorted by key, goals), two-space indentation, <c>\n</c> line
/// ends, invariant numbers in their shortest round-trip form (<c>7</c>, <c>7.2</c>). What is unknown is left out;
/// an empty history list is written as <c>[]</c> (a known "none"). Stateless and thread-safe.
/// </summary>
internal static class CaseJsonWriter
{
    /// <summary>The canonical JSON of <paramref name="patientCase"/>.</summary>
    /// <exception cref="InvalidOperationException">A number of the case is not finite.</exception>
    public static string Write(PatientCase patientCase) => Write(patientCase, null);

    /// <summary>
    /// The canonical JSON of <paramref name="patientCase"/>, with <paramref name="writeMore"/> writing more members of the
    /// root object after the clinical ones (PlanRules.Testing writes the <c>expect</c> block this way).
    /// </summary>
    /// <exception cref="InvalidOperationException">A number of the case is not finite.</exception>
    public static string Write(PatientCase patientCase, Action<JsonWriter>? writeMore)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = new JsonTextWriter(text)
        {
            Formatting = Formatting.Indented,
            Indentation = 2,
            IndentChar = ' ',
            Culture = CultureInfo.InvariantCulture,
            StringEscapeHandling = StringEscapeHandling.Default,
        })
        {
            writer.WriteStartObject();
            writer.WritePropertyName("schema");
            writer.WriteValue(PatientCase.Schema);
            if (patientCase.CaseId is { } caseId)
            {
                writer.WritePropertyName("caseId");
                writer.WriteValue(caseId);
            }
            WritePatient(writer, patientCase.Patient);
            WriteFindings(writer, patientCase.Findings);
            WriteHistory(writer, patientCase.History);
            WriteLabs(writer, patientCase.Labs);
            if (patientCase.Goals is { } goals) WriteStrings(writer, "goals", goals);
            writeMore?.Invoke(writer);
            writer.WriteEndObject();
        }
        return text.ToString();
    }

    /// <summary>A number as canonical JSON: shortest round-trip form, invariant, <c>0</c> for negative zero.</summary>
    public static string FormatNumber(double value, string path)
    {
        if (!double.IsFinite(value))
            throw new InvalidOperationException($"The case cannot be written as JSON: the number at {path} is not finite.");
        return value == 0 ? "0" : value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void WriteNumber(JsonWriter writer, string name, double value, string path)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(FormatNumber(value, path));
    }

    private static void WritePatient(JsonWriter writer, PatientInfo? patient)
    {
        if (patient is null || (patient.AgeYears is null && patient.Sex is null && patient.Pregnant is null)) return;
        writer.WritePropertyName("patient");
        writer.WriteStartObject();
        if (patient.AgeYears is { } age) WriteNumber(writer, "ageYears", age, "$.patient.ageYears");
        if (patient.Sex is { } sex)
        {
            writer.WritePropertyName("sex");
            writer.WriteValue(sex);
        }
        if (patient.Pregnant is { } pregnant)
        {
            writer.WritePropertyName("pregnant");
            writer.WriteValue(pregnant);
        }
        writer.WriteEndObject();
    }

    private static void WriteFindings(JsonWriter writer, IReadOnlyDictionary<string, FactValue>? findings)
    {
        if (findings is null || findings.Count == 0) return;
        writer.WritePropertyName("findings");
        writer.WriteStartObject();
        foreach (var (code, value) in findings.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(code);
            switch (value)
            {
                case null: writer.WriteNull(); break;
                case { Type: Rules.FactType.Number }: writer.WriteRawValue(FormatNumber(value.NumberValue, "a finding")); break;
                case { Type: Rules.FactType.Boolean }: writer.WriteValue(value.BooleanValue); break;
                default: writer.WriteValue(value.WordValue); break;
            }
        }
        writer.WriteEndObject();
    }

    private static void WriteLabs(JsonWriter writer, IReadOnlyDictionary<string, double>? labs)
    {
        if (labs is null || labs.Count == 0) return;
        writer.WritePropertyName("labs");
        writer.WriteStartObject();
        foreach (var (code, value) in labs.OrderBy(l => l.Key, StringComparer.Ordinal))
            WriteNumber(writer, code, value, "a lab value");
        writer.WriteEndObject();
    }

    private static void WriteHistory(JsonWriter writer, CaseHistory? history)
    {
        if (history is null || (history.Conditions is null && history.Medications is null && history.Allergies is null
                                && history.Devices is null && history.Procedures is null))
            return;
        writer.WritePropertyName("history");
        writer.WriteStartObject();
        if (history.Conditions is { } conditions) WriteStrings(writer, "conditions", conditions);
        if (history.Medications is { } medications)
        {
            writer.WritePropertyName("medications");
            writer.WriteStartArray();
            for (var i = 0; i < medications.Count; i++)
            {
                var medication = medications[i];
                if (medication is null) { writer.WriteNull(); continue; }
                var path = $"$.history.medications[{i.ToString(CultureInfo.InvariantCulture)}]";
                writer.WriteStartObject();
                writer.WritePropertyName("code");
                writer.WriteValue(medication.Code);
                if (medication.LastDoseHoursAgo is { } hours) WriteNumber(writer, "lastDoseHoursAgo", hours, path + ".lastDoseHoursAgo");
                if (medication.Dose is { } dose)
                {
                    writer.WritePropertyName("dose");
                    writer.WriteValue(dose);
                }
                if (medication.Indication is { } indication)
                {
                    writer.WritePropertyName("indication");
                    writer.WriteValue(indication);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (history.Allergies is { } allergies) WriteStrings(writer, "allergies", allergies);
        if (history.Devices is { } devices) WriteStrings(writer, "devices", devices);
        if (history.Procedures is { } procedures)
        {
            writer.WritePropertyName("procedures");
            writer.WriteStartArray();
            for (var i = 0; i < procedures.Count; i++)
            {
                var procedure = procedures[i];
                if (procedure is null) { writer.WriteNull(); continue; }
                var path = $"$.history.procedures[{i.ToString(CultureInfo.InvariantCulture)}]";
                writer.WriteStartObject();
                writer.WritePropertyName("code");
                writer.WriteValue(procedure.Code);
                if (procedure.WeeksAgo is { } weeksAgo) WriteNumber(writer, "weeksAgo", weeksAgo, path + ".weeksAgo");
                if (procedure.ReliefPercent is { } reliefPercent) WriteNumber(writer, "reliefPercent", reliefPercent, path + ".reliefPercent");
                if (procedure.ReliefWeeks is { } reliefWeeks) WriteNumber(writer, "reliefWeeks", reliefWeeks, path + ".reliefWeeks");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    /// <summary>A list of strings as a member.</summary>
    public static void WriteStrings(JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var value in values ?? []) writer.WriteValue(value);
        writer.WriteEndArray();
    }

    /// <summary>A string member, left out when <c>null</c>.</summary>
    public static void WriteOptional(JsonWriter writer, string name, string? value)
    {
        if (value is null) return;
        writer.WritePropertyName(name);
        writer.WriteValue(value);
    }
}
