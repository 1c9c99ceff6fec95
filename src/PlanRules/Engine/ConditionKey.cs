using System.Globalization;
using System.Text;
using PlanRules.Rules;

namespace PlanRules.Engine;

/// <summary>
/// A canonical text of a condition's meaning (never its location or parameter names), equal for equal conditions:
/// the key under which compiled tests are shared.
/// </summary>
internal static class ConditionKey
{
    public static string Of(Condition condition)
    {
        var sb = new StringBuilder();
        Append(sb, condition);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Condition condition)
    {
        switch (condition)
        {
            case AlwaysCondition:
                sb.Append("T");
                break;
            case AllCondition all:
                sb.Append("all(");
                foreach (var p in all.Parts) { Append(sb, p); sb.Append(';'); }
                sb.Append(')');
                break;
            case AnyCondition any:
                sb.Append("any(");
                foreach (var p in any.Parts) { Append(sb, p); sb.Append(';'); }
                sb.Append(')');
                break;
            case NotCondition not:
                sb.Append("not(");
                Append(sb, not.Part);
                sb.Append(')');
                break;
            case FactCondition f:
                sb.Append(f.Fact).Append(' ').Append(f.Operator).Append(' ');
                Operands(sb, f.Operands);
                break;
            case QuantifierCondition q:
                sb.Append("count[").Append(string.Join(",", q.AllLists)).Append("] ").Append(q.Operator).Append(' ');
                Value(sb, q.Count);
                if (q.Where is not null) { sb.Append(" where "); Filter(sb, q.Where); }
                break;
            default:
                throw new ArgumentException("unknown condition " + condition.GetType().Name, nameof(condition));
        }
    }

    private static void Filter(StringBuilder sb, EntryFilter filter)
    {
        switch (filter)
        {
            case AllEntryFilter all:
                sb.Append("all(");
                foreach (var p in all.Parts) { Filter(sb, p); sb.Append(';'); }
                sb.Append(')');
                break;
            case AnyEntryFilter any:
                sb.Append("any(");
                foreach (var p in any.Parts) { Filter(sb, p); sb.Append(';'); }
                sb.Append(')');
                break;
            case NotEntryFilter not:
                sb.Append("not(");
                Filter(sb, not.Part);
                sb.Append(')');
                break;
            case AttributeFilter a:
                sb.Append(a.Attribute).Append(' ').Append(a.Operator).Append(' ');
                Operands(sb, a.Operands);
                break;
        }
    }

    private static void Operands(StringBuilder sb, IReadOnlyList<Operand> operands)
    {
        foreach (var o in operands) { Value(sb, o); sb.Append(','); }
    }

    private static void Value(StringBuilder sb, Operand o)
    {
        var v = o.Value;
        sb.Append(v.Type switch
        {
            FactType.Number => "n" + v.NumberValue.ToString("R", CultureInfo.InvariantCulture),
            FactType.Boolean => v.BooleanValue ? "b1" : "b0",
            _ => "w" + v.WordValue,
        });
    }
}
