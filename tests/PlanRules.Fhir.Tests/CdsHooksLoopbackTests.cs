using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PlanRules.Samples.CdsHooks;

namespace PlanRules.Fhir.Tests;

/// <summary>Tests that change process environment variables: run alone, never alongside other tests.</summary>
[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;

/// <summary>The loopback binding holds whatever the environment says.</summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class CdsHooksLoopbackTests
{
    [Fact]
    public async Task EnvironmentEndpointsAndUrls_AreIgnored_BindsLoopbackOnly()
    {
        var variables = new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Http__Url"] = "http://0.0.0.0:0",
            ["Kestrel__Endpoints__Other__Url"] = "http://[::]:0",
            ["ASPNETCORE_URLS"] = "http://0.0.0.0:0",
            ["ASPNETCORE_HTTP_PORTS"] = "0",
            ["HTTP_PORTS"] = "0",
            ["ASPNETCORE_PREFERHOSTINGURLS"] = "true",
            ["URLS"] = "http://*:0",
        };
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (key, value) in variables) Environment.SetEnvironmentVariable(key, value);
            await using var server = await CdsHooksSample.StartAsync();

            Assert.Equal("127.0.0.1", server.BaseAddress.Host);
            var reported = server.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            Assert.Single(reported);
            Assert.All(reported, a => Assert.StartsWith("http://127.0.0.1:", a, StringComparison.Ordinal));
            Assert.All(server.Addresses, a => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(a.Host)), "not loopback"));

            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("cds-services", UriKind.Relative))).StatusCode);

            // Not reachable on any other interface of this machine.
            var port = server.BaseAddress.Port;
            foreach (var address in NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address)
                         .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily is AddressFamily.InterNetwork))
            {
                using var client = new TcpClient(address.AddressFamily);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await Assert.ThrowsAnyAsync<Exception>(async () => await client.ConnectAsync(address, port, timeout.Token));
            }
        }
        finally
        {
            foreach (var (key, value) in saved) Environment.SetEnvironmentVariable(key, value);
        }
    }
}
