using PlanRules.Cases;
using Xunit;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Cases;

/// <summary>Shared helpers of the case tests.</summary>
internal static class CaseTestHelpers
{
    public static CaseReadResult Read(string json) => PatientCase.FromJson(json, TestVocabulary.Instance);

    /// <summary>
    /// Reads a case file as a replay does (PlanRules.Testing): the clinical case and its <c>expect</c> block from one parse,
    /// with the diagnostics of both in document order; the case is <c>null</c> when either has an error.
    /// </summary>
    public static CaseReadResult ReadWithExpectations(string json) => PlanRules.Replay.CasePlanner.ReadCase(json, TestVocabulary.Instance, out _);

    /// <summary>
    /// Reads with the core reader; a document with an <c>expect</c> block is also read as a replay reads it (the core
    /// reader accepts the block without checking it: that is asserted here, and its problems come from PlanRules.Testing).
    /// </summary>
    public static CaseReadResult ReadCaseFile(string json)
    {
        var core = Read(json);
        if (!json.Contains("\"expect\"", StringComparison.Ordinal)) return core;
        var withExpect = ReadWithExpectations(json);
        // What the core reader reports, the replay's reader reports too; the expect block adds its own problems.
        Assert.All(core.Diagnostics, d => Assert.Contains(d, withExpect.Diagnostics));
        return withExpect;
    }

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
