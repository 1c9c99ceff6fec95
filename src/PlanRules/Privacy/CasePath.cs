using System.Globalization;
using System.Text;

namespace PlanRules.Privacy;

/// <summary>
/// The JSON path of an element of a case, safe to show: a key is written out only when the case format defines it
/// or the vocabulary knows it as a code (<c>$.findings['pain.nrs']</c>, <c>$.history.medications[0].dose</c>); any
/// other key — a typo, a free-text key, a name someone typed as a key — is written by its position among its
/// object's keys (<c>$.findings[#3]</c> is the third key of <c>findings</c>), so a path never repeats what a case
/// says. Immutable.
/// </summary>
internal sealed class CasePath : IEquatable<CasePath>
{
    private readonly string _text;

    private CasePath(string text) => _text = text;

    /// <summary>The document itself, <c>$</c>.</summary>
    public static CasePath Root { get; } = new("$");

    /// <summary>Whether this is the document itself.</summary>
    public bool IsRoot => _text.Length == 1;

    /// <summary>
    /// The path of a key of the object at this path.
    /// </summary>
    /// <param name="key">The key as written in the case.</param>
    /// <param name="position">The key's 0-based position among its object's keys, shown when the key is not.</param>
    /// <param name="shownKeys">The keys that may be written out: the case format's keys and the vocabulary's codes.</param>
    public CasePath Property(string key, int position, IReadOnlySet<string> shownKeys)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(shownKeys);
        if (!shownKeys.Contains(key) && !AnonymizationGuard.IsFieldName(key))
            return new(_text + "[#" + (position + 1).ToString(CultureInfo.InvariantCulture) + "]");
        if (IsSimpleName(key)) return new(_text + "." + key);
        var sb = new StringBuilder(_text.Length + key.Length + 4).Append(_text).Append("['");
        foreach (var c in key)
        {
            if (c is '\'' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return new(sb.Append("']").ToString());
    }

    /// <summary>The path of an element of the array at this path: <c>$.goals[1]</c>.</summary>
    public CasePath Index(int index) => new(_text + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    private static bool IsSimpleName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => _text;

    /// <inheritdoc />
    public bool Equals(CasePath? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CasePath);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);
}

/// <summary>The keys of <c>planrules.case/1</c>, at any level: what a <see cref="CasePath"/> may always show.</summary>
internal static class CaseFormatKeys
{
    /// <summary>Every key the case format defines.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(
    [
        "schema", "caseId", "patient", "findings", "history", "labs", "goals", "expect",
        "ageYears", "sex", "pregnant",
        "conditions", "medications", "allergies", "devices", "procedures",
        "code", "lastDoseHoursAgo", "dose", "indication", "weeksAgo", "reliefPercent", "reliefWeeks",
        "candidates", "excluded", "warnings", "missingInformation", "referrals", "noCandidates",
        "include", "exclude", "about", "appliesTo", "severity",
    ], StringComparer.Ordinal);
}
