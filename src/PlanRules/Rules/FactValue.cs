using System.Globalization;

namespace PlanRules.Rules;

/// <summary>A known value of a fact: a number, a boolean or a word. Immutable.</summary>
public sealed record FactValue
{
    private FactValue(FactType type, double number, bool boolean, string? word)
    {
        Type = type;
        NumberValue = number;
        BooleanValue = boolean;
        WordValue = word;
    }

    /// <summary>Which of the three kinds of value this is.</summary>
    public FactType Type { get; }

    /// <summary>The number, when <see cref="Type"/> is <see cref="FactType.Number"/>.</summary>
    public double NumberValue { get; }

    /// <summary>The boolean, when <see cref="Type"/> is <see cref="FactType.Boolean"/>.</summary>
    public bool BooleanValue { get; }

    /// <summary>The word, when <see cref="Type"/> is <see cref="FactType.Word"/>.</summary>
    public string? WordValue { get; }

    /// <summary>A number.</summary>
    public static FactValue Number(double value) =>
        double.IsFinite(value) ? new(FactType.Number, value, false, null) : throw new ArgumentOutOfRangeException(nameof(value), "A fact value must be a finite number.");

    /// <summary>A boolean.</summary>
    public static FactValue Boolean(bool value) => value ? True : False;

    /// <summary>A word (one of the fact's allowed words).</summary>
    public static FactValue Word(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new(FactType.Word, 0, false, value);
    }

    private static readonly FactValue True = new(FactType.Boolean, 0, true, null);
    private static readonly FactValue False = new(FactType.Boolean, 0, false, null);

    /// <summary>Implicit conversion from a number.</summary>
    public static implicit operator FactValue(double value) => Number(value);

    /// <summary>Implicit conversion from a boolean.</summary>
    public static implicit operator FactValue(bool value) => Boolean(value);

    /// <summary>Implicit conversion from a word.</summary>
    public static implicit operator FactValue(string value) => Word(value);

    /// <summary>The value as it appears in JSON: <c>7</c>, <c>true</c>, <c>lumbar</c>.</summary>
    public override string ToString() => Type switch
    {
        FactType.Number => NumberValue.ToString("R", CultureInfo.InvariantCulture),
        FactType.Boolean => BooleanValue ? "true" : "false",
        _ => WordValue!,
    };
}
