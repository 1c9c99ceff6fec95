using Microsoft.AspNetCore.Builder;

namespace PlanRules.Samples.CdsHooks;

/// <summary>A running CDS Hooks sample service. Dispose it to stop it.</summary>
public sealed class CdsHooksServer : IAsyncDisposable
{
    internal CdsHooksServer(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The running application.</summary>
    public WebApplication App { get; }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c>; discovery is at <c>cds-services</c> below it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Stops the service.</summary>
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}
