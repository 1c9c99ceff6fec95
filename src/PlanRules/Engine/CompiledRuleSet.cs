using System.Collections.Concurrent;
using NRules;
using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Rules;
using PlanRules.Diagnostics;

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
        try
        {
            var factory = compiler.Compile(translator.Definitions, cancellationToken);
            return (new CompiledRuleSet(content, factory, translator.Variants), []);
        }
        catch (RuleCompilationException ex)
        {
            // A rule that validated but that NRules cannot compile is a defect of ours; report it, never crash the host.
            var rule = content.Rules.FirstOrDefault(r => ex.RuleName?.StartsWith(r.Id + "#", StringComparison.Ordinal) == true);
            return (null, [new Diagnostic("PR2099", DiagnosticSeverity.Error,
                "the rule could not be compiled onto NRules (an internal error; please report it): " + ex.Message,
                rule?.Location.File, rule?.Location.Line ?? 0, rule?.Location.Column ?? 0) { RuleId = rule?.Id }]);
        }
    }

    private IReadOnlySet<string>? _draftRules;

    /// <summary>
    /// The ids of the rules not signed off (<see cref="SignOff.IsSignedOff"/>): drafts, and rules marked approved
    /// without a named reviewer and a date, which lint refuses (PR3011) and plans count as drafts.
    /// </summary>
    public IReadOnlySet<string> DraftRules => _draftRules ??=
        Content.Rules.Where(r => !SignOff.IsSignedOff(r)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

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
