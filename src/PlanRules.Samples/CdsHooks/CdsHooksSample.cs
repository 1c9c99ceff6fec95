using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanRules.Fhir;
using PlanRules.Fhir.CdsHooks;

namespace PlanRules.Samples.CdsHooks;

/// <summary>
/// A CDS Hooks service on ASP.NET minimal APIs, bound to the loopback interface only:
/// <code>
/// GET  /cds-services                        discovery: one patient-view service with a prefetch template for a Bundle
/// POST /cds-services/planrules-pain-plan    the hook: maps prefetch.patientBundle (FHIR R4 Bundle) with PlanRules.Fhir,
///                                           plans it, answers cards
/// dotnet run --project src/PlanRules.Samples -- --cds-hooks [--urls http://127.0.0.1:5055] [--rules DIR]
/// </code>
/// The request's time is the <c>asOf</c> of the mapping (the server's clock; injectable for tests). Errors are RFC 9457
/// problems (<see cref="CdsHooksEndpoint"/>): never a stack trace, an exception message or a piece of the request.
/// The loopback binding is set in code after configuration is read: endpoints and URLs from configuration
/// (<c>Kestrel__Endpoints__…</c>, <c>ASPNETCORE_URLS</c>, <c>HTTP_PORTS</c>, appsettings) are ignored, and the
/// service refuses to run if the server reports any address that is not loopback. Framework logging is off (its
/// lines can carry request paths and exception text); <see cref="CdsHooksServerOptions.LogRequests"/> logs one
/// line per request with the method, the route (or "another path") and the status.
/// </summary>
public static class CdsHooksSample
{
    /// <summary>The service id (the last segment of the hook URL).</summary>
    public const string ServiceId = "planrules-pain-plan";

    /// <summary>The one hook the service is advertised for.</summary>
    public const string Hook = "patient-view";

    /// <summary>The prefetch key the service asks for.</summary>
    public const string PrefetchKey = "patientBundle";

