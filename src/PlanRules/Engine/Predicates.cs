using System.Linq.Expressions;
using System.Reflection;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// Builds the expression trees that NRules compiles into its network: tests on scalar facts and on history entries,
/// in their definite and possible (unknown-tolerant) forms.
/// </summary>
internal static class Predicates
{
    private static readonly MethodInfo StringEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;

    /// <summary><c>f.Name == name</c>.</summary>
    public static LambdaExpression NameIs(Type type, string parameterName, string name)
    {
        var p = Expression.Parameter(type, parameterName);
        return Expression.Lambda(Expression.Call(StringEquals, Expression.Property(p, "Name"), Expression.Constant(name)), p);
    }

    /// <summary>The test of a scalar comparison on a <see cref="ScalarFact"/>, negated when <paramref name="negate"/>.</summary>
    public static LambdaExpression ScalarTest(FactCondition condition, FactType type, string parameterName, bool negate)
    {
        var p = Expression.Parameter(typeof(ScalarFact), parameterName);
        var member = type switch
        {
            FactType.Number => (Expression)Expression.Property(p, nameof(ScalarFact.Number)),
            FactType.Boolean => Expression.Property(p, nameof(ScalarFact.Boolean)),
            _ => Expression.Property(p, nameof(ScalarFact.Word)),
        };
        var body = Compare(member, type, condition.Operator, condition.Operands);
        return Expression.Lambda(negate ? Expression.Not(body) : body, p);
    }

    /// <summary><c>e.Name == list</c>, or <c>e.Name.StartsWith(prefix)</c> for <c>x.*</c>.</summary>
    public static LambdaExpression EntryMatchesList(QuantifierCondition q, string parameterName)
    {
        var p = Expression.Parameter(typeof(EntryFact), parameterName);
        var name = Expression.Property(p, nameof(EntryFact.Name));
        Expression Matches(string list) => list.EndsWith(".*", StringComparison.Ordinal)
            ? Expression.Call(name, StartsWith, Expression.Constant(list[..^1]), Expression.Constant(StringComparison.Ordinal))
            : Expression.Call(StringEquals, name, Expression.Constant(list));
        return Expression.Lambda(q.AllLists.Select(Matches).Aggregate(Expression.OrElse), p);
    }

    /// <summary>The entry filter in its definite form (every needed attribute known and matching) or possible form (no known attribute contradicts).</summary>
    public static LambdaExpression EntryFilter(EntryFilter filter, string parameterName, bool definite)
    {
        var p = Expression.Parameter(typeof(EntryFact), parameterName);
        return Expression.Lambda(Filter(filter, p, definite), p);
    }

    private static Expression Filter(EntryFilter filter, ParameterExpression p, bool definite) => filter switch
    {
        AllEntryFilter all => all.Parts.Select(x => Filter(x, p, definite)).Aggregate(Expression.AndAlso),
        AnyEntryFilter any => any.Parts.Select(x => Filter(x, p, definite)).Aggregate(Expression.OrElse),
        NotEntryFilter not => Expression.Not(Filter(not.Part, p, !definite)),
        AttributeFilter a => Attribute(a, p, definite),
        _ => throw new InvalidOperationException("unknown filter " + filter.GetType().Name),
    };

    private static Expression Attribute(AttributeFilter a, ParameterExpression p, bool definite)
    {
        var member = Expression.Property(p, char.ToUpperInvariant(a.Attribute[0]) + a.Attribute[1..]);
        if (a.Operator == ComparisonOperator.Known)
        {
            // Whether an attribute is recorded is itself always known: both forms are the same test.
            Expression present = member.Type == typeof(double?)
                ? Expression.Property(member, nameof(Nullable<double>.HasValue))
                : Expression.NotEqual(member, Expression.Constant(null, typeof(string)));
            return a.Operands[0].Value.BooleanValue ? present : Expression.Not(present);
        }
        if (member.Type == typeof(double?))
        {
            var hasValue = Expression.Property(member, nameof(Nullable<double>.HasValue));
            var test = Compare(Expression.Property(member, nameof(Nullable<double>.Value)), FactType.Number, a.Operator, a.Operands);
            return definite ? Expression.AndAlso(hasValue, test) : Expression.OrElse(Expression.Not(hasValue), test);
        }
        var isNull = Expression.Equal(member, Expression.Constant(null, typeof(string)));
        var wordTest = Compare(member, FactType.Word, a.Operator, a.Operands);
        return definite ? Expression.AndAlso(Expression.Not(isNull), wordTest) : Expression.OrElse(isNull, wordTest);
    }

    private static Expression Compare(Expression member, FactType type, ComparisonOperator op, IReadOnlyList<Rules.Operand> operands)
    {
        Expression Constant(Rules.Operand o) => type switch
        {
            FactType.Number => Expression.Constant(o.Value.NumberValue),
            FactType.Boolean => Expression.Constant(o.Value.BooleanValue),
            _ => Expression.Constant(o.Value.WordValue, typeof(string)),
        };
        Expression Equal(Rules.Operand o) => type == FactType.Word
            ? Expression.Call(StringEquals, member, Constant(o))
            : Expression.Equal(member, Constant(o));
        return op switch
        {
            ComparisonOperator.Is => Equal(operands[0]),
            ComparisonOperator.IsNot => Expression.Not(Equal(operands[0])),
            ComparisonOperator.In => operands.Select(Equal).Aggregate(Expression.OrElse),
            ComparisonOperator.AtLeast => Expression.GreaterThanOrEqual(member, Constant(operands[0])),
            ComparisonOperator.AtMost => Expression.LessThanOrEqual(member, Constant(operands[0])),
            ComparisonOperator.Above => Expression.GreaterThan(member, Constant(operands[0])),
            ComparisonOperator.Below => Expression.LessThan(member, Constant(operands[0])),
            ComparisonOperator.Between => Expression.AndAlso(
                Expression.GreaterThanOrEqual(member, Constant(operands[0])),
                Expression.LessThanOrEqual(member, Constant(operands[1]))),
            _ => throw new InvalidOperationException("operator " + op + " is not a comparison"),
        };
    }
}
