namespace PlanRules.Engine;

/// <summary>Bleeding-risk categories.</summary>
internal static class BleedingRisk
{
    /// <summary>One bleeding-risk category up: low → intermediate → high.</summary>
    public static string Raise(string risk) => risk switch
    {
        "low" => "intermediate",
        "intermediate" => "high",
        _ => risk,
    };
}
