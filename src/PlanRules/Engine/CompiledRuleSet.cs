using NRules;
using PlanRules.Cases;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Engine;

/// <summary>
/// A rule set compiled onto NRules: one NRules rule per declarative rule (see <see cref="Network"/>), a thread-safe
/// session factory and a pool of reusable sessions. Evaluation returns the firings in rule-set order; plans are
/// assembled from them on the plans side. Thread-safe.
/// </summary>
internal sealed class CompiledRuleSet
{
    private readonly SessionPool _pool;
    private readonly Network _network;

    private CompiledRuleSet(RuleSetContent content, ConditionEvaluator evaluator, Network network, ISessionFactory factory)
    {
        Content = content;
        Evaluator = evaluator;
        _network = network;
        _pool = new SessionPool(factory, network);
        Factory = factory;
        Variants = network.Programs.SelectMany(p => p.Variants).ToArray();
    }

    public RuleSetContent Content { get; }

    public RuleSetIdentity Identity => Content.Identity;

    public Catalog Catalog => Content.Catalog;

    /// <summary>The one evaluator of conditions, shared by the network and explanations.</summary>
    public ConditionEvaluator Evaluator { get; }

    /// <summary>Every rule's alternatives, definite and possible.</summary>
    public IReadOnlyList<CompiledVariant> Variants { get; }

    /// <summary>The programs, by rule order.</summary>
    internal IReadOnlyList<RuleProgram> Programs => _network.Programs;

    internal ISessionFactory Factory { get; }

    internal Network Network => _network;

    /// <summary>Idle pooled sessions (for tests).</summary>
    internal SessionPool Pool => _pool;

