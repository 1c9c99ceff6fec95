namespace PlanRules.Rules;

/// <summary>An intervention of the catalog: a candidate a plan can name. Immutable.</summary>
/// <param name="Code">The code, e.g. <c>esi.lumbar.transforaminal</c>.</param>
/// <param name="Name">The clinical name.</param>
/// <param name="BleedingRisk"><c>low</c>, <c>intermediate</c> or <c>high</c> (ASRA/ESRA 2018).</param>
/// <param name="Tags">Tags such as <c>steroid</c>, <c>implant</c>.</param>
/// <param name="Education">Patient education.</param>
public sealed record Intervention(string Code, string Name, string BleedingRisk, IReadOnlyList<string> Tags, Education Education)
{
    /// <summary>The family, e.g. <c>esi</c>.</summary>
    public string? Family { get; init; }

    /// <summary>The body region, e.g. <c>lumbar</c>.</summary>
    public string? Region { get; init; }

    /// <summary>Plain text on restarting antithrombotics afterwards.</summary>
    public string? Restart { get; init; }

    /// <summary>Position in the catalog (used to break ranking ties).</summary>
    public int Order { get; init; }

    /// <summary>Where it is defined.</summary>
    public SourceLocation? Location { get; init; }
}
