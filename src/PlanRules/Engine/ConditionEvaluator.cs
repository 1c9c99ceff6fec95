using System.Collections.Concurrent;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// The one meaning of a rule condition: compiles any node of the condition model into a three-valued (Kleene)
/// evaluator over a case's facts. The NRules network's alpha tests and rule conditions, the plan's explanation of
/// trace entries and missing information, and the explainer all call these delegates, so that what a condition means
/// is written once. Equal leaves share one compiled <see cref="LeafTest"/>. Thread-safe.
/// </summary>
internal sealed class ConditionEvaluator
{
    private readonly Vocabulary _vocabulary;
    private readonly ConcurrentDictionary<string, LeafTest> _leaves = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Condition, Func<CaseFacts, Truth>> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Condition, LeafTest> _leafNodes = new(ReferenceEqualityComparer.Instance);

    public ConditionEvaluator(Vocabulary vocabulary) => _vocabulary = vocabulary;

    /// <summary>How many distinct leaves were compiled.</summary>
    public int LeafCount => _leaves.Count;

    /// <summary>The shared compiled test of a leaf (a <see cref="FactCondition"/> or <see cref="QuantifierCondition"/>).</summary>
    public LeafTest Leaf(Condition leaf)
    {
        if (_leafNodes.TryGetValue(leaf, out var test)) return test;
        var key = ConditionKey.Of(leaf);
        test = _leaves.GetOrAdd(key, k => new LeafTest(leaf, _vocabulary, k));
        _leafNodes.TryAdd(leaf, test);
        return test;
    }

    /// <summary>The truth of any node of a condition for a case.</summary>
    public Truth Evaluate(Condition condition, CaseFacts facts) => Compile(condition)(facts);

    /// <summary>The compiled evaluator of a node (cached by node identity).</summary>
    public Func<CaseFacts, Truth> Compile(Condition condition)
    {
        if (_nodes.TryGetValue(condition, out var compiled)) return compiled;
        return _nodes.GetOrAdd(condition, CompileCore);
    }

    private Func<CaseFacts, Truth> CompileCore(Condition condition)
    {
        switch (condition)
        {
            case AlwaysCondition:
                return static _ => Truth.True;
            case AllCondition all:
            {
                var parts = all.Parts.Select(Compile).ToArray();
                if (parts.Length == 1) return parts[0];
                return facts =>
                {
                    // Kleene conjunction; a false part decides it, so the rest is not evaluated.
                    var result = Truth.True;
                    foreach (var part in parts)
                    {
                        var truth = part(facts);
                        if (truth == Truth.False) return Truth.False;
                        if (truth == Truth.Unknown) result = Truth.Unknown;
                    }
                    return result;
                };
            }
            case AnyCondition any:
            {
                var parts = any.Parts.Select(Compile).ToArray();
                if (parts.Length == 1) return parts[0];
                return facts =>
                {
                    // Kleene disjunction; a true part decides it.
                    var result = Truth.False;
                    foreach (var part in parts)
                    {
                        var truth = part(facts);
                        if (truth == Truth.True) return Truth.True;
                        if (truth == Truth.Unknown) result = Truth.Unknown;
                    }
                    return result;
                };
            }
            case NotCondition not:
            {
                var part = Compile(not.Part);
                return facts => Not(part(facts));
            }
            case FactCondition or QuantifierCondition:
                return Leaf(condition).Evaluate;
            default:
                throw new ArgumentException("unknown condition " + condition.GetType().Name, nameof(condition));
        }
    }

    /// <summary>Kleene negation: unknown stays unknown.</summary>
    public static Truth Not(Truth a) => a switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown };
}
