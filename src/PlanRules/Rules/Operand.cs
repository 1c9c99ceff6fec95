
namespace PlanRules.Rules;

/// <summary>A value in a condition: a literal, or a named parameter with its current value. Immutable.</summary>
/// <param name="Value">The value (for a parameter, its value in <c>parameters.json</c>).</param>
/// <param name="Parameter">The parameter's name without <c>$</c>, or <c>null</c> for a literal.</param>
public sealed record Operand(FactValue Value, string? Parameter = null)
{
    /// <summary><c>$name (= value)</c> for a parameter, the value otherwise.</summary>
    public override string ToString() => Parameter is null ? Value.ToString() : $"${Parameter} (= {Value})";
}
