using Microsoft.AspNetCore.Builder;

namespace PlanRules.Samples.CdsHooks;

/// <summary>A running CDS Hooks sample service. Dispose it to stop it.</summary>
public sealed class CdsHooksServer : IAsyncDisposable
{
    internal CdsHooksServer(WebApplication app, Uri baseAddress, IReadOnlyList<Uri> addresses)
    {
        App = app;
        BaseAddress = baseAddress;
        Addresses = addresses;
    }

    /// <summary>The running application.</summary>
    public WebApplication App { get; }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c>; discovery is at <c>cds-services</c> below it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every address the server reported after it started; all are loopback (the service refuses to run otherwise).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>Stops the service.</summary>
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}
