using System.Text.RegularExpressions;

namespace PlanRules.Cases;

/// <summary>
/// Refuses direct identifiers in a case (<c>shared/spec/case-format.md</c>, "Anonymization"): a name, a medical
/// record number, a date of birth, an address, a phone number, an e-mail address or a national identifier,
/// either as a field (a key anywhere in the document) or as a string value that looks like one.
/// Every diagnostic it makes names the field or path and the kind of identifier, never the value.
/// Stateless and thread-safe.
/// </summary>
internal static partial class AnonymizationGuard
{
    /// <summary>The diagnostic code of a refused identifier.</summary>
    public const string Code = "PR4009";

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
    /// number, a calendar date, a medical record number), or <c>null</c> when it looks like none.
    /// </summary>
    public static string? ValueKind(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0) return null;
        if (LooksLikeEmail(value)) return Email;
        if (SsnPattern().IsMatch(value)) return NationalId;
        if (LooksLikePhone(value)) return Phone;
        if (LooksLikeDate(value)) return Date;
        if (MrnPattern().IsMatch(value)) return RecordNumber;
        return null;
    }

    /// <summary>Whether a key is refused: an identifier field, or a key that itself looks like an identifier value.</summary>
    public static bool IsIdentifierKey(string key) => FieldKind(key) is not null || ValueKind(key) is not null;

    /// <summary>The diagnostic for an identifier field.</summary>
    public static Diagnostic FieldDiagnostic(string path, string key, string kind, int line, int column) =>
        new(Code, DiagnosticSeverity.Error,
            $"{path}: '{key}' is a direct identifier ({kind}); remove it: cases must be anonymized", null, line, column)
        {
            JsonPath = path,
        };

    /// <summary>The diagnostic for a value that looks like an identifier; the value itself is never shown.</summary>
    public static Diagnostic ValueDiagnostic(string path, string kind, int line, int column) =>
        new(Code, DiagnosticSeverity.Error,
            $"{path}: a value that looks like a direct identifier ({kind}) is not allowed (the value is not shown); remove it: cases must be anonymized",
            null, line, column)
        {
            JsonPath = path,
        };

    /// <summary>The diagnostic for a key that looks like an identifier value; the key itself is never shown.</summary>
    public static Diagnostic KeyValueDiagnostic(string parentPath, string kind, int line, int column) =>
        new(Code, DiagnosticSeverity.Error,
            $"{parentPath}: a key that looks like a direct identifier ({kind}) is not allowed (the key is not shown); remove it: cases must be anonymized",
            null, line, column)
        {
            JsonPath = parentPath,
        };

    /// <summary>The diagnostic for a key (field name or identifier-looking key), or <c>null</c> when the key is fine.</summary>
    public static Diagnostic? KeyDiagnostic(string parentPath, string path, string key, int line, int column)
    {
        if (ValueKind(key) is { } valueKind) return KeyValueDiagnostic(parentPath, valueKind, line, column);
        if (FieldKind(key) is { } fieldKind) return FieldDiagnostic(path, key, fieldKind, line, column);
        return null;
    }

    private static bool LooksLikeEmail(string value)
    {
        // local@domain.tld, found anywhere in the string; scanning around each '@' keeps this linear.
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
            foreach (var c in tld) allLetters &= char.IsAsciiLetter(c);
            if (allLetters) return true;
        }
        return false;

        static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '\'';
        static bool IsDomainChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';
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
        // Inside a longer text: a North American number (555-123-4567, (555) 123 4567) or an international one (+44 20 7946 0958).
        if (NanpPattern().IsMatch(value)) return true;
        foreach (Match m in InternationalPattern().Matches(value))
        {
            var count = 0;
            foreach (var c in m.ValueSpan) if (char.IsAsciiDigit(c)) count++;
            if (count >= 9) return true;
        }
        return false;
    }

    private static bool LooksLikeDate(string value)
    {
        foreach (Match m in IsoDatePattern().Matches(value))
            if (IsDate(Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value))) return true;
        foreach (Match m in DayMonthYearPattern().Matches(value))
        {
            var a = Int(m.Groups[1].Value);
            var b = Int(m.Groups[2].Value);
            var year = Int(m.Groups[3].Value);
            if (IsDate(year, b, a) || IsDate(year, a, b)) return true;
        }
        return false;

        static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        static bool IsDate(int year, int month, int day) => year is >= 1800 and <= 2199 && month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    [GeneratedRegex(@"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SsnPattern();

    [GeneratedRegex(@"(?<![A-Za-z])mrn[\s:#._-]{0,3}\d", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MrnPattern();

    [GeneratedRegex(@"(?<![\d-])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex NanpPattern();

    [GeneratedRegex(@"\+\d[\d\s().-]{7,24}\d", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalPattern();

    [GeneratedRegex(@"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYearPattern();
}
