using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PlanRules.Samples.CdsHooks;

namespace PlanRules.Fhir.Tests;

/// <summary>
/// The CDS Hooks sample at its edge, over real HTTP on 127.0.0.1: malformed, oversized, non-JSON and unadvertised
/// requests get RFC 9457 problems (no stack trace, no echo of the request); an unexpected failure is a 500 problem;
/// card and suggestion ids are fresh on every response.
/// </summary>
public sealed class CdsHooksEndpointHardeningTests
{
    private const string Secret = "Maria Okonkwo-Jürgensen RN 4481-2291";

    private static readonly Uri HookUri = new("cds-services/" + CdsHooksSample.ServiceId, UriKind.Relative);

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "not JSON", "not json " + Secret },
        { "truncated JSON", "{\"hook\":\"patient-view\",\"context\":{\"x\":\"" + Secret + "\"" },
        { "empty body", "" },
        { "hook a number", "{\"hook\":1}" },
        { "hook null", "{\"hook\":null,\"hookInstance\":\"x\",\"context\":{}}" },
        { "an array", "[]" },
        { "a string", "\"" + Secret + "\"" },
        { "null", "null" },
        { "a number", "4481" },
        { "empty object", "{}" },
        { "hookInstance missing", "{\"hook\":\"patient-view\",\"context\":{}}" },
        { "hookInstance an object", "{\"hook\":\"patient-view\",\"hookInstance\":{\"" + Secret + "\":1},\"context\":{}}" },
        { "context missing", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\"}" },
        { "context a string", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":\"" + Secret + "\"}" },
        { "context an array", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":[1,2]}" },
        { "context.patientId a number", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{\"patientId\":4481}}" },
        { "context.userId an array", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{\"userId\":[\"" + Secret + "\"]}}" },
        { "prefetch a string", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{},\"prefetch\":\"" + Secret + "\"}" },
        { "prefetch an array", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{},\"prefetch\":[]}" },
        { "prefetch bundle a string", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{},\"prefetch\":{\"patientBundle\":\"" + Secret + "\"}}" },
        { "prefetch bundle a number", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{},\"prefetch\":{\"patientBundle\":4481}}" },
        { "fhirServer an object", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{},\"fhirServer\":{}}" },
        { "fhirAuthorization a string", "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{},\"fhirAuthorization\":\"" + Secret + "\"}" },
        { "duplicate keys", "{\"hook\":\"patient-view\",\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{}}" },
        { "nested too deep", new string('[', 200) + new string(']', 200) },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_Is400Problem_WithoutEcho(string why, string body)
    {
        await using var server = await Start();
        using var http = Client(server);
        using var response = await http.PostAsync(HookUri, new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertProblem(response, HttpStatusCode.BadRequest, why);
    }

    [Fact]
    public async Task InvalidUtf8_Is400Problem()
    {
        await using var server = await Start();
        using var http = Client(server);
        var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(HookUri, content);
        await AssertProblem(response, HttpStatusCode.BadRequest, "invalid UTF-8");
    }

    [Theory]
    [InlineData("text/plain")]                                  // a cross-site "simple" POST
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task NonJsonContentType_Is415Problem(string? contentType)
    {
        await using var server = await Start();
        using var http = Client(server);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ValidRequest().ToJsonString()));
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await http.PostAsync(HookUri, content);
        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, contentType ?? "no content type");
    }

    [Fact]
    public async Task JsonWithCharsetOrSuffix_IsAccepted()
    {
        await using var server = await Start();
        using var http = Client(server);
        foreach (var type in new[] { "application/json; charset=utf-8", "application/cds-hooks+json" })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ValidRequest().ToJsonString()));
            content.Headers.TryAddWithoutValidation("Content-Type", type);
            using var response = await http.PostAsync(HookUri, content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task HugeBody_Is413Problem_WithLengthAndChunked()
    {
        await using var server = await Start(new CdsHooksServerOptions { MaxRequestBodyBytes = 16 * 1024 });
        using var http = Client(server);
        var huge = "{\"hook\":\"patient-view\",\"pad\":\"" + new string('x', 48 * 1024) + "\"}";

        // "Expect: 100-continue" lets the server answer before the body is sent: without it, a client still writing a
        // body the server has already refused may see the connection closed instead of the 413 (a race on a busy machine).
        using (var withLength = await http.SendAsync(Expecting(new StringContent(huge, Encoding.UTF8, "application/json"))))
            await AssertProblem(withLength, HttpStatusCode.RequestEntityTooLarge, "content length");
        using (var chunked = await http.SendAsync(Expecting(new ChunkedContent(Encoding.UTF8.GetBytes(huge)))))
            await AssertProblem(chunked, HttpStatusCode.RequestEntityTooLarge, "chunked");

        // Under the limit it is served as usual.
        using var small = await http.PostAsync(HookUri, new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, small.StatusCode);
    }

    private static HttpRequestMessage Expecting(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, HookUri) { Content = content };
        request.Headers.ExpectContinue = true;
        return request;
    }

    [Fact]
    public async Task DefaultLimit_RefusesFiveMebibytes()
    {
        await using var server = await Start();
        using var http = Client(server);
        var request = new HttpRequestMessage(HttpMethod.Post, HookUri)
        {
            Content = new StringContent("{\"pad\":\"" + new string('x', 5 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;   // the server answers before the body is sent
        using var response = await http.SendAsync(request);
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "default limit");
    }

    [Fact]
    public async Task UnadvertisedServiceOrHook_Is404Problem()
    {
        await using var server = await Start();
        using var http = Client(server);
        var request = ValidRequest();

        using (var other = await http.PostAsync(new Uri("cds-services/" + Uri.EscapeDataString(Secret), UriKind.Relative), Json(request)))
            await AssertProblem(other, HttpStatusCode.NotFound, "unknown service id");
        foreach (var hook in new[] { "order-select", "order-sign", Secret })
        {
            request["hook"] = hook;
            using var response = await http.PostAsync(HookUri, Json(request));
            await AssertProblem(response, HttpStatusCode.NotFound, "hook " + hook.Length);
        }
        using (var nowhere = await http.GetAsync(new Uri("nothing/" + Uri.EscapeDataString(Secret), UriKind.Relative)))
            await AssertProblem(nowhere, HttpStatusCode.NotFound, "unknown path");
        using (var wrongMethod = await http.GetAsync(HookUri))
            await AssertProblem(wrongMethod, HttpStatusCode.MethodNotAllowed, "GET on the hook");
    }

    [Fact]
    public async Task MissingPrefetch_Is412Problem()
    {
        await using var server = await Start();
        using var http = Client(server);
        var request = ValidRequest();
        request.Remove("prefetch");
        using var response = await http.PostAsync(HookUri, Json(request));
        await AssertProblem(response, HttpStatusCode.PreconditionFailed, "no prefetch");
    }

    [Fact]
    public async Task UnexpectedFailure_Is500Problem_WithoutStackTraceOrMessage()
    {
        await using var server = await Start(new CdsHooksServerOptions { Clock = new ThrowingClock() });
        using var http = Client(server);
        using var response = await http.PostAsync(HookUri, Json(ValidRequest()));
        var body = await AssertProblem(response, HttpStatusCode.InternalServerError, "throwing clock");
        Assert.DoesNotContain("ThrowingClock", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardAndSuggestionIds_AreFreshOnEveryResponse()
    {
        await using var server = await Start();
        using var http = Client(server);
        var first = await Ids(http);
        var second = await Ids(http);

        Assert.True(first.Count >= 3, "expected cards and suggestions");
        Assert.Equal(first.Count, first.Distinct().Count());            // unique within a response
        Assert.Empty(first.Intersect(second));                            // nothing repeats across identical requests
        Assert.All(first.Concat(second), id => Assert.True(Guid.TryParseExact(id, "D", out _), "not a UUID"));
    }

    // ---------------------------------------------------------------- Helpers

    private static Task<CdsHooksServer> Start(CdsHooksServerOptions? options = null)
    {
        options ??= new CdsHooksServerOptions();
        return CdsHooksSample.StartAsync(options.Clock == TimeProvider.System ? options with { Clock = new FixedClock(TestBundles.AsOf) } : options);
    }

    private static HttpClient Client(CdsHooksServer server) => new() { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    internal static JsonObject ValidRequest() => new()
    {
        ["hook"] = "patient-view",
        ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = "123" },
        ["prefetch"] = new JsonObject { [CdsHooksSample.PrefetchKey] = JsonNode.Parse(TestBundles.Json(TestBundles.LumbarRadicular)) },
    };

    private static async Task<List<string>> Ids(HttpClient http)
    {
        using var response = await http.PostAsync(HookUri, Json(ValidRequest()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        return [.. cards.Select(c => c!["uuid"]!.GetValue<string>()),
                .. cards.SelectMany(c => c!["suggestions"]?.AsArray() ?? []).Select(s => s!["uuid"]!.GetValue<string>())];
    }

    /// <summary>Asserts an RFC 9457 problem with the status, and no stack trace or request content in it.</summary>
    private static async Task<string> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string why)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, why + ": " + (int)response.StatusCode + " " + body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["type"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]!.GetValue<string>()));
        Assert.Equal(["detail", "status", "title", "type"], problem.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var leak in new[] { "Exception", "   at ", ".cs:line", "PlanRules.", "System.", "Okonkwo", "4481", "xxxxxxxx" })
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        return body;
    }

    /// <summary>A body without a length: sent with chunked transfer encoding.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < _bytes.Length; i += 4096) await stream.WriteAsync(_bytes.AsMemory(i, Math.Min(4096, _bytes.Length - i)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class ThrowingClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("ThrowingClock: " + Secret);
    }
}
