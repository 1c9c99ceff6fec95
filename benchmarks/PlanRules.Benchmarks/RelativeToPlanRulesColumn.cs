using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PlanRules.Benchmarks;

/// <summary>
/// A summary column: each benchmark's mean time divided by the mean time of the PlanRules benchmark (the method named
/// <see cref="_reference"/>) of the same class, parameters and job. On the RulesEngine row it reads "how many times
/// faster PlanRules is"; the Ratio column (baseline: the hand-written evaluator) reads "how many times the lower bound".
/// </summary>
public sealed class RelativeToPlanRulesColumn(string reference) : IColumn
{
    private readonly string _reference = reference;

    /// <inheritdoc />
    public string Id => nameof(RelativeToPlanRulesColumn) + "." + _reference;

    /// <inheritdoc />
    public string ColumnName => "Time/PlanRules";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Mean time divided by PlanRules' mean time with the same parameters (on the RulesEngine row: how many times faster PlanRules is)";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var reference = summary.BenchmarksCases.FirstOrDefault(b =>
            b.Descriptor.Type == benchmarkCase.Descriptor.Type
            && b.Descriptor.WorkloadMethod.Name == _reference
            && b.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo
            && b.Job.DisplayInfo == benchmarkCase.Job.DisplayInfo);
        if (reference is null) return "?";
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var referenceMean = summary[reference]?.ResultStatistics?.Mean;
        if (mean is null || referenceMean is null or 0) return "?";
        return (mean.Value / referenceMean.Value).ToString("0.00", CultureInfo.InvariantCulture) + "x";
    }

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;
}
