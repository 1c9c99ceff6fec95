using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace PlanRules.Privacy;

/// <summary>
/// Text that may be shown anywhere — a diagnostic, a log line, a report, a plan's text view — because it is built
/// only from what the library itself owns: the literal text of its own source code, vocabulary words and codes of
/// the rule set, counts and limits, and <em>descriptions</em> of case values ("a text of 18 characters"). A value
/// that came from a case can never be put into it: an interpolated <see cref="SafeText"/> accepts no
/// <see cref="string"/> hole (the compiler refuses one), and the only ways to turn a string into safe text are
/// <c>OneOf</c> (shown when it is a member of a set the library owns, described by its shape otherwise)
/// and <see cref="Shape(string)"/>. This is the one choke point every case-facing diagnostic goes through
/// (<see cref="CaseDiagnostic"/>); a test keeps the rest of the code from building case diagnostics another way.
/// Immutable once built; thread-safe.
/// </summary>
/// <remarks>
/// Written as an interpolated string: <c>SafeText m = $"unknown finding ({SafeText.Shape(key)}) in {path}";</c>.
/// <see cref="AppendLiteral"/> and the <c>AppendFormatted</c> overloads exist for the compiler; calling them by
/// hand is refused in review (a test looks for it).
/// </remarks>
[InterpolatedStringHandler]
internal sealed class SafeText
{
    private readonly StringBuilder _text;
    private bool _sealed;

    /// <summary>Used by the compiler for an interpolated string.</summary>
    public SafeText(int literalLength, int formattedCount)
    {
        _ = formattedCount;
        _text = new StringBuilder(literalLength + 16);
    }

    private SafeText(string text)
    {
        _text = new StringBuilder(text);
        _sealed = true;
    }

    /// <summary>The empty text.</summary>
    public static SafeText Empty { get; } = new(string.Empty);

    /// <summary>Used by the compiler: the literal parts of an interpolated string in the library's source.</summary>
    public void AppendLiteral(string literal) => Append(literal);

    /// <summary>Used by the compiler: another safe text.</summary>
    public void AppendFormatted(SafeText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Append(text.ToString());
    }

    /// <summary>Used by the compiler: a case path (its keys are shown only when the format or vocabulary defines them).</summary>
    public void AppendFormatted(CasePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Append(path.ToString());
    }

    /// <summary>Used by the compiler: a count, a limit, a line or an index (the library's own numbers).</summary>
    public void AppendFormatted(int number) => Append(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>Used by the compiler: a count or a size in bytes (the library's own numbers).</summary>
    public void AppendFormatted(long number) => Append(number.ToString(CultureInfo.InvariantCulture));

    private void Append(string s)
    {
        if (_sealed) throw new InvalidOperationException("safe text is immutable once built");
        _text.Append(s);
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    // ------------------------------------------------------------------ ways in

    /// <summary>
    /// <paramref name="value"/> itself when it is a member of <paramref name="allowed"/> (a vocabulary's codes or
    /// words, the keys a format defines, a rule set's codes: sets the library owns), else its shape.
    /// </summary>
    public static SafeText OneOf(string? value, IReadOnlySet<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (value is null) return new SafeText("nothing");
        return allowed.Contains(value) ? new SafeText(value) : Shape(value);
    }

    /// <summary>
    /// <paramref name="value"/> when <paramref name="isKnown"/> says it is the library's own (a code of the rule set),
    /// else its shape.
    /// </summary>
    public static SafeText OneOf(string? value, Func<string, bool> isKnown)
    {
        ArgumentNullException.ThrowIfNull(isKnown);
        if (value is null) return new SafeText("nothing");
        return isKnown(value) ? new SafeText(value) : Shape(value);
    }

    /// <summary>
    /// A list of words the library owns (a vocabulary's allowed words, a format's keys), comma-separated.
    /// Only for sets the library owns: every word is checked to be a member.
    /// </summary>
    public static SafeText List(IEnumerable<string> words, IReadOnlySet<string> owner)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(owner);
        return new SafeText(string.Join(", ", words.Select(w => OneOf(w, owner).ToString())));
    }

    /// <summary>What a string looks like, never what it says: <c>a text of 18 characters</c>.</summary>
    public static SafeText Shape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0) return new SafeText("an empty text");
        if (string.IsNullOrWhiteSpace(value)) return new SafeText("a text of only spaces");
        var length = new StringInfo(value).LengthInTextElements;
        return new SafeText(length == 1 ? "a text of 1 character" : "a text of " + length.ToString(CultureInfo.InvariantCulture) + " characters");
    }

    /// <summary>What a key looks like, never what it says: <c>a key of 7 characters</c>.</summary>
    public static SafeText KeyShape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var length = new StringInfo(key).LengthInTextElements;
        return new SafeText(length == 0 ? "an empty key" : length == 1 ? "a key of 1 character" : "a key of " + length.ToString(CultureInfo.InvariantCulture) + " characters");
    }

    /// <summary>
    /// Where a number stands against a range, never the number: <c>a number below 0</c>, <c>a number above 10</c>,
    /// <c>a number that is not finite</c>. The bounds are the vocabulary's.
    /// </summary>
    public static SafeText NumberShape(double value, double? min, double? max)
    {
        if (!double.IsFinite(value)) return new SafeText("a number that is not finite");
        if (min is { } lo && value < lo) return new SafeText("a number below " + Number(lo));
        if (max is { } hi && value > hi) return new SafeText("a number above " + Number(hi));
        return new SafeText("a number");
    }

    /// <summary>
    /// A number the library owns or has validated (a vocabulary bound, a rule's threshold, a case value that passed
    /// its fact's range check), as JSON writes it: <c>7</c>, <c>7.2</c>.
    /// </summary>
    public static SafeText Validated(double value) => new(Number(value));

    private static string Number(double value) => value == 0 ? "0" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Text the library owns that is not a literal of this source file: a rule set's message or name, a constant of
    /// another class. Never for anything read from a case. Uses are listed by a test, so each one is reviewed.
    /// </summary>
    public static SafeText Trusted(string libraryText)
    {
        ArgumentNullException.ThrowIfNull(libraryText);
        return new SafeText(libraryText);
    }
}
