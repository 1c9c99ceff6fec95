using System.Collections.Concurrent;
using NRules;

namespace PlanRules.Engine;

/// <summary>
/// Reuses NRules sessions across evaluations. A session is returned only after a complete reset (<see
/// cref="PooledSession.Reset"/>); one that saw an exception is discarded; one that has served <see cref="MaxUses"/>
/// evaluations is discarded, long before NRules' <c>int</c> agenda insertion counter could wrap. Thread-safe.
/// </summary>
internal sealed class SessionPool
{
    /// <summary>Evaluations a session serves before it is replaced.</summary>
    public const int MaxUses = 20_000;

    private readonly ISessionFactory _factory;
    private readonly Network _network;
    private readonly ConcurrentBag<PooledSession> _idle = [];
    private readonly int _capacity = Math.Max(2, Environment.ProcessorCount * 2);

    public SessionPool(ISessionFactory factory, Network network)
    {
        _factory = factory;
        _network = network;
    }

    /// <summary>Sessions waiting to be reused.</summary>
    public int IdleCount => _idle.Count;

    /// <summary>A reset session from the pool, or a new one.</summary>
    public PooledSession Rent() => _idle.TryTake(out var session) ? session : Create();

    /// <summary>A new session that is never pooled.</summary>
    public PooledSession Create() => new(_factory.CreateSession(), _network);

    /// <summary>Resets a session that completed its evaluation and keeps it for reuse (or drops it).</summary>
    public void Return(PooledSession session)
    {
        if (session.Uses >= MaxUses || _idle.Count >= _capacity) return;
        session.Reset();
        _idle.Add(session);
    }
}

/// <summary>One NRules session with its view facts. Not thread-safe: one evaluation at a time.</summary>
internal sealed class PooledSession
{
    public PooledSession(ISession session, Network network)
    {
        Session = session;
        View = new CaseView(network);
        Targets = new TargetsView(network, View);
    }

    public ISession Session { get; }

    public CaseView View { get; }

    public TargetsView Targets { get; }

    /// <summary>Evaluations served.</summary>
    public int Uses { get; set; }

    /// <summary>
    /// Empties the session completely: retracts the case's view (the gate every rule hangs on), then every fact still
    /// in the session (the targets, and anything a rule inserted), then clears the agenda.
    /// </summary>
    public void Reset()
    {
        Session.TryRetract(View);
        var left = Session.Query<object>().ToArray();
        if (left.Length > 0) Session.TryRetractAll(left);
        Session.Agenda.Clear();
        View.Reset(CaseFacts.Empty);
        Targets.Reset();
    }
}
