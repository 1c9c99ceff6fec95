using PlanRules.Cases;
using PlanRules.Engine;
using PlanRules.Plans;

namespace PlanRules.Tests.Engine;

/// <summary>Pooled sessions, reset by retraction and agenda clearing, plan exactly as fresh sessions do.</summary>
public sealed class SessionPoolTests
{
    private static CompiledRuleSet Compiled => EngineCases.Shipped.Compiled;

    private static string Plan(PatientCase c, Evaluation e) => PlanAssembler.Assemble(Compiled, c, e).ToJson();

    private static string Fresh(PatientCase c) => Plan(c, Compiled.EvaluateInFreshSession(c));

    [Fact]
    public void InterleavedCasesOnFourThreads_PooledEqualsFresh()
    {
        var cases = EngineCases.Corpus(EngineCases.Shipped).Concat(EngineCases.Generated(1_500, 42UL)).ToArray();
        var expected = cases.Select(Fresh).ToArray();
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            // Each thread walks the cases in its own order, so sessions see them interleaved.
            var order = Enumerable.Range(0, cases.Length).OrderBy(i => (i * (2 * t + 3)) % cases.Length).ToArray();
            foreach (var i in order)
                if (Plan(cases[i], Compiled.Evaluate(cases[i])) != expected[i]) mismatches.Add(cases[i].CaseId ?? "?");
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        Assert.Empty(mismatches);
        Assert.True(Compiled.Pool.IdleCount > 0, "sessions were not pooled");
    }

    [Fact]
    public void SessionReusedAfterAnInterruptedFire_PlansAsAFreshSession()
    {
        var cases = EngineCases.Corpus(EngineCases.Shipped).Take(40).ToArray();
        var session = Compiled.Pool.Create();
        foreach (var c in cases)
        {
            // Interrupt: insert the case and fire only one rule, leaving activations and inserted facts behind.
            session.View.Reset(new CaseFacts(c));
            session.Session.Insert(session.View);
            session.Session.Fire(1);
            session.Reset();
            Assert.Empty(session.Session.Query<object>());
            Assert.True(session.Session.Agenda.IsEmpty);
        }
        foreach (var c in cases.Reverse())
        {
            Assert.Equal(Fresh(c), Plan(c, Compiled.Run(session, c, CancellationToken.None)));
            session.Reset();
        }
    }

    [Fact]
    public void CancelledEvaluation_Throws_AndLaterEvaluationsAreUnaffected()
    {
        var cases = EngineCases.Corpus(EngineCases.Shipped).Take(30).ToArray();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        foreach (var c in cases)
            Assert.ThrowsAny<OperationCanceledException>(() => Compiled.Evaluate(c, cancelled.Token));
        foreach (var c in cases) Assert.Equal(Fresh(c), Plan(c, Compiled.Evaluate(c)));
    }

    [Fact]
    public void Session_IsReplacedLongBeforeTheAgendaCounterCouldWrap()
    {
        // At most a few thousand activations per case: MaxUses cases stay far below int.MaxValue insertions.
        Assert.True((long)SessionPool.MaxUses * 10_000 < int.MaxValue);
        var session = Compiled.Pool.Create();
        session.Uses = SessionPool.MaxUses;
        var before = Compiled.Pool.IdleCount;
        Compiled.Pool.Return(session);
        Assert.Equal(before, Compiled.Pool.IdleCount);
    }
}
