using System.Globalization;

namespace PlanRules.Rules;

/// <summary>Where something stands in a rule-set file. Immutable.</summary>
/// <param name="File">Path relative to the rule-set directory, with '/' separators.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary><c>file:line</c>, as plans cite it.</summary>
    public override string ToString() => File + ":" + Line.ToString(CultureInfo.InvariantCulture);
}
