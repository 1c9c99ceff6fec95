namespace PlanRules.Engine;

/// <summary>
/// The one fact a case is inserted as: a view of its facts through which the network's alpha tests and rule conditions
/// read them. The truth each rule's condition had is kept for its action. One per pooled session, reset per case; not
/// thread-safe. Identity equality.
/// </summary>
internal sealed class CaseView
{
    private readonly Network _network;
    private readonly Truth[] _truths;

    public CaseView(Network network)
    {
        _network = network;
        _truths = new Truth[network.Programs.Count];
    }

    public CaseFacts Facts { get; private set; } = CaseFacts.Empty;

    /// <summary>The rules (by index) whose NRules rule fired, in NRules' firing order.</summary>
    public List<int> Fired { get; } = [];

    public void Reset(CaseFacts facts)
    {
        Facts = facts;
        Fired.Clear();
    }

    /// <summary>A shared alpha test in its "not definitely false" form.</summary>
    public bool Passes(int test) => _network.Tests[test](Facts) != Truth.False;

    /// <summary>A grouping test that always holds (it bounds the number of children of an alpha node).</summary>
    public bool Group(int group) => group >= 0 && Fired is not null;

    /// <summary>Evaluates a rule's condition, keeps its truth for the action, and says whether the rule fires.</summary>
    public bool Holds(int rule)
    {
        var program = _network.Programs[rule];
        var truth = program.Condition(Facts);
        _truths[rule] = truth;
        return program.Fires(truth);
    }

    /// <summary>The truth the rule's condition had when it was matched.</summary>
    public Truth TruthOf(int rule) => _truths[rule];

    /// <summary>The action of every rule of the first stage.</summary>
    public void Fire(int rule) => Fired.Add(rule);
}

/// <summary>
/// The second-stage fact: the case's proposals as targets with their effective bleeding-risk categories, inserted
/// between the two <c>Fire()</c> calls. Assessment rules match it. One per pooled session; not thread-safe.
/// </summary>
internal sealed class TargetsView
{
    private readonly Network _network;

    public TargetsView(Network network, CaseView view)
    {
        _network = network;
        View = view;
    }

    public CaseView View { get; }

    public List<Target> Targets { get; } = [];

    /// <summary>The assessment rules (by index) whose NRules rule fired.</summary>
    public List<int> Fired { get; } = [];

    public void Reset()
    {
        Targets.Clear();
        Fired.Clear();
    }

    public bool Passes(int test) => _network.Tests[test](View.Facts) != Truth.False;

    public bool Group(int group) => group >= 0 && Fired is not null;

    /// <summary>Whether a rule applies to at least one target.</summary>
    public bool Selects(int rule)
    {
        var program = _network.Programs[rule];
        foreach (var target in Targets)
            if (program.Selects(target)) return true;
        return false;
    }

    public bool Holds(int rule) => View.Holds(rule);

    public void Fire(int rule) => Fired.Add(rule);
}
