namespace PlanRules.Samples.CdsHooks;

/// <summary>Options for <see cref="CdsHooksSample.StartAsync"/>.</summary>
public sealed record CdsHooksServerOptions
{
    /// <summary>The loopback URL to listen on; port 0 picks a free port.</summary>
    /// <value>Defaults to <c>http://127.0.0.1:0</c>. Only 127.0.0.1 (or localhost, bound as 127.0.0.1) is accepted.</value>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>The rule set to plan with.</summary>
    /// <value>Defaults to <c>null</c>: the embedded shipped rule set (<see cref="RuleSet.LoadDefault"/>).</value>
    public RuleSet? Rules { get; init; }

    /// <summary>The clock that gives the <c>asOf</c> instant of each request (ages, weeks since procedures, hours since doses).</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The largest request body accepted, in bytes; a larger one is answered 413.</summary>
    /// <value>Defaults to 4 MiB (a patient's record as a prefetch Bundle).</value>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Whether to log one line per request to the console (method, route or "another path", status; never the body).</summary>
    /// <value>Defaults to <c>false</c> (nothing is logged).</value>
    public bool LogRequests { get; init; }
}
