using System.Text.RegularExpressions;
using Xunit;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Privacy;

/// <summary>
/// Keeps case diagnostics going through the one choke point (<c>CaseDiagnostic</c> with <c>SafeText</c> messages).
/// The compiler already refuses a string in a <c>SafeText</c> hole; these checks close the remaining ways around it.
/// </summary>
public partial class RedactionChokePointTests
{
    private static readonly string Src = Path.Combine(RepoPaths.Root, "src");

    private static IEnumerable<(string Relative, string Text)> Sources() =>
        Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Src, f).Replace('\\', '/'), File.ReadAllText(f)));

    /// <summary>Code that handles case content; a diagnostic made there must come from <c>CaseDiagnostic</c>.</summary>
    private static readonly string[] CaseCode =
    [
        "PlanRules/Cases/", "PlanRules/Plans/", "PlanRules/PlanRecommender.cs",
        "PlanRules.Testing/", // replay and the expect block (PlanRules.Testing/Expectations)
        "PlanRules.Handouts/",
    ];

    [Fact]
    public void CodeThatReadsCases_MakesNoDiagnosticButThroughCaseDiagnostic()
    {
        var offenders = Sources()
            .Where(s => CaseCode.Any(p => s.Relative.StartsWith(p, StringComparison.Ordinal)))
            .Where(s => NewDiagnostic().IsMatch(s.Text))
            .Select(s => s.Relative)
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void OnlyTheCompiler_AppendsToSafeText()
    {
        var offenders = Sources()
            .Where(s => s.Relative != "PlanRules/Privacy/SafeText.cs" && ManualAppend().IsMatch(s.Text))
            .Select(s => s.Relative)
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void TrustedText_IsUsedOnlyWhereReviewed()
    {
        // Each use turns a string into safe text; every one here was reviewed to hold rule-set or library text only.
        var reviewed = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["PlanRules/Cases/CaseValidator.cs"] = 1,  // a vocabulary fact's unit
            ["PlanRules/Cases/CaseJsonReader.cs"] = 1, // the case schema name, a constant
        };

        var uses = Sources()
            .Select(s => (s.Relative, Count: Trusted().Matches(s.Text).Count))
            .Where(x => x.Count > 0 && x.Relative != "PlanRules/Privacy/SafeText.cs")
            .ToDictionary(x => x.Relative, x => x.Count, StringComparer.Ordinal);

        Assert.Equal(reviewed.OrderBy(x => x.Key), uses.OrderBy(x => x.Key));
    }

    [GeneratedRegex(@"new\s+Diagnostic\s*\(")]
    private static partial Regex NewDiagnostic();

    [GeneratedRegex(@"\.\s*Append(Literal|Formatted)\s*\(")]
    private static partial Regex ManualAppend();

    [GeneratedRegex(@"SafeText\.Trusted\s*\(")]
    private static partial Regex Trusted();
}