    /// <summary>Runs the service until Ctrl+C.</summary>
    /// <param name="args">The command line: <c>--cds-hooks</c>, optionally <c>--urls URL</c> (loopback only) and <c>--rules DIR</c>.</param>
    /// <returns>The exit code: 0, or 2 when the URL is not a loopback address or the rule set has errors.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var url = Option(args, "--urls") ?? "http://127.0.0.1:5055";
        RuleSet? rules = null;
        if (Option(args, "--rules") is { } dir)
        {
            var loaded = RuleSet.LoadDirectory(dir);
            foreach (var d in loaded.Diagnostics) await Console.Error.WriteLineAsync(d.ToString()).ConfigureAwait(false);
            if (loaded.RuleSet is null) return 2;
            rules = loaded.RuleSet;
        }
        CdsHooksServer server;
        try
        {
            server = await StartAsync(new CdsHooksServerOptions { Url = url, Rules = rules, LogRequests = true }).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }
        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"CDS Hooks discovery: {new Uri(server.BaseAddress, "cds-services")} (Ctrl+C stops)");
            await server.App.WaitForShutdownAsync().ConfigureAwait(false);
        }
        return 0;
    }

    /// <summary>Starts the service in-process and returns it once it listens (for tests and hosts).</summary>
    /// <param name="options">The URL (loopback only), rule set, clock and body size limit; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">The URL is not an <c>http://127.0.0.1</c> or <c>http://localhost</c> URL.</exception>
    /// <exception cref="InvalidOperationException">The server reported an address that is not loopback (it is stopped first).</exception>
    public static async Task<CdsHooksServer> StartAsync(CdsHooksServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CdsHooksServerOptions();
        var port = LoopbackPort(options.Url);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRequestBodyBytes, nameof(options));
        var rules = options.Rules ?? RuleSet.LoadDefault();
        var endpoint = new CdsHooksEndpoint(rules, new PlanRecommender(rules), options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        // Nothing from the environment or appsettings decides where the service listens or what it logs.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebHostDefaults.PreferHostingUrlsKey] = "false",
            [WebHostDefaults.ServerUrlsKey] = "",
            [WebHostDefaults.HttpPortsKey] = "",
            [WebHostDefaults.HttpsPortsKey] = "",
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Configure(new ConfigurationBuilder().Build(), reloadOnChange: false);   // replaces the Kestrel:Endpoints loader
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();

        app.Use((context, next) => Guard(context, next, options.LogRequests));
        app.MapGet("/cds-services", () => Results.Text(Discovery().ToJsonString(Indented), "application/json"));
        app.MapPost("/cds-services/{id}", endpoint.HandleAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                            .Select(a => new Uri(a)).ToList() ?? [];
        if (addresses.Count == 0 || addresses.Any(a => !IsLoopback(a)))
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The CDS Hooks sample listens on loopback only; the server reported another address, so it was stopped.");
        }
        return new CdsHooksServer(app, new Uri(addresses[0].GetLeftPart(UriPartial.Authority) + "/"), addresses);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly HashSet<string> KnownMethods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

    /// <summary>The discovery document.</summary>
    internal static JsonObject Discovery() => new()
    {
        ["services"] = new JsonArray(new JsonObject
        {
            ["hook"] = Hook,
            ["id"] = ServiceId,
            ["title"] = "PlanRules interventional pain plan",
            ["description"] = "Proposes interventional pain treatments with reasons, warnings (e.g. holding anticoagulants), missing information and red flags, from the patient's FHIR record.",
            ["prefetch"] = new JsonObject { [PrefetchKey] = "Patient/{{context.patientId}}/$everything" },
            ["usageRequirements"] = "Needs the patient's record as a FHIR R4 Bundle (Patient, Condition, Observation, MedicationStatement/MedicationRequest, AllergyIntolerance, Procedure, Goal).",
        }),
    };

    // Every request: an exception becomes a 500 problem (type name not even logged beyond "an exception"); an error
    // status without a body (unknown path, wrong method) becomes a problem; with logging on, one line per request.
    private static async Task Guard(HttpContext context, RequestDelegate next, bool log)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
            if (context.Response is { HasStarted: false, StatusCode: >= 400 } response && response.ContentType is null)
            {
                var detail = response.StatusCode switch
                {
                    StatusCodes.Status404NotFound => "Nothing is served at this path; see GET /cds-services.",
                    StatusCodes.Status405MethodNotAllowed => "This method is not served at this path; see GET /cds-services.",
                    _ => "The request was not served.",
                };
                await new HttpProblem((HttpStatusCode)response.StatusCode, detail).WriteAsync(context).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to answer.
        }
#pragma warning disable CA1031 // The last line of defence: whatever failed, the client gets a problem without internals.
        catch (Exception)
#pragma warning restore CA1031
        {
            await new HttpProblem(HttpStatusCode.InternalServerError, "The service failed while handling the request.").WriteAsync(context).ConfigureAwait(false);
        }
        finally
        {
            if (log)
            {
                var method = KnownMethods.Contains(context.Request.Method) ? context.Request.Method : "(another method)";
                var route = context.Request.Path.Value is "/cds-services" or "/cds-services/" + ServiceId ? context.Request.Path.Value : "(another path)";
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
                Console.WriteLine($"{method} {route} {context.Response.StatusCode.ToString(CultureInfo.InvariantCulture)} ({ms} ms)");
            }
        }
    }

    /// <summary>When the bundle could not be read: one warning card with the problems (places and shapes, never values).</summary>
    internal static CdsHooksResponse Unreadable(FhirImportResult import, RuleSet rules, Func<Guid> newId)
    {
        var problems = import.NotesWith(FhirMappingOutcome.Invalid).ToList();
        return new CdsHooksResponse([new CdsCard
        {
            Uuid = newId().ToString("D"),
            Summary = "PlanRules could not read the patient's record (" + problems.Count.ToString(CultureInfo.InvariantCulture) + " problem(s)); no plan was made",
            Indicator = "warning",
            Detail = string.Concat(problems.Select(p => "- " + p + "\n")).TrimEnd(),
            Source = new CdsSource("PlanRules " + rules.Identity.Name + " " + rules.Identity.Version),
        }]);
    }

    /// <summary>An info card that accounts for the mapping: what was mapped, dropped and not understood (notes never carry values).</summary>
    internal static CdsCard MappingCard(FhirImportResult import, RuleSet rules, Func<Guid> newId)
    {
        int Count(FhirMappingOutcome o) => import.NotesWith(o).Count();
        var unmapped = import.NotesWith(FhirMappingOutcome.Unmapped).Concat(import.NotesWith(FhirMappingOutcome.Invalid)).ToList();
        return new CdsCard
        {
            Uuid = newId().ToString("D"),
            Summary = $"Record read: {Count(FhirMappingOutcome.Mapped)} mapped, {Count(FhirMappingOutcome.Dropped)} dropped (incl. identifiers), {unmapped.Count} not understood",
            Indicator = "info",
            Detail = unmapped.Count == 0 ? "Every resource in the record was mapped or deliberately dropped." : string.Concat(unmapped.Select(n => "- " + n + "\n")).TrimEnd(),
            Source = new CdsSource("PlanRules " + rules.Identity.Name + " " + rules.Identity.Version),
        };
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback && (address.Host == "localhost" || IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static int LoopbackPort(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !(uri.Host is "127.0.0.1" or "localhost"))
            throw new ArgumentException($"The CDS Hooks sample listens on loopback only (http://127.0.0.1:PORT); '{url}' is not allowed.", nameof(url));
        return uri.Port;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
