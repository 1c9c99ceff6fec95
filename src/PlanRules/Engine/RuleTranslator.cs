using System.Linq.Expressions;
using System.Reflection;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Engine;

/// <summary>
/// Translates declarative rules into NRules rule definitions with the RuleModel builders. Each alternative of a
/// rule's condition becomes one NRules rule of patterns, NOT/EXISTS elements and collect aggregates; three-valued
/// logic is encoded in those patterns (see <c>rules/README.md</c>). No matching happens here: NRules' Rete network
/// does all of it.
/// </summary>
internal sealed class RuleTranslator
{
    private const int ProposeStage = 3_000_000;
    private const int TargetStage = 2_000_000;
    private const int AssessStage = 1_000_000;

    private static readonly MethodInfo CountMethod = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Count) && m.GetParameters().Length == 1).MakeGenericMethod(typeof(EntryFact));
    private static readonly MethodInfo FiredMethod = typeof(OutcomeSink).GetMethod(nameof(OutcomeSink.Fired))!;
    private static readonly MethodInfo EmitTargetMethod = typeof(OutcomeSink).GetMethod(nameof(OutcomeSink.EmitTarget))!;
    private static readonly MethodInfo StringEqualsMethod = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo SetContains = typeof(HashSet<string>).GetMethod(nameof(HashSet<string>.Contains))!;

    private readonly Vocabulary _vocabulary;

    public RuleTranslator(Vocabulary vocabulary) => _vocabulary = vocabulary;

    public List<CompiledVariant> Variants { get; } = [];

    public List<IRuleDefinition> Definitions { get; } = [];

    /// <summary>Translates every rule; returns diagnostics for rules that cannot be translated.</summary>
    public IReadOnlyList<Diagnostic> Translate(IReadOnlyList<Rule> rules)
    {
        var diagnostics = new List<Diagnostic>();
        for (var order = 0; order < rules.Count; order++)
        {
            var rule = rules[order];
            var alternatives = Alternatives.Of(rule.When);
            if (alternatives is null)
            {
                diagnostics.Add(new Diagnostic("PR2010", DiagnosticSeverity.Error,
                    $"the condition expands into more than {Alternatives.Limit} alternatives", rule.Location.File, rule.Location.Line, rule.Location.Column)
                { RuleId = rule.Id, Suggestion = "split the rule into several rules" });
                continue;
            }
            var priority = (rule.AppliesTo is null ? ProposeStage : AssessStage) - order;
            for (var a = 0; a < alternatives.Count; a++)
            {
                var literals = alternatives[a];
                Add(new CompiledVariant(rule, order, a, possible: false, literals), priority);
                if (rule.ReportsUnknownFacts && literals.Any(CanBeUnknown))
                    Add(new CompiledVariant(rule, order, a, possible: true, literals), priority);
            }
        }
        Definitions.Add(TargetRule(raised: false));
        Definitions.Add(TargetRule(raised: true));
        return diagnostics;
    }

    private static bool CanBeUnknown(Literal literal) =>
        literal.Leaf is QuantifierCondition || (literal.Leaf is FactCondition f && f.Operator != ComparisonOperator.Known);

    private void Add(CompiledVariant variant, int priority)
    {
        var builder = new RuleBuilder();
        builder.Name(variant.Name);
        builder.Priority(priority);
        builder.Dependencies().Dependency(typeof(OutcomeSink), "sink");
        var lhs = builder.LeftHandSide();
        // Join order decides how much work the Rete network does. Rules that apply to candidates start with the
        // target (absent until candidates are proposed); other rules start with their positive comparisons, which
        // stop propagation early. A rule that would start with NOT/EXISTS/aggregates starts with the case gate,
        // a fact inserted after all the case's facts, so that nothing propagates while the session is created
        // or filled and every NOT meets a full memory.
        var order = Enumerable.Range(0, variant.Literals.Count).OrderBy(i => IsPositivePattern(variant, variant.Literals[i]) ? 0 : 1).ThenBy(i => i).ToArray();
        if (variant.Rule.AppliesTo is { } selector) AddTarget(lhs, selector);
        else if (order.Length == 0 || !IsPositivePattern(variant, variant.Literals[order[0]])) lhs.Pattern(typeof(CaseGateFact), "gate");
        foreach (var i in order)
        {
            var literal = variant.Literals[i];
            switch (literal.Leaf)
            {
                case FactCondition f:
                    AddFact(lhs, variant, f, literal.Positive, i);
                    break;
                case QuantifierCondition q:
                    AddQuantifier(lhs, variant, q, literal.Positive, i);
                    break;
            }
        }

        var context = Expression.Parameter(typeof(IContext), "ctx");
        var sink = Expression.Parameter(typeof(OutcomeSink), "sink");
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(sink, FiredMethod, context, Expression.Constant(variant)), context, sink));
        Definitions.Add(builder.Build());
        Variants.Add(variant);
    }

    /// <summary>Whether a literal becomes a positive pattern over a scalar fact in this variant.</summary>
    private static bool IsPositivePattern(CompiledVariant variant, Literal literal) => literal.Leaf switch
    {
        FactCondition { AsksWhetherListIsKnown: true } => true,
        FactCondition { Operator: ComparisonOperator.Known } f => f.Operands[0].Value.BooleanValue == literal.Positive,
        FactCondition => !variant.Possible,
        _ => false,
    };

    private void AddFact(GroupBuilder lhs, CompiledVariant variant, FactCondition f, bool positive, int index)
    {
        var name = "f" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (f.AsksWhetherListIsKnown)
        {
            // A list entry is known when its list is: one status fact per list section says whether it is.
            var section = f.ListSection;
            var recorded = f.Operands[0].Value.BooleanValue == positive;
            var status = lhs.Pattern(typeof(ListStatusFact), name);
            var s = Expression.Parameter(typeof(ListStatusFact), name);
            status.Condition(Expression.Lambda(Expression.Call(StringEqualsMethod, Expression.Property(s, nameof(ListStatusFact.Section)), Expression.Constant(section)), s));
            status.Condition(Expression.Lambda(Expression.Equal(Expression.Property(s, nameof(ListStatusFact.Known)), Expression.Constant(recorded)), s));
            return;
        }
        if (f.Operator == ComparisonOperator.Known)
        {
            // Known/absent is two-valued: the same pattern serves both forms.
            var present = f.Operands[0].Value.BooleanValue == positive;
            var pattern = present ? lhs.Pattern(typeof(ScalarFact), name) : lhs.Not().Pattern(typeof(ScalarFact), name);
            pattern.Condition(Predicates.NameIs(typeof(ScalarFact), name, f.Fact));
            if (present) variant.PatternLiterals[name] = index;
            return;
        }
        _vocabulary.TryGetFact(f.Fact, out var definition);
        if (!variant.Possible)
        {
            // Definite: the fact is present and the comparison (or its negation) holds.
            var pattern = lhs.Pattern(typeof(ScalarFact), name);
            pattern.Condition(Predicates.NameIs(typeof(ScalarFact), name, f.Fact));
            pattern.Condition(Predicates.ScalarTest(f, definition.Type, name, negate: !positive));
            variant.PatternLiterals[name] = index;
        }
        else
        {
            // Possible: no present fact contradicts the literal (absent = unknown passes).
            var pattern = lhs.Not().Pattern(typeof(ScalarFact), name);
            pattern.Condition(Predicates.NameIs(typeof(ScalarFact), name, f.Fact));
            pattern.Condition(Predicates.ScalarTest(f, definition.Type, name, negate: positive));
        }
    }

    private static void AddQuantifier(GroupBuilder lhs, CompiledVariant variant, QuantifierCondition q, bool positive, int index)
    {
        var n = (int)q.Count.Value.NumberValue;
        // "at most 0" is "not at least 1"; "at least 1" (exists) needs no collection: EXISTS / NOT elements do.
        if (q.Operator == CountOperator.AtMost && n == 0)
        {
            AddExists(lhs, variant, q, !positive, index);
            return;
        }
        if (q.Operator == CountOperator.AtLeast && n == 1)
        {
            AddExists(lhs, variant, q, positive, index);
            return;
        }
        AddCount(lhs, variant, q, positive, index);
    }

    /// <summary>
    /// An "exists" literal, mostly without aggregates:
    /// definite + : EXISTS entry (surely matching);   definite - : list known and NOT entry (possibly matching);
    /// possible + : list unknown or a possibly matching entry (a collect aggregate);   possible - : NOT entry (surely matching).
    /// </summary>
    private static void AddExists(GroupBuilder lhs, CompiledVariant variant, QuantifierCondition q, bool positive, int index)
    {
        var suffix = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entryName = "e" + suffix;
        var statusName = "s" + suffix;
        void Entry(PatternBuilder pattern, bool definite)
        {
            pattern.Condition(Predicates.EntryMatchesList(q, entryName));
            if (q.Where is not null) pattern.Condition(Predicates.EntryFilter(q.Where, entryName, definite));
        }
        switch ((variant.Possible, positive))
        {
            case (false, true):
                Entry(lhs.Exists().Pattern(typeof(EntryFact), entryName), definite: true);
                variant.ImpliedMatches.Add(new(q.List, FactValue.Boolean(true)));
                break;
            case (false, false):
                KnownList(lhs, q, statusName);
                Entry(lhs.Not().Pattern(typeof(EntryFact), entryName), definite: false);
                break;
            case (true, true):
                // "list unknown, or some entry may match": a disjunction, expressed as a collect aggregate joined
                // with the list status (a NOT over a group with a nested NOT did not block reliably).
                AddCount(lhs, variant, q with { Operator = CountOperator.AtLeast, Count = new Operand(FactValue.Number(1)) }, positive: true, index);
                break;
            default:
                Entry(lhs.Not().Pattern(typeof(EntryFact), entryName), definite: true);
                break;
        }
    }

    private static void KnownList(GroupBuilder group, QuantifierCondition q, string name)
    {
        var pattern = group.Pattern(typeof(ListStatusFact), name);
        var s = Expression.Parameter(typeof(ListStatusFact), name);
        pattern.Condition(Expression.Lambda(Expression.Call(StringEqualsMethod, Expression.Property(s, nameof(ListStatusFact.Section)), Expression.Constant(q.Section)), s));
        pattern.Condition(Expression.Lambda(Expression.Property(s, nameof(ListStatusFact.Known)), s));
    }

    private static void AddCount(GroupBuilder lhs, CompiledVariant variant, QuantifierCondition q, bool positive, int index)
    {
        // Cdef = entries that surely match, Cposs = entries that may match (an unknown attribute may match).
        //                   at least n                      at most n
        // definite  +       Cdef >= n                       known && Cposs <= n
        // definite  -       known && Cposs < n              Cdef > n
        // possible  +       !known || Cposs >= n            Cdef <= n
        // possible  -       Cdef < n                        !known || Cposs > n
        var atLeast = q.Operator == CountOperator.AtLeast;
        var n = (int)q.Count.Value.NumberValue;
        bool useDefinite;
        int status; // 0 = no join on list status, 1 = requires known, 2 = or unknown
        ExpressionType comparison;
        switch ((variant.Possible, positive, atLeast))
        {
            case (false, true, true): useDefinite = true; status = 0; comparison = ExpressionType.GreaterThanOrEqual; break;
            case (false, true, false): useDefinite = false; status = 1; comparison = ExpressionType.LessThanOrEqual; break;
            case (false, false, true): useDefinite = false; status = 1; comparison = ExpressionType.LessThan; break;
            case (false, false, false): useDefinite = true; status = 0; comparison = ExpressionType.GreaterThan; break;
            case (true, true, true): useDefinite = false; status = 2; comparison = ExpressionType.GreaterThanOrEqual; break;
            case (true, true, false): useDefinite = true; status = 0; comparison = ExpressionType.LessThanOrEqual; break;
            case (true, false, true): useDefinite = true; status = 0; comparison = ExpressionType.LessThan; break;
            default: useDefinite = false; status = 2; comparison = ExpressionType.GreaterThan; break;
        }
        var suffix = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var statusName = "s" + suffix;
        var collectionName = "c" + suffix;
        var entryName = "e" + suffix;
        if (status != 0)
        {
            var statusPattern = lhs.Pattern(typeof(ListStatusFact), statusName);
            var s = Expression.Parameter(typeof(ListStatusFact), statusName);
            statusPattern.Condition(Expression.Lambda(Expression.Equal(Expression.Property(s, nameof(ListStatusFact.Section)), Expression.Constant(q.Section)), s));
        }
        var collectionPattern = lhs.Pattern(typeof(IEnumerable<EntryFact>), collectionName);
        var aggregate = collectionPattern.Aggregate();
        aggregate.Collect();
        var source = aggregate.Pattern(typeof(EntryFact), entryName);
        source.Condition(Predicates.EntryMatchesList(q, entryName));
        if (q.Where is not null) source.Condition(Predicates.EntryFilter(q.Where, entryName, useDefinite));

        var c = Expression.Parameter(typeof(IEnumerable<EntryFact>), collectionName);
        Expression count = Expression.MakeBinary(comparison, Expression.Call(CountMethod, c), Expression.Constant(n));
        if (status == 0)
        {
            collectionPattern.Condition(Expression.Lambda(count, c));
        }
        else
        {
            var s = Expression.Parameter(typeof(ListStatusFact), statusName);
            var known = Expression.Property(s, nameof(ListStatusFact.Known));
            var body = status == 1 ? Expression.AndAlso(known, count) : Expression.OrElse(Expression.Not(known), count);
            collectionPattern.Condition(Expression.Lambda(body, s, c));
        }
        if (!variant.Possible) variant.PatternLiterals[collectionName] = index;
    }

    private static void AddTarget(GroupBuilder lhs, InterventionSelector selector)
    {
        var pattern = lhs.Pattern(typeof(TargetFact), "t");
        if (selector.Any) return;
        var t = Expression.Parameter(typeof(TargetFact), "t");
        Expression? test = null;
        if (selector.StaticCodes.Count > 0)
            test = Expression.Call(Expression.Constant(new HashSet<string>(selector.StaticCodes, StringComparer.Ordinal)), SetContains,
                Expression.Property(t, nameof(TargetFact.Intervention)));
        if (selector.BleedingRisk.Count > 0)
        {
            var risk = Expression.Call(Expression.Constant(new HashSet<string>(selector.BleedingRisk, StringComparer.Ordinal)), SetContains,
                Expression.Property(t, nameof(TargetFact.Risk)));
            test = test is null ? risk : Expression.OrElse(test, risk);
        }
        pattern.Condition(Expression.Lambda(test ?? Expression.Constant(false), t));
    }

    /// <summary>An infrastructure rule: every proposal becomes a target with its effective bleeding-risk category.</summary>
    private static IRuleDefinition TargetRule(bool raised)
    {
        var builder = new RuleBuilder();
        builder.Name(raised ? "planrules.target.raised" : "planrules.target");
        builder.Priority(TargetStage);
        var lhs = builder.LeftHandSide();
        lhs.Pattern(typeof(ProposalFact), "p");
        if (raised) lhs.Exists().Pattern(typeof(RiskRaiseFact), "r");
        else lhs.Not().Pattern(typeof(RiskRaiseFact), "r");
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var proposal = Expression.Parameter(typeof(ProposalFact), "p");
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(EmitTargetMethod, context, proposal, Expression.Constant(raised)), context, proposal));
        return builder.Build();
    }
}
