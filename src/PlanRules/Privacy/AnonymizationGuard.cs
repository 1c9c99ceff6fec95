using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PlanRules.Diagnostics;

namespace PlanRules.Privacy;

/// <summary>
/// Refuses direct identifiers in a case (<c>docs/case-format.md</c>, "Anonymization"): a name, a medical
/// record number, a date of birth, an address, a phone number, an e-mail address or a national identifier,
/// either as a field (a key anywhere in the document) or as a string value that looks like one.
/// Every diagnostic it makes names the field or path and the kind of identifier, never the value.
/// Stateless and thread-safe.
/// </summary>
internal static partial class AnonymizationGuard
{
    /// <summary>The diagnostic code of a refused identifier.</summary>
    public const string Code = DiagnosticCodes.DirectIdentifier;

    private const string Name = "a name";
    private const string RecordNumber = "a medical record number";
    private const string BirthDate = "a date of birth";
    private const string Address = "an address";
    private const string Phone = "a phone number";
    private const string Email = "an e-mail address";
    private const string NationalId = "a national identifier";
    private const string Date = "a calendar date (a possible date of birth)";

    // Field names, normalized (lower case, without '_', '-', ' ' and '.').
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = Name, ["firstname"] = Name, ["lastname"] = Name, ["fullname"] = Name, ["patientname"] = Name,
        ["givenname"] = Name, ["familyname"] = Name, ["surname"] = Name, ["middlename"] = Name, ["forename"] = Name,
        ["maidenname"] = Name, ["initials"] = Name,
        ["mrn"] = RecordNumber, ["medicalrecordnumber"] = RecordNumber, ["recordnumber"] = RecordNumber,
        ["medicalrecord"] = RecordNumber, ["patientid"] = RecordNumber, ["patientnumber"] = RecordNumber,
        ["hospitalnumber"] = RecordNumber, ["chartnumber"] = RecordNumber,
        ["dob"] = BirthDate, ["dateofbirth"] = BirthDate, ["birthdate"] = BirthDate, ["birthday"] = BirthDate,
        ["address"] = Address, ["street"] = Address, ["streetaddress"] = Address, ["postcode"] = Address,
        ["postalcode"] = Address, ["zipcode"] = Address, ["zip"] = Address, ["homeaddress"] = Address,
        ["phone"] = Phone, ["phonenumber"] = Phone, ["telephone"] = Phone, ["telephonenumber"] = Phone, ["tel"] = Phone,
        ["mobile"] = Phone, ["mobilenumber"] = Phone, ["mobilephone"] = Phone, ["cellphone"] = Phone, ["fax"] = Phone,
        ["email"] = Email, ["emailaddress"] = Email, ["mail"] = Email,
        ["ssn"] = NationalId, ["socialsecuritynumber"] = NationalId, ["nationalid"] = NationalId,
        ["nationalidentifier"] = NationalId, ["nationalidnumber"] = NationalId, ["nhsnumber"] = NationalId,
        ["passport"] = NationalId, ["passportnumber"] = NationalId, ["insurancenumber"] = NationalId,
        ["healthcardnumber"] = NationalId, ["medicarenumber"] = NationalId, ["medicaidnumber"] = NationalId,
        ["driverslicense"] = NationalId, ["driverlicense"] = NationalId, ["taxid"] = NationalId,
    };

    // Normalized endings that make a field an identifier whatever comes before (homePhone, patient_email, ...).
    private static readonly (string Suffix, string Kind)[] FieldSuffixes =
    [
        ("firstname", Name), ("lastname", Name), ("fullname", Name), ("surname", Name), ("givenname", Name),
        ("familyname", Name), ("mrn", RecordNumber), ("recordnumber", RecordNumber), ("dateofbirth", BirthDate),
        ("birthdate", BirthDate), ("address", Address), ("postcode", Address), ("zipcode", Address), ("phone", Phone),
        ("phonenumber", Phone), ("email", Email), ("emailaddress", Email), ("ssn", NationalId),
        ("nhsnumber", NationalId), ("passportnumber", NationalId), ("insurancenumber", NationalId),
    ];

    /// <summary>
    /// The kind of identifier a field name denotes (e.g. <c>a name</c> for <c>lastName</c> or <c>patient_name</c>),
    /// or <c>null</c> when the name is not an identifier field.
    /// </summary>
    public static string? FieldKind(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (FieldKindOf(Normalize(key)) is { } whole) return whole;
        if (key.Contains('.', StringComparison.Ordinal))
            foreach (var segment in key.Split('.'))
                if (FieldKindOf(Normalize(segment)) is { } kind) return kind;
        return null;
    }

    private static string? FieldKindOf(string normalized)
    {
        if (normalized.Length == 0) return null;
        if (Fields.TryGetValue(normalized, out var kind)) return kind;
        foreach (var (suffix, suffixKind) in FieldSuffixes)
            if (normalized.EndsWith(suffix, StringComparison.Ordinal)) return suffixKind;
        return null;
    }

    private static string Normalize(string key)
    {
        Span<char> buffer = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        var n = 0;
        foreach (var c in key)
        {
            if (c is '_' or '-' or ' ' or '.') continue;
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }

    /// <summary>
    /// The kind of identifier a string value looks like (an e-mail address, a phone number, a US social security
    /// number, a calendar date, a medical record number), or <c>null</c> when it looks like none. The value is first
    /// brought to one form — NFKC (fullwidth letters and digits become ASCII, <c>＠</c> becomes <c>@</c>) and every
    /// decimal digit of any script written as its ASCII digit — so that an identifier is recognised whatever script
    /// it is written in. Never throws, whatever the string holds (lone surrogates included).
    /// </summary>
    public static string? ValueKind(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0) return null;
        var text = Canonical(value);
        if (LooksLikeEmail(text)) return Email;
        if (SsnPattern().IsMatch(text)) return NationalId;
        if (LooksLikeDate(text)) return Date;
        if (LooksLikePhone(text)) return Phone;
        if (MrnPattern().IsMatch(text) || LongNumber(text)) return RecordNumber;
        return null;
    }

    /// <summary>The form identifiers are recognised in: well-formed UTF-16, NFKC, ASCII digits.</summary>
    internal static string Canonical(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
                continue;
            }
            sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        var normalized = sb.ToString().Normalize(NormalizationForm.FormKC);
        sb.Clear();
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            int digit;
            if (char.IsHighSurrogate(c) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                digit = CharUnicodeInfo.GetDecimalDigitValue(normalized, i);
                if (digit >= 0) { sb.Append((char)('0' + digit)); i++; continue; }
                sb.Append(c).Append(normalized[++i]);
                continue;
            }
            digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            sb.Append(digit >= 0 ? (char)('0' + digit) : c);
        }
        return sb.ToString();
    }

    /// <summary>Seven or more digits in one run (single spaces, dots, dashes, slashes or brackets between them): a phone or record number.</summary>
    private static bool LongNumber(string value)
    {
        var digits = 0;
        var gap = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++digits >= 7) return true;
                gap = 0;
            }
            else if (c is ' ' or '-' or '.' or '/' or '(' or ')' && digits > 0 && gap == 0)
            {
                gap++;
            }
            else
            {
                digits = 0;
                gap = 0;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether a key is, letter for letter, one of the guard's own identifier field names (<c>dateOfBirth</c>,
    /// <c>last_name</c>, <c>mrn</c>): such a key may be named in a path, it says nothing about anyone.
    /// </summary>
    public static bool IsFieldName(string key)
    {
        foreach (var c in key)
            if (!(char.IsAsciiLetter(c) || c is '_' or '-')) return false;
        return Fields.ContainsKey(Normalize(key));
    }

    /// <summary>Whether a key is refused: an identifier field, or a key that itself looks like an identifier value.</summary>
    public static bool IsIdentifierKey(string key) => FieldKind(key) is not null || ValueKind(key) is not null;

    private static readonly IReadOnlySet<string> Kinds = new HashSet<string>(
        [Name, RecordNumber, BirthDate, Address, Phone, Email, NationalId, Date], StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> FieldNames = new HashSet<string>(Fields.Keys, StringComparer.Ordinal);

    /// <summary>The diagnostic for an identifier field: the key is named only when it is one of the guard's own field names.</summary>
    public static Diagnostic FieldDiagnostic(CasePath path, string key, string kind, int line, int column)
    {
        var normalized = Normalize(key);
        SafeText field = FieldNames.Contains(normalized)
            ? (SafeText)$"a field for {SafeText.OneOf(kind, Kinds)} ('{SafeText.OneOf(normalized, FieldNames)}')"
            : (SafeText)$"a field for {SafeText.OneOf(kind, Kinds)}";
        return CaseDiagnostic.Error(Code, $"{path}: the key is {field}, a direct identifier; remove it: cases must be anonymized", path, line, column);
    }

    /// <summary>The diagnostic for a value that looks like an identifier; the value itself is never shown.</summary>
    public static Diagnostic ValueDiagnostic(CasePath path, string kind, int line, int column) =>
        CaseDiagnostic.Error(Code,
            $"{path}: a value that looks like a direct identifier ({SafeText.OneOf(kind, Kinds)}) is not allowed (the value is not shown); remove it: cases must be anonymized",
            path, line, column);

    /// <summary>The diagnostic for a key that looks like an identifier value; the key itself is never shown.</summary>
    public static Diagnostic KeyValueDiagnostic(CasePath parentPath, string kind, int line, int column) =>
        CaseDiagnostic.Error(Code,
            $"{parentPath}: a key that looks like a direct identifier ({SafeText.OneOf(kind, Kinds)}) is not allowed (the key is not shown); remove it: cases must be anonymized",
            parentPath, line, column);

    /// <summary>The diagnostic for a key (field name or identifier-looking key), or <c>null</c> when the key is fine.</summary>
    public static Diagnostic? KeyDiagnostic(CasePath parentPath, CasePath path, string key, int line, int column)
    {
        if (ValueKind(key) is { } valueKind) return KeyValueDiagnostic(parentPath, valueKind, line, column);
        if (FieldKind(key) is { } fieldKind) return FieldDiagnostic(path, key, fieldKind, line, column);
        return null;
    }

    private static bool LooksLikeEmail(string value)
    {
        // local@domain.tld, found anywhere in the string, in any script; scanning around each '@' keeps this linear.
        for (var at = value.IndexOf('@', StringComparison.Ordinal); at >= 0; at = value.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > 0 && IsLocalChar(value[start - 1])) start--;
            if (start == at) continue;
            var end = at + 1;
            while (end < value.Length && IsDomainChar(value[end])) end++;
            var domain = value.AsSpan(at + 1, end - at - 1).TrimEnd('.');
            var dot = domain.LastIndexOf('.');
            if (dot <= 0 || domain.Length - dot - 1 < 2) continue;
            var tld = domain[(dot + 1)..];
            var allLetters = true;
            foreach (var c in tld) allLetters &= char.IsLetter(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (allLetters) return true;
        }
        return false;

        static bool IsLocalChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c) || IsMark(c) || c is '.' or '_' or '%' or '+' or '-' or '\'';
        static bool IsDomainChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c) || IsMark(c) || c is '.' or '-';
        static bool IsMark(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool LooksLikePhone(string value)
    {
        // A string made only of digits, spaces, + - ( ) . with at least 9 digits.
        var digits = 0;
        var only = true;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (c is not (' ' or '+' or '-' or '(' or ')' or '.' or '\t')) { only = false; break; }
        }
        if (only && digits >= 9) return true;
        // Inside a longer text: a North American number (555-123-4567, (555) 123 4567), an international one
        // (+44 20 7946 0958), or any number after a word that says it is a phone ("tel 020 7946 0958").
        if (NanpPattern().IsMatch(value)) return true;
        foreach (Match m in InternationalPattern().Matches(value))
            if (DigitCount(m.ValueSpan) >= 9) return true;
        foreach (Match m in PhoneWordPattern().Matches(value))
            if (DigitCount(m.Groups[1].ValueSpan) >= 5) return true;
        return false;

        static int DigitCount(ReadOnlySpan<char> span)
        {
            var count = 0;
            foreach (var c in span) if (char.IsAsciiDigit(c)) count++;
            return count;
        }
    }

    private static bool LooksLikeDate(string value)
    {
        foreach (Match m in IsoDatePattern().Matches(value))
            if (IsDate(Int(m.Groups[1].ValueSpan), Int(m.Groups[2].ValueSpan), Int(m.Groups[3].ValueSpan))) return true;
        foreach (Match m in DayMonthYearPattern().Matches(value))
        {
            var a = Int(m.Groups[1].ValueSpan);
            var b = Int(m.Groups[2].ValueSpan);
            var year = Int(m.Groups[3].ValueSpan);
            if (IsDate(year, b, a) || IsDate(year, a, b)) return true;
        }
        // A month written as a word: "4 March 1961", "March 4, 1961", "04-Mar-1961", "4. März 1961".
        foreach (Match m in DayMonthNameYearPattern().Matches(value))
            if (IsMonth(m.Groups[2].Value) && IsDate(Int(m.Groups[3].ValueSpan), 1, Int(m.Groups[1].ValueSpan))) return true;
        foreach (Match m in MonthNameDayYearPattern().Matches(value))
            if (IsMonth(m.Groups[1].Value) && IsDate(Int(m.Groups[3].ValueSpan), 1, Int(m.Groups[2].ValueSpan))) return true;
        return false;

        // Only ASCII digits reach here (the patterns say [0-9], at most four of them): parsing cannot fail.
        static int Int(ReadOnlySpan<char> s)
        {
            var n = 0;
            foreach (var c in s) n = n * 10 + (c - '0');
            return n;
        }
        static bool IsDate(int year, int month, int day) => year is >= 1800 and <= 2199 && month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    // Month names and their usual abbreviations in English, French, German, Spanish, Italian, Portuguese and Dutch.
    private static readonly HashSet<string> MonthNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre",
        "januar", "jänner", "februar", "märz", "maerz", "juni", "juli", "oktober", "dezember", "okt", "dez",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
        "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
        "janeiro", "fevereiro", "março", "marco", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
        "januari", "februari", "maart", "mei", "augustus",
    };

    private static bool IsMonth(string word) => MonthNames.Contains(word.TrimEnd('.'));

    [GeneratedRegex(@"(?<![0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SsnPattern();

    // A record number introduced by a word that says so: "MRN 448812", "RN 4481-2291", "record no. 4481", "#448812".
    [GeneratedRegex(@"(?:(?<![\p{L}])mrn[\s:#._-]{0,3}[0-9]|(?<![\p{L}])(?:rn|urn|nhs|chart|record|hospital|patient|no|nr|num|number)[\s:#._-]{0,3}(?:no\.?|nr\.?|number|#)?[\s:#._-]{0,3}[0-9]{3,}|#\s?[0-9]{4,})",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MrnPattern();

    [GeneratedRegex(@"(?<![0-9-])(?:\([0-9]{3}\)\s?|[0-9]{3}[\s.-])[0-9]{3}[\s.-][0-9]{4}(?![0-9-])", RegexOptions.CultureInvariant)]
    private static partial Regex NanpPattern();

    [GeneratedRegex(@"\+[0-9][0-9\s().-]{7,24}[0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalPattern();

    // "tel 020 7946 0958", "phone: 0207946", "mobile 07700 900123", "fax +44 ...".
    [GeneratedRegex(@"(?<![\p{L}])(?:tel|tél|telephone|téléphone|telefon|teléfono|telefono|phone|ph|mobile|mob|cell|fax|handy)\.?[\s:#.-]{0,3}(\+?[0-9][0-9\s().-]{3,24}[0-9])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PhoneWordPattern();

    [GeneratedRegex(@"(?<![0-9])([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"(?<![0-9])([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYearPattern();

    [GeneratedRegex(@"(?<![0-9])([0-9]{1,2})(?:st|nd|rd|th|er|\.)?[\s/.-]{0,3}(?:of\s+|de\s+)?(\p{L}{3,10}\.?)[\s/.,-]{0,3}(?:de\s+)?([0-9]{4})(?![0-9])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameYearPattern();

    [GeneratedRegex(@"(?<![\p{L}])(\p{L}{3,10}\.?)[\s/.-]{1,3}([0-9]{1,2})(?:st|nd|rd|th)?[\s/.,-]{1,3}([0-9]{4})(?![0-9])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDayYearPattern();
}
