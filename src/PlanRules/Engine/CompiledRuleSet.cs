using System.Collections.Concurrent;
using NRules;
using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// A rule set compiled onto NRules: one thread-safe session factory; each evaluation gets its own session.
/// Thread-safe.
/// </summary>
internal sealed class CompiledRuleSet
{
    private readonly ISessionFactory _factory;
    private readonly ConcurrentDictionary<Literal, LiteralProbe> _probes = new();

    private CompiledRuleSet(RuleSetContent content, ISessionFactory factory, IReadOnlyList<CompiledVariant> variants)
    {
        Content = content;
        _factory = factory;
        Variants = variants;
    }

    public RuleSetContent Content { get; }

    public RuleSetIdentity Identity => Content.Identity;

    public Catalog Catalog => Content.Catalog;

    public IReadOnlyList<CompiledVariant> Variants { get; }

    /// <summary>Translates and compiles; returns diagnostics instead when a rule cannot be compiled.</summary>
    public static (CompiledRuleSet? Compiled, IReadOnlyList<Diagnostic> Diagnostics) Compile(RuleSetContent content, CancellationToken cancellationToken = default)
    {
        var translator = new RuleTranslator(content.Vocabulary);
        var diagnostics = translator.Translate(content.Rules);
        if (diagnostics.Count > 0) return (null, diagnostics);
        var compiler = new RuleCompiler { ExpressionCompiler = new FastCompiler() };
        var factory = compiler.Compile(translator.Definitions, cancellationToken);
        return (new CompiledRuleSet(content, factory, translator.Variants), []);
    }

    public LiteralProbe Probe(Literal literal) => _probes.GetOrAdd(literal, l => new LiteralProbe(l, Content.Vocabulary));

    /// <summary>
    /// Evaluates a case in a new session of its own and assembles its plan. (Sessions are not reused: NRules has no
    /// reset, and a session emptied by retraction keeps activations that make later plans depend on earlier cases.)
    /// </summary>
    /// <param name="patientCase">The case.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    public TreatmentPlan Evaluate(PatientCase patientCase, CancellationToken cancellationToken = default)
    {
        var facts = new CaseFacts(patientCase);
        var sink = new OutcomeSink(Content.Catalog);
        var session = _factory.CreateSession();
        session.DependencyResolver = sink;
        session.InsertAll(facts.Facts);
        session.Fire(cancellationToken);
        return PlanAssembler.Assemble(this, patientCase, facts, sink.Firings);
    }
}
