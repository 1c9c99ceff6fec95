using System.Linq.Expressions;
using System.Reflection;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// Builds the Rete network of a rule set: one NRules rule per declarative rule, with one pattern over the case's view
/// (<see cref="CaseView"/>, or <see cref="TargetsView"/> for rules that apply to candidates). The pattern's alpha
/// conditions are, in order: the rule's cheap discriminating tests that other rules share (e.g. <c>finding.pain.region
/// is lumbar</c>) in their "not definitely false" form, so that NRules shares their nodes and a rule's remaining
/// condition is only visited for cases that can match; grouping tests that keep at most <see cref="Fanout"/> children
/// under any node (NRules compares each new alpha condition with all its siblings); and the rule's compiled
/// three-valued condition. The action records the firing; its truth is kept on the view. Immutable once built.
/// </summary>
internal sealed class Network
{
    /// <summary>The most children grouping lets an alpha node have.</summary>
    public const int Fanout = 64;

    /// <summary>At most this many shared tests precede a rule's own condition.</summary>
    private const int MaxSharedTests = 3;

    private static readonly MethodInfo ViewPasses = typeof(CaseView).GetMethod(nameof(CaseView.Passes))!;
    private static readonly MethodInfo ViewGroup = typeof(CaseView).GetMethod(nameof(CaseView.Group))!;
    private static readonly MethodInfo ViewHolds = typeof(CaseView).GetMethod(nameof(CaseView.Holds))!;
    private static readonly MethodInfo ViewFire = typeof(CaseView).GetMethod(nameof(CaseView.Fire))!;
    private static readonly MethodInfo TargetsPasses = typeof(TargetsView).GetMethod(nameof(TargetsView.Passes))!;
    private static readonly MethodInfo TargetsGroup = typeof(TargetsView).GetMethod(nameof(TargetsView.Group))!;
    private static readonly MethodInfo TargetsSelects = typeof(TargetsView).GetMethod(nameof(TargetsView.Selects))!;
    private static readonly MethodInfo TargetsHolds = typeof(TargetsView).GetMethod(nameof(TargetsView.Holds))!;
    private static readonly MethodInfo TargetsFire = typeof(TargetsView).GetMethod(nameof(TargetsView.Fire))!;

    private Network(IReadOnlyList<RuleProgram> programs, IReadOnlyList<Func<CaseFacts, Truth>> tests, IReadOnlyList<IRuleDefinition> definitions, IReadOnlyList<int[]> chains)
    {
        Chains = chains;
        Programs = programs;
        Tests = tests;
        Definitions = definitions;
    }

    public IReadOnlyList<RuleProgram> Programs { get; }

    /// <summary>The shared tests of each rule, in alpha order.</summary>
    public IReadOnlyList<int[]> Chains { get; }

    /// <summary>The shared alpha tests, by index.</summary>
    public IReadOnlyList<Func<CaseFacts, Truth>> Tests { get; }

    /// <summary>The NRules rule definitions, one per program.</summary>
    public IReadOnlyList<IRuleDefinition> Definitions { get; }

    public static Network Build(IReadOnlyList<RuleProgram> programs, ConditionEvaluator evaluator)
    {
        // The conjuncts of each rule that are leaves (or negated leaves): candidates for shared alpha tests.
        var conjuncts = programs.Select(p => Conjuncts(p.Rule.When).Select(c => (Key: ConditionKey.Of(c), Node: c)).DistinctBy(c => c.Key).ToArray()).ToArray();
        var frequency = conjuncts.SelectMany(c => c).GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var testIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var tests = new List<Func<CaseFacts, Truth>>();
        var chains = new int[programs.Count][];
        for (var i = 0; i < programs.Count; i++)
        {
            chains[i] = conjuncts[i].Where(c => frequency[c.Key] > 1)
                .OrderByDescending(c => frequency[c.Key]).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(MaxSharedTests)
                .Select(c =>
                {
                    if (!testIndex.TryGetValue(c.Key, out var index))
                    {
                        index = tests.Count;
                        testIndex[c.Key] = index;
                        tests.Add(evaluator.Compile(c.Node));
                    }
                    return index;
                })
                .ToArray();
        }

        // Grouping: rules under the same chain of shared tests are split into groups of at most Fanout, in as many
        // levels as needed, by always-true tests.
        var groups = new int[programs.Count][];
        foreach (var sameChain in Enumerable.Range(0, programs.Count)
                     .GroupBy(i => (programs[i].Assesses, string.Join(",", chains[i])), i => i))
        {
            var members = sameChain.ToArray();
            var levels = 0;
            for (var n = members.Length; n > Fanout; n = (n + Fanout - 1) / Fanout) levels++;
            for (var k = 0; k < members.Length; k++)
            {
                var path = new int[levels];
                var position = k;
                for (var level = levels - 1; level >= 0; level--)
                {
                    position /= Fanout;
                    path[level] = level * 1_000_000 + position;
                }
                groups[members[k]] = path;
            }
        }

        var definitions = new List<IRuleDefinition>(programs.Count);
        for (var i = 0; i < programs.Count; i++) definitions.Add(Define(programs[i], i, chains[i], groups[i]));
        return new Network(programs, tests, definitions, chains);
    }

    /// <summary>The top-level conjuncts of a condition that are leaves or negated leaves.</summary>
    private static IEnumerable<Condition> Conjuncts(Condition condition) => condition switch
    {
        AllCondition all => all.Parts.SelectMany(Conjuncts),
        FactCondition or QuantifierCondition => [condition],
        NotCondition { Part: FactCondition or QuantifierCondition } => [condition],
        _ => [],
    };

    private static IRuleDefinition Define(RuleProgram program, int index, int[] chain, int[] groups)
    {
        var assess = program.Assesses;
        var viewType = assess ? typeof(TargetsView) : typeof(CaseView);
        var builder = new RuleBuilder();
        builder.Name(program.Rule.Id);
        var pattern = builder.LeftHandSide().Pattern(viewType, "v");
        var v = Expression.Parameter(viewType, "v");
        LambdaExpression Test(MethodInfo method, int argument) =>
            Expression.Lambda(method.IsStatic
                ? Expression.Call(method, Expression.Constant(argument))
                : Expression.Call(v, method, Expression.Constant(argument)), v);
        foreach (var test in chain) pattern.Condition(Test(assess ? TargetsPasses : ViewPasses, test));
        foreach (var group in groups) pattern.Condition(Test(assess ? TargetsGroup : ViewGroup, group));
        if (assess && program.Rule.AppliesTo is { Any: false }) pattern.Condition(Test(TargetsSelects, index));
        pattern.Condition(Test(assess ? TargetsHolds : ViewHolds, index));
        var context = Expression.Parameter(typeof(IContext), "ctx");
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(v, assess ? TargetsFire : ViewFire, Expression.Constant(index)), context, v));
        return builder.Build();
    }
}
