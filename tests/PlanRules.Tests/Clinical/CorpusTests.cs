using PlanRules.Cases;
using PlanRules.Replay;
using PlanRules.Diagnostics;

namespace PlanRules.Tests.Clinical;

/// <summary>
/// Replays the clinical case corpus (<c>tests/PlanRules.Tests/Corpus/&lt;topic&gt;/&lt;case&gt;.json</c>) against the
/// shipped rule set (<c>rules/</c>): every case meets its <c>expect</c> block, and every rule fires in some case.
/// </summary>
public class CorpusTests
{
    private static readonly Lazy<RuleSet> ShippedRules = new(LoadShippedRules);

    private static string CorpusDirectory => Path.Combine(RepoPaths.Root, "tests", "PlanRules.Tests", "Corpus");

    /// <summary>Every corpus file, as a path relative to the corpus folder (shown as the test's display name).</summary>
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in AllCorpusFiles()) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Case_PlanMeetsItsExpectations(string file)
    {
        var rules = ShippedRules.Value;
        var patientCase = ReadCase(file, rules);
        var expectations = ReadExpectations(file, rules);
        Assert.NotNull(expectations);

        var plan = new PlanRecommender(rules).Recommend(patientCase);

        var failures = PlanExpectations.Check(plan, expectations);
        Assert.True(failures.Count == 0,
            $"{file}: {failures.Count} unmet expectation(s):\n  " + string.Join("\n  ", failures.Select(f => f.ToString())));
    }

    [Fact]
    public void EveryRule_FiresInAtLeastOneCorpusCase()
    {
        var rules = ShippedRules.Value;
        var recommender = new PlanRecommender(rules);
        var fired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in AllCorpusFiles())
        {
            var plan = recommender.Recommend(ReadCase(file, rules));
            fired.UnionWith(plan.Trace.Where(t => t.Outcome == "fired").Select(t => t.Rule));
        }

        var neverFired = rules.Rules.Select(r => r.Id).Where(id => !fired.Contains(id)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(neverFired.Length == 0,
            $"{neverFired.Length} rule(s) fire in no corpus case; add a case that fires each:\n  " + string.Join("\n  ", neverFired));
    }

    [Fact]
    public void EveryCorpusFile_HasAnExpectBlockAndACaseIdEqualToItsFileName()
    {
        var rules = ShippedRules.Value;
        var files = AllCorpusFiles();
        Assert.NotEmpty(files);

        var problems = new List<string>();
        foreach (var file in files)
        {
            var patientCase = ReadCase(file, rules);
            var name = Path.GetFileNameWithoutExtension(file);
            if (ReadExpectations(file, rules) is null) problems.Add($"{file}: no \"expect\" block");
            if (!string.Equals(patientCase.CaseId, name, StringComparison.Ordinal))
                problems.Add($"{file}: caseId '{patientCase.CaseId}' differs from the file name '{name}'");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static RuleSet LoadShippedRules()
    {
        var result = RuleSet.LoadDirectory(RepoPaths.Rules);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0 && result.RuleSet is not null,
            "the shipped rule set does not load:\n  " + string.Join("\n  ", errors.Select(d => d.ToString())));
        return result.RuleSet!;
    }

    private static string[] AllCorpusFiles() =>
        Directory.EnumerateFiles(CorpusDirectory, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(CorpusDirectory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static PatientCase ReadCase(string file, RuleSet rules)
    {
        var json = File.ReadAllText(Path.Combine(CorpusDirectory, file));
        var read = PatientCase.FromJson(json, rules.Vocabulary);
        Assert.True(read.Diagnostics.Count == 0 && read.Case is not null,
            $"{file} does not read cleanly:\n  " + string.Join("\n  ", read.Diagnostics.Select(d => d.ToString())));
        return read.Case!;
    }

    private static CaseExpectations? ReadExpectations(string file, RuleSet rules)
    {
        var json = File.ReadAllText(Path.Combine(CorpusDirectory, file));
        var read = CaseExpectationsReader.Read(json, rules.Vocabulary);
        Assert.True(read.Diagnostics.Count == 0,
            $"{file}: the expect block does not read cleanly:\n  " + string.Join("\n  ", read.Diagnostics.Select(d => d.ToString())));
        return read.Expectations;
    }
}
