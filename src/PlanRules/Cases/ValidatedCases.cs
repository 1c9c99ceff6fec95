using System.Runtime.CompilerServices;
using PlanRules.Rules;

namespace PlanRules.Cases;

/// <summary>
/// Remembers which (immutable) case instances were already checked against which vocabulary, so that a case read
/// with <see cref="PatientCase.FromJson(string, Vocabulary)"/> or planned once is not checked again. A case changed
/// with <c>with</c> is a new instance and is checked anew. Thread-safe.
/// </summary>
internal static class ValidatedCases
{
    private static readonly ConditionalWeakTable<PatientCase, Vocabulary> Table = new();

    public static void Remember(PatientCase patientCase, Vocabulary vocabulary) => Table.AddOrUpdate(patientCase, vocabulary);

    public static bool WereChecked(PatientCase patientCase, Vocabulary vocabulary) =>
        Table.TryGetValue(patientCase, out var checkedWith) && ReferenceEquals(checkedWith, vocabulary);
}
