using System.Globalization;

namespace PlanRules.Review;

/// <summary>One interval of real numbers; bounds may be infinite. Immutable.</summary>
internal readonly record struct NumberInterval(double Low, bool LowIncluded, double High, bool HighIncluded)
{
    public bool IsEmpty => Low > High || (Low == High && !(LowIncluded && HighIncluded));

    public bool IsPoint => Low == High && LowIncluded && HighIncluded;

    public NumberInterval Intersect(NumberInterval other)
    {
        var (low, lowIn) = Low > other.Low ? (Low, LowIncluded) : other.Low > Low ? (other.Low, other.LowIncluded) : (Low, LowIncluded && other.LowIncluded);
        var (high, highIn) = High < other.High ? (High, HighIncluded) : other.High < High ? (other.High, other.HighIncluded) : (High, HighIncluded && other.HighIncluded);
        return new NumberInterval(low, lowIn, high, highIn);
    }

    /// <summary>Plain text, e.g. <c>above 10 and below 12</c>, <c>12</c>, <c>at least 4</c>.</summary>
    public string Describe(string unit)
    {
        static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        if (IsPoint) return N(Low) + unit;
        var low = double.IsNegativeInfinity(Low) ? null : (LowIncluded ? "at least " : "above ") + N(Low) + unit;
        var high = double.IsPositiveInfinity(High) ? null : (HighIncluded ? "at most " : "below ") + N(High) + unit;
        return low is null ? high ?? "any value" : high is null ? low : low + " and " + high;
    }
}

/// <summary>A set of real numbers as sorted, disjoint intervals. Immutable.</summary>
internal sealed class NumberSet
{
    private NumberSet(IReadOnlyList<NumberInterval> parts) => Parts = parts;

    public static NumberSet All { get; } = new([new NumberInterval(double.NegativeInfinity, false, double.PositiveInfinity, false)]);

    public static NumberSet Empty { get; } = new([]);

    public IReadOnlyList<NumberInterval> Parts { get; }

    public bool IsEmpty => Parts.Count == 0;

    public static NumberSet Of(params NumberInterval[] intervals) => Normalize(intervals);

    public static NumberSet Point(double v) => Of(new NumberInterval(v, true, v, true));

    public static NumberSet AtLeast(double v) => Of(new NumberInterval(v, true, double.PositiveInfinity, false));

    public static NumberSet AtMost(double v) => Of(new NumberInterval(double.NegativeInfinity, false, v, true));

    public static NumberSet Above(double v) => Of(new NumberInterval(v, false, double.PositiveInfinity, false));

    public static NumberSet Below(double v) => Of(new NumberInterval(double.NegativeInfinity, false, v, false));

    public static NumberSet Between(double low, double high) => Of(new NumberInterval(low, true, high, true));

    public static NumberSet Range(double? min, double? max) =>
        Of(new NumberInterval(min ?? double.NegativeInfinity, min is not null, max ?? double.PositiveInfinity, max is not null));

    public NumberSet Intersect(NumberSet other)
    {
        var result = new List<NumberInterval>();
        foreach (var a in Parts)
        foreach (var b in other.Parts)
        {
            var i = a.Intersect(b);
            if (!i.IsEmpty) result.Add(i);
        }
        return Normalize(result);
    }

    public NumberSet Union(NumberSet other) => Normalize([.. Parts, .. other.Parts]);

    public NumberSet Complement()
    {
        var result = new List<NumberInterval>();
        var low = double.NegativeInfinity;
        var lowIn = false;
        foreach (var p in Parts)
        {
            result.Add(new NumberInterval(low, lowIn, p.Low, !p.LowIncluded));
            low = p.High;
            lowIn = !p.HighIncluded;
        }
        result.Add(new NumberInterval(low, lowIn, double.PositiveInfinity, false));
        return Normalize(result.Where(i => !i.IsEmpty && !(double.IsInfinity(i.Low) && i.Low == i.High)).ToList());
    }

    public NumberSet Minus(NumberSet other) => Intersect(other.Complement());

    public bool IsSubsetOf(NumberSet other) => Minus(other).IsEmpty;

    /// <summary>Plain text of the set, e.g. <c>above 10 and below 12</c>.</summary>
    public string Describe(string unit) => IsEmpty ? "no value" : string.Join(" or ", Parts.Select(p => p.Describe(unit)));

    /// <summary>A value inside the set, for examples (the middle of the first bounded interval).</summary>
    public double? Example()
    {
        foreach (var p in Parts)
        {
            if (p.IsPoint) return p.Low;
            if (double.IsFinite(p.Low) && double.IsFinite(p.High)) return (p.Low + p.High) / 2;
            if (double.IsFinite(p.Low)) return p.Low + 1;
            if (double.IsFinite(p.High)) return p.High - 1;
        }
        return null;
    }

    private static NumberSet Normalize(IEnumerable<NumberInterval> intervals)
    {
        var sorted = intervals.Where(i => !i.IsEmpty).OrderBy(i => i.Low).ThenBy(i => i.LowIncluded ? 0 : 1).ToList();
        var merged = new List<NumberInterval>();
        foreach (var i in sorted)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                var touches = i.Low < last.High || (i.Low == last.High && (i.LowIncluded || last.HighIncluded));
                if (touches)
                {
                    var (high, highIn) = i.High > last.High ? (i.High, i.HighIncluded) : i.High < last.High ? (last.High, last.HighIncluded) : (last.High, last.HighIncluded || i.HighIncluded);
                    merged[^1] = last with { High = high, HighIncluded = highIn };
                    continue;
                }
            }
            merged.Add(i);
        }
        return new NumberSet(merged);
    }
}
