using PlanRules.Cases;
using Xunit;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Cases;

/// <summary>Shared helpers of the case tests.</summary>
internal static class CaseTestHelpers
{
    public static CaseReadResult Read(string json) => PatientCase.FromJson(json, TestVocabulary.Instance);

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "cases", name));

    /// <summary>A case document with the schema line and the given members (JSON text without the outer braces).</summary>
    public static string Case(string members) =>
        "{\n  \"schema\": \"planrules.case/1\"" + (members.Length > 0 ? ",\n" + members : "") + "\n}";

    /// <summary>Asserts the read failed with exactly one diagnostic and returns it.</summary>
    public static Diagnostic Single(CaseReadResult result)
    {
        Assert.Null(result.Case);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics);
    }

    /// <summary>Asserts the read succeeded without diagnostics and returns the case.</summary>
    public static PatientCase Ok(CaseReadResult result)
    {
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Succeeded);
        return result.Case!;
    }

    /// <summary>Asserts that a text appears nowhere in any diagnostic.</summary>
    public static void NeverShown(IEnumerable<Diagnostic> diagnostics, string value)
    {
        foreach (var d in diagnostics)
        {
            Assert.DoesNotContain(value, d.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, d.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, d.Suggestion ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, d.JsonPath ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }
}
