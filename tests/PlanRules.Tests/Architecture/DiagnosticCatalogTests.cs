using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Architecture;

/// <summary>
/// One catalogue of diagnostic codes: every code the sources report is named through <see cref="DiagnosticCodes"/> and
/// described in <see cref="DiagnosticCatalog"/>, and docs/diagnostics.md is rendered from it.
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    private static string DocPath => Path.Combine(RepoPaths.Root, "docs", "diagnostics.md");

    [Fact]
    public void EveryConstant_IsInTheCatalogue_UnderItsOwnName_AndNothingElseIs()
    {
        var constants = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name);
        Assert.Equal(constants.Keys.Order(StringComparer.Ordinal), DiagnosticCatalog.All.Select(d => d.Code));
        Assert.All(DiagnosticCatalog.All, d => Assert.Equal(constants[d.Code], d.Name));
        Assert.All(DiagnosticCatalog.All, d => Assert.Matches("^PR[1-4][0-9]{3}$", d.Code));
        Assert.All(DiagnosticCatalog.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Title) || string.IsNullOrWhiteSpace(d.Help)));
        Assert.Null(DiagnosticCatalog.Find("PR0000"));
    }

    [Fact]
    public void NoSourceFile_SpellsACode_OutsideTheCatalogue()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "DiagnosticCatalog.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => CodeLiteral().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepoPaths.Root, x.f)}:{x.i + 1}")
            .ToList();
        Assert.True(offenders.Count == 0, "Name codes through DiagnosticCodes, not as string literals:\n  " + string.Join("\n  ", offenders));
    }

    [Fact]
    public void TheDocumentation_IsRenderedFromTheCatalogue()
    {
        var expected = Render();
        if (Environment.GetEnvironmentVariable("PLANRULES_UPDATE_DOCS") == "1") File.WriteAllText(DocPath, expected);
        var actual = File.Exists(DocPath) ? File.ReadAllText(DocPath).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        Assert.True(expected == actual,
            "docs/diagnostics.md differs from DiagnosticCatalog; regenerate it with\n  PLANRULES_UPDATE_DOCS=1 dotnet test tests/PlanRules.Tests --filter FullyQualifiedName~DiagnosticCatalogTests");
    }

    /// <summary>The documentation page of the catalogue.</summary>
    internal static string Render()
    {
        var sb = new StringBuilder();
        sb.Append("# Diagnostic codes\n\n");
        sb.Append("Every problem PlanRules reports carries a code, a severity, the file, line and column, and a message that names\n");
        sb.Append("only vocabulary words, codes and validated numbers (a value from a case is described by its shape, never shown).\n");
        sb.Append("This page is generated from the library's one catalogue of codes (`PlanRules.Diagnostics.DiagnosticCatalog`;\n");
        sb.Append("code names the same codes through `DiagnosticCodes`), which also describes the rules of SARIF output. Errors make a\n");
        sb.Append("rule set or a case unusable; warnings fail `planrules lint --strict`; notes never fail.\n");
        foreach (var area in DiagnosticCatalog.All.GroupBy(d => d.Area))
        {
            sb.Append("\n## ").Append(char.ToUpperInvariant(area.Key[0])).Append(area.Key[1..]).Append("\n\n");
            sb.Append("| code | name | severity | what it finds | what fixes it |\n|---|---|---|---|---|\n");
            foreach (var d in area)
            {
                sb.Append("| <a id=\"").Append(d.Code.ToLowerInvariant()).Append("\"></a>").Append(d.Code)
                    .Append(" | ").Append(d.Name)
                    .Append(" | ").Append(d.DefaultSeverity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "note" })
                    .Append(" | ").Append(Cell(d.Title)).Append(" | ").Append(Cell(d.Help)).Append(" |\n");
            }
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    [GeneratedRegex("\"PR[0-9]{4}\"")]
    private static partial Regex CodeLiteral();
}
