namespace PlanRules.Samples.Hosting;

/// <summary>Settings of <see cref="HostedPlanner"/>.</summary>
public sealed class HostedPlannerOptions
{
    /// <summary>The case file to plan.</summary>
    /// <value>Defaults to the bundled <c>cases/lumbar-radicular-apixaban.json</c> next to the sample.</value>
    public string CasePath { get; set; } = Path.Combine(AppContext.BaseDirectory, "cases", "lumbar-radicular-apixaban.json");

    /// <summary>Whether to stop the host after the first plan (for scripts and CI) instead of re-planning on every rule change.</summary>
    /// <value>Defaults to <c>false</c>.</value>
    public bool StopAfterFirstPlan { get; set; }
}
