using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PlanRules.Fhir.CdsHooks;
using PlanRules.Samples.CdsHooks;
using PlanRules.Diagnostics;

namespace PlanRules.Fhir.Tests;

/// <summary>CDS Hooks: the response builder, and the sample service called over HTTP on 127.0.0.1.</summary>
public sealed class CdsHooksTests
{
    [Fact]
    public void Build_LumbarPlan_CardsPerCandidateWithIndicatorSourceAndSuggestion()
    {
        var (_, plan, _) = TestBundles.Plan(TestBundles.LumbarRadicular);
        var response = CdsHooksResponseBuilder.Build(plan, TestBundles.Rules, new CdsHooksOptions { PatientId = "123" });

        Assert.All(response.Cards, c => Assert.True(c.Summary.Length <= CdsHooksResponseBuilder.MaxSummaryLength, c.Summary));
        Assert.All(response.Cards, c => Assert.Contains(c.Indicator, new[] { "critical", "warning", "info" }));
        foreach (var candidate in plan.Candidates)
        {
            var card = Assert.Single(response.Cards, c => c.Summary.Contains(candidate.Name, StringComparison.Ordinal));
            Assert.Equal("critical", card.Indicator);                     // apixaban not yet held long enough
            Assert.Contains("**Before the procedure**", card.Detail, StringComparison.Ordinal);
            Assert.Contains("Stop apixaban", card.Detail, StringComparison.Ordinal);
            Assert.Equal(candidate.Because[0].Rule, card.Source.Topic!.Code);
            Assert.Equal(FhirCodeSystems.Rules, card.Source.Topic.System);
            Assert.False(string.IsNullOrWhiteSpace(card.Source.Label));
            Assert.Equal("at-most-one", card.SelectionBehavior);
            var suggestion = Assert.Single(card.Suggestions!);
            Assert.Equal(candidate.Rank == 1, suggestion.IsRecommended);
            var action = Assert.Single(suggestion.Actions);
            Assert.Equal("create", action.Type);
            var request = FhirJsonDeserializer.DEFAULT.Deserialize<ServiceRequest>(action.Resource!.ToJsonString());
            Assert.Equal(("Patient/123", candidate.Intervention), (request.Subject!.Reference, request.Code!.Coding[0].Code));
            Assert.Empty(TestBundles.ValidationErrors(request));
        }
        Assert.Equal("critical", response.Cards[0].Indicator);           // most urgent first
    }

