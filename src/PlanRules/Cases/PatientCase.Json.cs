using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Cases;

public sealed partial record PatientCase
{
    /// <summary>
    /// Reads a <c>planrules.case/1</c> document and checks it against <paramref name="vocabulary"/>.
    /// Bad content never throws: the result carries every problem found (JSON syntax PR4001, wrong types PR4002,
    /// unknown keys PR4003, unknown codes PR4004, words PR4005, ranges PR4006, schema PR4007, duplicates PR4008,
    /// direct identifiers PR4009, size and depth PR4010), each with its JSON path, line and column, and
    /// <see cref="CaseReadResult.Case"/> is <c>null</c> when there is any. A case carrying a direct identifier is
    /// refused, and the identifier is never repeated in a diagnostic. Absent means unknown: a missing history list
    /// stays <c>null</c>, an empty one is a known "none". Input larger than 4 MiB or nested deeper than 64 levels is refused.
    /// Thread-safe.
    /// </summary>
    /// <param name="json">The case document.</param>
    /// <param name="vocabulary">The codes, types, ranges and words the case may use (usually the rule set's).</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="vocabulary"/> is <c>null</c>.</exception>
    public static CaseReadResult FromJson(string json, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var result = CaseJsonReader.Read(json, vocabulary);
        if (result.Case is not null) ValidatedCases.Remember(result.Case, vocabulary);
        return result;
    }

    /// <summary>
    /// Checks a case built in C# against <paramref name="vocabulary"/> with the same checks as
    /// <see cref="FromJson(string, Vocabulary)"/>: unknown codes, words, ranges, duplicates and identifiers.
    /// Diagnostics carry the JSON path the element would have in <see cref="ToJson"/>'s output, and line 0.
    /// Empty when the case is valid. Thread-safe.
    /// </summary>
    /// <param name="vocabulary">The codes, types, ranges and words the case may use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="vocabulary"/> is <c>null</c>.</exception>
    public IReadOnlyList<Diagnostic> Validate(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var diagnostics = new List<Diagnostic>();
        new CaseValidator(vocabulary, diagnostics, reportIdentifiers: true).Validate(this);
        return diagnostics.AsReadOnly();
    }

    /// <summary>
    /// The case as canonical <c>planrules.case/1</c> JSON: schema, caseId, patient, findings (sorted by key),
    /// history, labs (sorted by key), goals; two-space indentation, <c>\n</c> line ends, invariant numbers
    /// in their shortest form (<c>7</c>, <c>7.2</c>). Unknown parts are left out; reading the output back gives an
    /// equal case. An <c>expect</c> block is not part of the clinical case: PlanRules.Testing reads and writes it. Thread-safe.
    /// </summary>
    /// <exception cref="InvalidOperationException">A number in the case is not finite.</exception>
    public string ToJson() => CaseJsonWriter.Write(this);
}