    /// <summary>Compiles; returns diagnostics instead when a rule cannot be compiled.</summary>
    public static (CompiledRuleSet? Compiled, IReadOnlyList<Diagnostic> Diagnostics) Compile(RuleSetContent content, CancellationToken cancellationToken = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var evaluator = new ConditionEvaluator(content.Vocabulary);
        var diagnostics = new List<Diagnostic>();
        var programs = new List<RuleProgram>(content.Rules.Count);
        for (var order = 0; order < content.Rules.Count; order++)
        {
            var rule = content.Rules[order];
            var alternatives = Alternatives.Of(rule.When);
            if (alternatives is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.TooComplex, DiagnosticSeverity.Error,
                    $"the condition expands into more than {Alternatives.Limit} alternatives", rule.Location.File, rule.Location.Line, rule.Location.Column)
                { RuleId = rule.Id, Suggestion = "split the rule into several rules" });
                continue;
            }
            var variants = new List<CompiledVariant>();
            for (var a = 0; a < alternatives.Count; a++)
            {
                var literals = alternatives[a];
                variants.Add(Probed(new CompiledVariant(rule, order, a, possible: false, literals), evaluator));
                if (rule.ReportsUnknownFacts && literals.Any(l => evaluator.Leaf(l.Leaf).CanBeUnknown))
                    variants.Add(Probed(new CompiledVariant(rule, order, a, possible: true, literals), evaluator));
            }
            programs.Add(new RuleProgram(rule, order, evaluator.Compile(rule.When), variants));
        }
        if (diagnostics.Count > 0) return (null, diagnostics);
        CompileExplanations(content.Rules, evaluator);
        Phase("conditions", watch);
        var network = Network.Build(programs, evaluator);
        Phase("network", watch);
        var compiler = new RuleCompiler { ExpressionCompiler = new FastCompiler() };
        try
        {
            var factory = compiler.Compile(network.Definitions, cancellationToken);
            Phase("nrules", watch);
            return (new CompiledRuleSet(content, evaluator, network, factory), []);
        }
        catch (RuleCompilationException ex)
        {
            // A rule that validated but that NRules cannot compile is a defect of ours; report it, never crash the host.
            var rule = content.Rules.FirstOrDefault(r => ex.RuleName == r.Id);
            return (null, [new Diagnostic(DiagnosticCodes.InternalCompileFailure, DiagnosticSeverity.Error,
                "the rule could not be compiled onto NRules (an internal error; please report it): " + ex.Message,
                rule?.Location.File, rule?.Location.Line ?? 0, rule?.Location.Column ?? 0) { RuleId = rule?.Id }]);
        }
    }

    /// <summary>Time spent in each phase of the last compilations (for profiling: the benchmarks' quick check).</summary>
    internal static System.Collections.Concurrent.ConcurrentDictionary<string, double> Phases { get; } = new();

    private static void Phase(string name, System.Diagnostics.Stopwatch watch)
    {
        Phases[name] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
    }

    private static CompiledVariant Probed(CompiledVariant variant, ConditionEvaluator evaluator)
    {
        variant.Probes = variant.Literals.Select(l => new LiteralProbe(l, evaluator.Leaf(l.Leaf))).ToArray();
        return variant;
    }

    /// <summary>Compiles every node of every condition up front, so that explanations find them compiled.</summary>
    private static void CompileExplanations(IReadOnlyList<Rule> rules, ConditionEvaluator evaluator)
    {
        static IEnumerable<Condition> Nodes(Condition c) => c switch
        {
            AllCondition all => all.Parts.SelectMany(Nodes).Prepend(c),
            AnyCondition any => any.Parts.SelectMany(Nodes).Prepend(c),
            NotCondition not => Nodes(not.Part).Prepend(c),
            _ => [c],
        };
        foreach (var rule in rules)
        foreach (var node in Nodes(rule.When))
            evaluator.Compile(node);
    }

    private IReadOnlySet<string>? _draftRules;

    /// <summary>
    /// The ids of the rules not signed off (<see cref="SignOff.IsSignedOff"/>): drafts, and rules marked approved
    /// without a named reviewer and a date, which lint refuses (PR3011) and plans count as drafts.
    /// </summary>
    public IReadOnlySet<string> DraftRules => _draftRules ??=
        Content.Rules.Where(r => !SignOff.IsSignedOff(r)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The probe of a literal (its leaf's shared compiled test with its polarity).</summary>
    public LiteralProbe Probe(Literal literal) => literal.Positive
        ? _positive.GetOrAdd(literal.Leaf, l => new LiteralProbe(new Literal(l, true), Evaluator.Leaf(l)))
        : _negative.GetOrAdd(literal.Leaf, l => new LiteralProbe(new Literal(l, false), Evaluator.Leaf(l)));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Condition, LiteralProbe> _positive = new(ReferenceEqualityComparer.Instance);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Condition, LiteralProbe> _negative = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Evaluates a case in a pooled session: inserts the case's view and fires (candidates, bleeding-risk modifiers
    /// and other plan-level rules), inserts the targets with their effective bleeding-risk categories and fires again
    /// (rules that apply to candidates). The firings come back in rule-set order, independent of NRules' firing order.
    /// </summary>
    /// <param name="patientCase">The case.</param>
    /// <param name="cancellationToken">Cancels the evaluation (<see cref="OperationCanceledException"/>).</param>
    public Evaluation Evaluate(PatientCase patientCase, CancellationToken cancellationToken = default)
    {
        var session = _pool.Rent();
        var evaluation = Run(session, patientCase, cancellationToken);
        _pool.Return(session);
        return evaluation;
    }

    /// <summary>Evaluates a case in a new session that is not pooled (the reference for pooled sessions).</summary>
    internal Evaluation EvaluateInFreshSession(PatientCase patientCase, CancellationToken cancellationToken = default) =>
        Run(_pool.Create(), patientCase, cancellationToken);

    private static bool Proposed(List<Target> targets, string intervention)
    {
        foreach (var t in targets)
            if (t.Intervention == intervention) return true;
        return false;
    }

    /// <summary>Runs one evaluation; a session that throws is never returned to the pool.</summary>
    internal Evaluation Run(PooledSession pooled, PatientCase patientCase, CancellationToken cancellationToken)
    {
        var facts = new CaseFacts(patientCase);
        pooled.Uses++;
        var session = pooled.Session;
        var view = pooled.View;
        view.Reset(facts);
        session.Insert(view);
        session.Fire(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var firings = new List<Firing>();
        var fired = view.Fired;
        fired.Sort();
        var targets = pooled.Targets;
        var raised = false;
        foreach (var index in fired)
        {
            var program = _network.Programs[index];
            var truth = view.TruthOf(index);
            FiringBuilder.Add(firings, program, truth, null, facts);
            if (truth != Truth.True) continue;
            switch (program.Rule.Kind)
            {
                case RuleKind.Candidate:
                    Catalog.TryGet(program.Rule.Intervention!, out var intervention);
                    if (!Proposed(targets.Targets, intervention.Code))
                        targets.Targets.Add(new Target(intervention.Code, intervention.BleedingRisk));
                    break;
                case RuleKind.BleedingRiskModifier:
                    raised = true;
                    break;
            }
        }
        if (targets.Targets.Count > 0)
        {
            if (raised)
                for (var i = 0; i < targets.Targets.Count; i++)
                    targets.Targets[i] = targets.Targets[i] with { Risk = BleedingRisk.Raise(targets.Targets[i].Risk) };
            session.Insert(targets);
            session.Fire(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var assessed = targets.Fired;
            assessed.Sort();
            foreach (var index in assessed)
            {
                var program = _network.Programs[index];
                var truth = view.TruthOf(index);
                foreach (var target in targets.Targets)
                    if (program.Selects(target)) FiringBuilder.Add(firings, program, truth, target.Intervention, facts);
            }
        }
        return new Evaluation(facts, firings);
    }
}
