using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
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
/// The request's time is the <c>asOf</c> of the mapping (the server's clock; injectable for tests). A request
/// without the prefetch Bundle is answered 412, as CDS Hooks asks when a service cannot get the data it needs.
/// </summary>
public static class CdsHooksSample
{
    /// <summary>The service id (the last segment of the hook URL).</summary>
    public const string ServiceId = "planrules-pain-plan";

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
        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"CDS Hooks discovery: {new Uri(server.BaseAddress, "cds-services")} (Ctrl+C stops)");
            await server.App.WaitForShutdownAsync().ConfigureAwait(false);
        }
        return 0;
    }

    /// <summary>Starts the service in-process and returns it once it listens (for tests and hosts).</summary>
    /// <param name="options">The URL (loopback only), rule set and clock; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">The URL is not an <c>http://127.0.0.1</c> or <c>http://localhost</c> URL.</exception>
    public static async Task<CdsHooksServer> StartAsync(CdsHooksServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CdsHooksServerOptions();
        var url = LoopbackOnly(options.Url);
        var rules = options.Rules ?? RuleSet.LoadDefault();
        var recommender = new PlanRecommender(rules);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(options.LogRequests ? LogLevel.Information : LogLevel.Warning);
        var app = builder.Build();

        app.MapGet("/cds-services", () => Results.Text(Discovery().ToJsonString(Indented), "application/json"));
        app.MapPost("/cds-services/{id}", async (string id, HttpRequest request) =>
        {
            if (id != ServiceId) return Results.NotFound();
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return Results.BadRequest(new { error = "The request body is not JSON." });
            }
            if (body?["hook"]?.GetValue<string>() is not ("patient-view" or "order-select"))
                return Results.BadRequest(new { error = "Expected a patient-view or order-select hook request." });
            var bundle = body["prefetch"]?[PrefetchKey];
            if (bundle is null)
                return Results.Json(new { error = "Prefetch '" + PrefetchKey + "' (a FHIR R4 Bundle) is required." }, statusCode: (int)HttpStatusCode.PreconditionFailed);
            var patientId = body["context"]?["patientId"]?.GetValue<string>();

            var import = FhirCaseImporter.ImportJson(bundle.ToJsonString(), rules.Vocabulary, options.Clock.GetUtcNow());
            if (import.Case is null) return Results.Text(Unreadable(import, rules).ToJson(), "application/json");
            var plan = recommender.Recommend(import.Case, request.HttpContext.RequestAborted);
            var response = CdsHooksResponseBuilder.Build(plan, rules, new CdsHooksOptions { PatientId = patientId });
            response = response with { Cards = [.. response.Cards, MappingCard(import, rules)] };
            return Results.Text(response.ToJson(), "application/json");
        });

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The server reported no address.");
        return new CdsHooksServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The discovery document.</summary>
    internal static JsonObject Discovery() => new()
    {
        ["services"] = new JsonArray(new JsonObject
        {
            ["hook"] = "patient-view",
            ["id"] = ServiceId,
            ["title"] = "PlanRules interventional pain plan",
            ["description"] = "Proposes interventional pain treatments with reasons, warnings (e.g. holding anticoagulants), missing information and red flags, from the patient's FHIR record.",
            ["prefetch"] = new JsonObject { [PrefetchKey] = "Patient/{{context.patientId}}/$everything" },
            ["usageRequirements"] = "Needs the patient's record as a FHIR R4 Bundle (Patient, Condition, Observation, MedicationStatement/MedicationRequest, AllergyIntolerance, Procedure, Goal).",
        }),
    };

    // When the bundle could not be read: one warning card with the problems (codes and places, never values).
    private static CdsHooksResponse Unreadable(FhirImportResult import, RuleSet rules)
    {
        var problems = import.NotesWith(FhirMappingOutcome.Invalid).ToList();
        return new CdsHooksResponse([new CdsCard
        {
            Uuid = Guid.Empty.ToString("D"),
            Summary = "PlanRules could not read the patient's record (" + problems.Count + " problem(s)); no plan was made",
            Indicator = "warning",
            Detail = string.Concat(problems.Select(p => "- " + p + "\n")).TrimEnd(),
            Source = new CdsSource("PlanRules " + rules.Identity.Name + " " + rules.Identity.Version),
        }]);
    }

    // An info card that accounts for the mapping: what was mapped, dropped and not understood.
    private static CdsCard MappingCard(FhirImportResult import, RuleSet rules)
    {
        int Count(FhirMappingOutcome o) => import.NotesWith(o).Count();
        var unmapped = import.NotesWith(FhirMappingOutcome.Unmapped).Concat(import.NotesWith(FhirMappingOutcome.Invalid)).ToList();
        return new CdsCard
        {
            Uuid = "mapping-" + Count(FhirMappingOutcome.Mapped) + "-" + Count(FhirMappingOutcome.Dropped) + "-" + unmapped.Count,
            Summary = $"Record read: {Count(FhirMappingOutcome.Mapped)} mapped, {Count(FhirMappingOutcome.Dropped)} dropped (incl. identifiers), {unmapped.Count} not understood",
            Indicator = "info",
            Detail = unmapped.Count == 0 ? "Every resource in the record was mapped or deliberately dropped." : string.Concat(unmapped.Select(n => "- " + n + "\n")).TrimEnd(),
            Source = new CdsSource("PlanRules " + rules.Identity.Name + " " + rules.Identity.Version),
        };
    }

    private static string LoopbackOnly(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !(uri.Host is "127.0.0.1" or "localhost"))
            throw new ArgumentException($"The CDS Hooks sample listens on loopback only (http://127.0.0.1:PORT); '{url}' is not allowed.", nameof(url));
        return "http://127.0.0.1:" + uri.Port;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
