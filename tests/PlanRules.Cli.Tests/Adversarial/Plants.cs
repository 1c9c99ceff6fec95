using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace PlanRules.Cli.Tests.Adversarial;

/// <summary>
/// Identifier-like strings to plant into cases and bundles: names with non-ASCII letters, record numbers, dates in
/// several scripts and spellings, e-mails with non-ASCII letters, phone numbers written as people write them. All
/// synthetic. Outputs are compared with a planted string after NFKC and case folding (<see cref="Fold"/>).
/// </summary>
internal static class Plants
{
    private static readonly string[] Given = ["Maria", "Zoë", "Jürgen", "Søren", "Nguyễn", "Ólafur", "Aleksandra", "Chidinma", "Đặng", "Émile"];
    private static readonly string[] Family = ["Okonkwo", "Müller-Lüdenscheidt", "Østergård", "Van der Berg", "Ibáñez", "Kowalczyk", "Nakamura", "Haddad"];
    private static readonly string[] Months = ["March", "Mar", "März", "mars", "marzo", "September", "déc."];

    // Decimal digits of several scripts: ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, Fullwidth, Bengali.
    private static readonly char[] Zeros = ['0', '\u0660', '\u06F0', '\u0966', '\uFF10', '\u09E6'];

    private static string Digits(string ascii, char zero)
    {
        var sb = new StringBuilder(ascii.Length);
        foreach (var c in ascii) sb.Append(char.IsAsciiDigit(c) ? (char)(zero + (c - '0')) : c);
        return sb.ToString();
    }

    private static Gen<string> Names() =>
        from g in Gen.Elements(Given)
        from f in Gen.Elements(Family)
        from form in Gen.Choose(0, 2)
        select form switch { 0 => g + " " + f, 1 => f + ", " + g, _ => "Dr " + g + " " + f };

    private static Gen<string> RecordNumbers() =>
        from n in Gen.Choose(1_000_000, 99_999_999)
        from form in Gen.Choose(0, 3)
        let s = n.ToString(CultureInfo.InvariantCulture)
        select form switch
        {
            0 => "MRN " + s,
            1 => "RN " + s[..4] + "-" + s[4..],
            2 => "Hospital no. " + s,
            _ => "#" + s,
        };

    private static Gen<string> Dates() =>
        from year in Gen.Choose(1930, 2010)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from zero in Gen.Elements(Zeros)
        from name in Gen.Elements(Months)
        from form in Gen.Choose(0, 3)
        select form switch
        {
            0 => Digits($"{year:D4}-{month:D2}-{day:D2}", zero),
            1 => Digits($"{day:D2}/{month:D2}/{year:D4}", zero),
            2 => Digits($"{day} ", zero) + name + Digits($" {year}", zero),
            _ => name + Digits($" {day}, {year}", zero),
        };

    private static Gen<string> Emails() =>
        from g in Gen.Elements(Given)
        from f in Gen.Elements(Family)
        from domain in Gen.Elements("exämple.de", "example.org", "пример.рф", "例え.jp")
        select (g + "." + f).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() + "@" + domain;

    private static Gen<string> Phones() =>
        from a in Gen.Choose(100, 999)
        from b in Gen.Choose(1000, 9999)
        from zero in Gen.Elements(Zeros)
        from form in Gen.Choose(0, 2)
        select form switch
        {
            0 => Digits($"tel 020 7946 {b}", zero),
            1 => Digits($"+44 20 {a}0 {b}", zero),
            _ => Digits($"({a}) 555-{b}", zero),
        };

    /// <summary>Every kind of planted string.</summary>
    public static Gen<string> Any() => Gen.OneOf(Names(), RecordNumbers(), Dates(), Emails(), Phones());

    /// <summary>How outputs and plants are compared: NFKC, case folded.</summary>
    public static string Fold(string s) => s.Normalize(NormalizationForm.FormKC).ToUpperInvariant();

    /// <summary>Whether <paramref name="output"/> contains <paramref name="planted"/>, after NFKC and case folding.</summary>
    public static bool Leaks(string output, string planted) => Fold(output).Contains(Fold(planted), StringComparison.Ordinal);
}
