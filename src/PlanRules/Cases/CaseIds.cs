using System.Text.RegularExpressions;
using PlanRules.Privacy;

namespace PlanRules.Cases;

/// <summary>
/// What a <c>caseId</c> may look like: an opaque label chosen by whoever anonymized the case, which plans, reports
/// and the command line repeat so a reader can find the case again. It is therefore restricted to a shape that
/// cannot carry free text: 1 to 128 characters of lower-case ASCII letters and digits in groups joined by single
/// <c>-</c>, <c>_</c> or <c>.</c> (<c>case-0001</c>, <c>lumbar-radicular-apixaban</c>), and not looking like an
/// identifier (no dates, phone or record numbers, runs of seven or more digits). A case whose id breaks the rule is
/// refused (PR4011) and its id is never shown. Thread-safe.
/// </summary>
public static partial class CaseIds
{
    /// <summary>The longest case id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>The rule in words, as diagnostics and the documentation state it.</summary>
    internal static SafeText Rule => $"1 to {MaxLength} lower-case letters a-z and digits, in groups joined by single '-', '_' or '.'";

    /// <summary>Whether <paramref name="caseId"/> may be used (and shown) as a case id.</summary>
    public static bool IsValid(string? caseId) =>
        caseId is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(caseId) && AnonymizationGuard.ValueKind(caseId) is null;

    [GeneratedRegex(@"\A[a-z0-9]+(?:[-_.][a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
