using NRules;
using PlanRules.Cases;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// The first engine's translation (several NRules rules per rule, a fresh session per case), kept only until the
/// differential test has shown that the new network gives identical plans. Thread-safe.
/// </summary>
internal sealed class LegacyEngine
{
    private readonly ISessionFactory _factory;
    private readonly Catalog _catalog;

    private LegacyEngine(ISessionFactory factory, Catalog catalog)
    {
        _factory = factory;
        _catalog = catalog;
    }

    public static LegacyEngine Compile(RuleSetContent content)
    {
        var translator = new RuleTranslator(content.Vocabulary);
        var diagnostics = translator.Translate(content.Rules);
        if (diagnostics.Count > 0) throw new InvalidOperationException(string.Join("\n", diagnostics));
        var factory = new RuleCompiler { ExpressionCompiler = new FastCompiler() }.Compile(translator.Definitions);
        return new LegacyEngine(factory, content.Catalog);
    }

    public Evaluation Evaluate(PatientCase patientCase)
    {
        var facts = new CaseFacts(patientCase);
        var sink = new OutcomeSink(_catalog);
        var session = _factory.CreateSession();
        session.DependencyResolver = sink;
        session.InsertAll(facts.Facts);
        session.Fire();
        return new Evaluation(facts, sink.Firings);
    }
}
