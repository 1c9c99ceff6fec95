using Newtonsoft.Json.Linq;
using PlanRules.Replay;

namespace PlanRules.Cli.Tests.Replay;

/// <summary>Replaying a corpus: outcomes, totals, order, bounded buffering, cancellation, determinism.</summary>
public sealed class ReplayRunnerTests
{
    private static CaseSource Source(string name, JObject json) => CaseSource.FromText(name, json.ToString());

    [Fact]
    public async Task RunAsync_ChecksExpectations_AndCountsPassedFailedErrors()
    {
        var refused = TestCorpus.Case("refused");
        refused["email"] = "private.person@example.org";
        CaseSource[] cases =
        [
            Source("1.json", TestCorpus.Case("pass")),
            Source("2.json", TestCorpus.Case("fail", expect: JObject.Parse("""{ "excluded": { "include": ["mbb.lumbar"] } }"""))),
            Source("3.json", refused),
            CaseSource.FromText("4.json", "{ not json"),
            CaseSource.FromFile("/nonexistent/planrules/5.json"),
            Source("6.json", TestCorpus.Case("unchecked", withExpect: false)),
        ];
        var results = new List<ReplayCaseResult>();

        var summary = await new ReplayRunner(TestRules.Default).RunAsync(cases, results.Add, parallelism: 3);

        Assert.Equal(["1.json", "2.json", "3.json", "4.json", "5.json", "6.json"], results.Select(r => r.Name));
        Assert.Equal(
            [ReplayOutcome.Passed, ReplayOutcome.Failed, ReplayOutcome.Error, ReplayOutcome.Error, ReplayOutcome.Error, ReplayOutcome.Passed],
            results.Select(r => r.Outcome));
        Assert.Equal((2, 1, 3, 1, 6, 3), (summary.Passed, summary.Failed, summary.Errors, summary.WithoutExpectations, summary.Total, summary.Workers));
        Assert.Equal("2 passed, 4 failed", summary.ToString());
        Assert.False(summary.AllPassed);

        var failure = Assert.Single(results[1].Failures);
        Assert.Equal(("excluded", "include mbb.lumbar"), (failure.Section, failure.Expectation));
        Assert.True(results[2].Case.CarriesIdentifier);
        Assert.Null(results[2].Case.CaseId);
        Assert.DoesNotContain(results[2].Case.DescribeProblems(), p => p.Contains("private.person", StringComparison.Ordinal));
        Assert.Contains(results[3].Diagnostics, d => d.Code == "PR4001");
        Assert.StartsWith("the case file cannot be read", results[4].Case.Error, StringComparison.Ordinal);
        Assert.False(results[5].HasExpectations);
    }

    [Fact]
    public async Task ReplayAllAsync_KeepsFileOrder_AndOnlyAFewCasesPerWorkerInFlight()
    {
        const int workers = 3;
        const int count = 300;
        var produced = 0;
        IEnumerable<CaseSource> Lazy()
        {
            for (var i = 0; i < count; i++)
            {
                Interlocked.Increment(ref produced);
                yield return Source($"case-{i:D4}.json", TestCorpus.Case("c" + i, weeks: 2 + i % 20));
            }
        }
        var consumed = 0;
        var maxAhead = 0;

        await foreach (var result in new ReplayRunner(TestRules.Default).ReplayAllAsync(Lazy(), workers))
        {
            Assert.Equal($"case-{consumed:D4}.json", result.Name);
            consumed++;
            maxAhead = Math.Max(maxAhead, Volatile.Read(ref produced) - consumed);
        }

        Assert.Equal(count, consumed);
        Assert.InRange(maxAhead, 0, workers * 4 + 2); // the window, whatever the corpus size
    }

    [Fact]
    public async Task ReplayAllAsync_Cancelled_StopsPromptly()
    {
        using var cts = new CancellationTokenSource();
        var cases = Enumerable.Range(0, 10_000).Select(i => Source($"{i:D5}.json", TestCorpus.Case("c" + i)));
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in new ReplayRunner(TestRules.Default).ReplayAllAsync(cases, 2, cts.Token))
                if (++seen == 5) await cts.CancelAsync();
        });
        Assert.InRange(seen, 5, 5);
    }

    [Fact]
    public async Task ReplayAllAsync_StoppingEarly_EndsTheWorkers()
    {
        var cases = Enumerable.Range(0, 10_000).Select(i => Source($"{i:D5}.json", TestCorpus.Case("c" + i)));
        var seen = 0;

        await foreach (var _ in new ReplayRunner(TestRules.Default).ReplayAllAsync(cases, 2))
            if (++seen == 3) break;

        Assert.Equal(3, seen);
    }

    [Fact]
    public async Task Replay_OnSeveralWorkers_GivesTheSamePlans_AsOneAtATime()
    {
        // Cases with unknown facts exercise missing information, the part of a plan most sensitive to evaluation state.
        var cases = Enumerable.Range(0, 40).Select(i =>
        {
            var json = TestCorpus.Case("c" + i, weeks: i % 2 == 0 ? 10 : 2);
            if (i % 3 == 0) json.Remove("labs");
            // Runs of consecutive cases with the same unknown fact, and cases where it is known in between.
            if (i < 8 || i % 4 == 0) ((JObject)json["findings"]!).Remove("diagnosis.failed_back_surgery");
            return Source($"{i:D2}.json", json);
        }).ToArray();
        var runner = new ReplayRunner(TestRules.Default);
        var sequential = new List<string>();
        var parallel = new List<string>();

        static string Json(ReplayCaseResult r) => r.Plan?.ToJson() ?? throw new InvalidOperationException(string.Join("\n", r.Case.DescribeProblems()));
        await runner.RunAsync(cases, r => sequential.Add(Json(r)), parallelism: 1);
        await runner.RunAsync(cases, r => parallel.Add(Json(r)), parallelism: 4);

        // Every plan is what a first evaluation of that case on a fresh rule set gives, one worker or four.
        for (var i = 0; i < cases.Length; i++)
        {
            var alone = new PlanRecommender(TestRules.Load(TestCorpus.Rules)).Recommend(
                PlanRules.Cases.PatientCase.FromJson(cases[i].ReadText(), TestRules.Default.Vocabulary).Case!).ToJson();
            Assert.True(alone == sequential[i], $"{cases[i].Name}, one worker:\n{FirstDifference(alone, sequential[i])}");
            Assert.True(alone == parallel[i], $"{cases[i].Name}, four workers:\n{FirstDifference(alone, parallel[i])}");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
            if (i >= e.Length || i >= a.Length || e[i] != a[i])
                return $"line {i + 1}: expected {(i < e.Length ? e[i] : "(end)")}\n        actual   {(i < a.Length ? a[i] : "(end)")}";
        return "(same)";
    }
}
