using PlanRules.Replay;

namespace PlanRules.Cli.Tests.Replay;

/// <summary>Rule coverage: counts per rule from plan traces, and the facts rules read.</summary>
public sealed class RuleCoverageTests
{
    private const string ReadingRules = """
        { "rules": [
          { "id": "r.exists", "title": "apixaban", "kind": "warning", "severity": "info", "code": "x.apixaban", "appliesTo": "any",
            "message": "m", "when": { "exists": "medication.apixaban" }, "rationale": "t", "evidence": ["t"], "status": "draft" },
          { "id": "r.prefix", "title": "diabetes", "kind": "warning", "severity": "info", "code": "x.diabetes", "appliesTo": "any",
            "message": "m", "when": { "not": { "exists": "condition.diabetes.*" } }, "rationale": "t", "evidence": ["t"], "status": "draft" },
          { "id": "r.candidate", "title": "esi", "kind": "candidate", "intervention": "esi.lumbar.transforaminal", "strength": "consider",
            "when": { "any": [ { "fact": "finding.pain.pattern", "is": "radicular" }, { "fact": "patient.ageYears", "atLeast": 90 } ] },
            "rationale": "t", "evidence": ["t"], "status": "draft" },
          { "id": "r.missing", "title": "hba1c", "kind": "missing-information", "fact": "lab.hba1c", "message": "m",
            "when": { "fact": "lab.hba1c", "known": false }, "rationale": "t", "evidence": ["t"], "status": "draft" },
          { "id": "r.follow", "title": "nrs", "kind": "follow-up", "measure": "finding.pain.nrs", "afterWeeks": 2, "message": "m",
            "appliesTo": "any", "when": "always", "rationale": "t", "evidence": ["t"], "status": "draft" }
        ] }
        """;

    [Fact]
    public void UnreadFacts_WalksConditions_QuantifiedLists_Prefixes_RequestedFacts_AndMeasures()
    {
        var rules = TestRules.Load(ReadingRules);

        var read = RuleCoverage.FactsRead(rules);
        var unread = RuleCoverage.UnreadFacts(rules);

        Assert.Superset(new HashSet<string>(["medication.apixaban", "condition.diabetes.*", "finding.pain.pattern", "patient.ageYears", "lab.hba1c", "finding.pain.nrs"]),
            read.ToHashSet());
        foreach (var fact in new[] { "medication.apixaban", "condition.diabetes.type1", "condition.diabetes.type2", "finding.pain.pattern", "patient.ageYears", "lab.hba1c", "finding.pain.nrs" })
            Assert.DoesNotContain(fact, unread);
        Assert.Contains("finding.function.odi", unread);
        Assert.Contains("medication.warfarin", unread);
        Assert.DoesNotContain(unread, f => f.StartsWith("procedure.", StringComparison.Ordinal));
        Assert.Equal(unread.Order(StringComparer.Ordinal), unread);
    }

    [Fact]
    public async Task RunAsync_CountsCasesPerRule_NeverFiredFirst()
    {
        var cases = new[]
        {
            CaseSource.FromText("a.json", TestCorpus.Case("a", weeks: 10).ToString()),
            CaseSource.FromText("b.json", TestCorpus.Case("b", weeks: 2).ToString()),
            CaseSource.FromText("c.json", "{"),
        };
        var seen = new List<string>();

        var report = await RuleCoverage.RunAsync(TestRules.Default, cases, p => seen.Add(p.Name), parallelism: 2);

        Assert.Equal(["a.json", "b.json", "c.json"], seen);
        Assert.Equal((2, 1), (report.CasesPlanned, report.CaseErrors));
        Assert.Equal(["t.scs.never", "t.inr", "t.redflag", "t.esi", "t.mbb"], report.Rules.Select(r => r.Rule));
        Assert.Equal([0, 0, 0, 1, 2], report.Rules.Select(r => r.CasesFired));
        Assert.Equal(["t.scs.never", "t.inr", "t.redflag"], report.NeverFired.Select(r => r.Rule));
        Assert.Equal(("candidate", "test/rules.json:2"), (report.Rules[3].Kind, report.Rules[3].Source));
        Assert.Contains("| `t.scs.never` (never fired) | candidate |", report.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("\"casesFired\": 2", report.ToJson(), StringComparison.Ordinal);
    }
}