    [Fact]
    public void Build_RedFlagPlan_LeadsWithCriticalReferral()
    {
        var (_, plan, _) = TestBundles.Plan(TestBundles.RedFlag);
        var response = CdsHooksResponseBuilder.Build(plan, TestBundles.Rules);

        Assert.StartsWith("Red flag", response.Cards[0].Summary, StringComparison.Ordinal);
        Assert.Equal("critical", response.Cards[0].Indicator);
        Assert.Contains("Evidence", response.Cards[0].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Cards, c => c.Suggestions is not null);
        Assert.Contains(response.Cards, c => c.Summary.StartsWith("Not offered", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_IsDeterministic_AndSerializesAsCdsHooksJson()
    {
        var (_, plan, _) = TestBundles.Plan(TestBundles.LumbarAxial);
        // Deterministic apart from the card and suggestion ids, which are fresh on every response (here: injected).
        static CdsHooksOptions Sequential() { var n = 0; return new CdsHooksOptions { NewId = () => new Guid(++n, 0, 0, new byte[8]) }; }
        var json = CdsHooksResponseBuilder.Build(plan, TestBundles.Rules, Sequential()).ToJson();
        Assert.Equal(json, CdsHooksResponseBuilder.Build(plan, TestBundles.Rules, Sequential()).ToJson());
        var cards = JsonNode.Parse(json)!["cards"]!.AsArray();
        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            foreach (var key in new[] { "uuid", "summary", "indicator", "source" }) Assert.NotNull(card![key]);
            Assert.NotNull(card!["source"]!["label"]);
        }
        // The coverage note (an info warning) is shown, in its candidate's card; that card's indicator follows the
        // strongest warning on it (here the latex-allergy warning of the rule set's Safety table).
        Assert.Contains(cards, c => c!["detail"]?.GetValue<string>().Contains("- **info** ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async System.Threading.Tasks.Task Service_OnLoopback_AnswersDiscoveryAndHook()
    {
        await using var server = await CdsHooksSample.StartAsync(new CdsHooksServerOptions { Clock = new FixedClock(TestBundles.AsOf) });
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // Discovery.
        var discovery = JsonNode.Parse(await http.GetStringAsync(new Uri("cds-services", UriKind.Relative)))!;
        var service = Assert.Single(discovery["services"]!.AsArray())!;
        Assert.Equal("patient-view", service["hook"]!.GetValue<string>());
        Assert.Equal(CdsHooksSample.ServiceId, service["id"]!.GetValue<string>());
        Assert.Contains("{{context.patientId}}", service["prefetch"]![CdsHooksSample.PrefetchKey]!.GetValue<string>(), StringComparison.Ordinal);

        // The hook, with the prefetch Bundle.
        var request = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
            ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = "123" },
            ["prefetch"] = new JsonObject { [CdsHooksSample.PrefetchKey] = JsonNode.Parse(TestBundles.Json(TestBundles.LumbarRadicular)) },
        };
        using var response = await http.PostAsync(new Uri("cds-services/" + CdsHooksSample.ServiceId, UriKind.Relative),
            new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var cards = JsonNode.Parse(body)!["cards"]!.AsArray();
        var top = cards.First(c => c!["summary"]!.GetValue<string>().Contains("Lumbar transforaminal epidural steroid injection", StringComparison.Ordinal))!;
        Assert.Equal("critical", top["indicator"]!.GetValue<string>());
        var subject = top["suggestions"]![0]!["actions"]![0]!["resource"]!["subject"]!;   // context.patientId is not echoed
        Assert.Null(subject["reference"]);
        Assert.Equal("the patient in context", subject["display"]!.GetValue<string>());
        Assert.Contains(cards, c => c!["summary"]!.GetValue<string>().StartsWith("Record read:", StringComparison.Ordinal));
        foreach (var value in FhirImportTests.IdentifyingValues) Assert.DoesNotContain(value, body, StringComparison.Ordinal);

        // Without the prefetch: 412. Another service id: 404. Not a hook request: 400.
        request.Remove("prefetch");
        using var noPrefetch = await http.PostAsJsonAsync(new Uri("cds-services/" + CdsHooksSample.ServiceId, UriKind.Relative), request);
        Assert.Equal(HttpStatusCode.PreconditionFailed, noPrefetch.StatusCode);
        using var unknown = await http.PostAsJsonAsync(new Uri("cds-services/other", UriKind.Relative), request);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var bad = await http.PostAsync(new Uri("cds-services/" + CdsHooksSample.ServiceId, UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task Service_RedFlagHook_AnswersCriticalCardFirst()
    {
        await using var server = await CdsHooksSample.StartAsync(new CdsHooksServerOptions { Clock = new FixedClock(TestBundles.AsOf) });
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var request = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = "0f4ce3c3-7d61-4c5e-9d0c-2b7f3c1d5e11",
            ["context"] = new JsonObject { ["patientId"] = "456" },
            ["prefetch"] = new JsonObject { [CdsHooksSample.PrefetchKey] = JsonNode.Parse(TestBundles.Json(TestBundles.RedFlag)) },
        };
        using var response = await http.PostAsJsonAsync(new Uri("cds-services/" + CdsHooksSample.ServiceId, UriKind.Relative), request);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.Equal("critical", cards[0]!["indicator"]!.GetValue<string>());
        Assert.StartsWith("Red flag", cards[0]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Service_RefusesNonLoopbackUrls()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CdsHooksSample.StartAsync(new CdsHooksServerOptions { Url = "http://0.0.0.0:0" }));
        await Assert.ThrowsAsync<ArgumentException>(() => CdsHooksSample.StartAsync(new CdsHooksServerOptions { Url = "http://example.org:8080" }));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
