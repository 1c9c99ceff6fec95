using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PlanRules.Fhir;
using PlanRules.Fhir.CdsHooks;

namespace PlanRules.Samples.CdsHooks;

/// <summary>
/// The hook endpoint (<c>POST /cds-services/{id}</c>). In order: an id that discovery does not advertise is 404; a
/// body that is not JSON by its content type (a cross-site "simple" POST is <c>text/plain</c> or a form) is 415; a
/// body above the size limit is 413; a body that is not JSON, or not a CDS Hooks request (missing or mistyped
/// fields), is 400; a hook the service is not advertised for is 404; a request without the prefetch Bundle is 412
/// (as CDS Hooks asks); otherwise cards. Every error is an <see cref="HttpProblem"/> in the service's own words.
/// Thread-safe (one instance serves all requests).
/// </summary>
internal sealed class CdsHooksEndpoint(RuleSet rules, PlanRecommender recommender, CdsHooksServerOptions options)
{
    /// <summary>Answers one hook request.</summary>
    public async Task<IResult> HandleAsync(string id, HttpRequest request)
    {
        if (id != CdsHooksSample.ServiceId)
            return new HttpProblem(HttpStatusCode.NotFound, "No CDS service with this id is advertised here; see GET /cds-services.").AsResult();
        if (!IsJson(request))
            return new HttpProblem(HttpStatusCode.UnsupportedMediaType, "The request body must be application/json (UTF-8).").AsResult();
        if (request.ContentLength > options.MaxRequestBodyBytes)
            return TooLarge();

        byte[]? body;
        try
        {
            body = await ReadAsync(request.Body, options.MaxRequestBodyBytes, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (BadHttpRequestException)
        {
            return new HttpProblem(HttpStatusCode.BadRequest, "The request body could not be read.").AsResult();
        }
        if (body is null) return TooLarge();

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            return new HttpProblem(HttpStatusCode.BadRequest, "The request body is not valid JSON (UTF-8, no duplicate keys, nested at most 64 deep).").AsResult();
        }
        using (document)
        {
            var hook = CdsHookRequest.Read(document.RootElement, out var problem);
            if (hook is null) return problem!.AsResult();
            if (hook.Hook != CdsHooksSample.Hook)
                return new HttpProblem(HttpStatusCode.NotFound, "This service is advertised for the " + CdsHooksSample.Hook + " hook only; see GET /cds-services.").AsResult();
            if (hook.PatientBundle is null)
                return new HttpProblem(HttpStatusCode.PreconditionFailed, "prefetch." + CdsHooksSample.PrefetchKey + " (a FHIR R4 Bundle) is required.").AsResult();
            return Results.Text(Answer(hook, request.HttpContext.RequestAborted).ToJson(), "application/json");
        }
    }

    private CdsHooksResponse Answer(CdsHookRequest hook, CancellationToken cancellationToken)
    {
        var import = FhirCaseImporter.ImportJson(hook.PatientBundle!, rules.Vocabulary, options.Clock.GetUtcNow());
        // context.patientId is checked but not echoed: a response carries nothing from the request (the suggested
        // orders name "the patient in context", which the EHR applies them to).
        var cds = new CdsHooksOptions();
        if (import.Case is null) return CdsHooksSample.Unreadable(import, rules, cds.NewId);
        var plan = recommender.Recommend(import.Case, cancellationToken);
        var response = CdsHooksResponseBuilder.Build(plan, rules, cds);
        return response with { Cards = [.. response.Cards, CdsHooksSample.MappingCard(import, rules, cds.NewId)] };
    }

    private static IResult TooLarge() =>
        new HttpProblem(HttpStatusCode.RequestEntityTooLarge, "The request body is larger than this service accepts.").AsResult();

    // application/json or application/*+json, in UTF-8 (no charset means UTF-8).
    private static bool IsJson(HttpRequest request)
    {
        if (!request.HasJsonContentType()) return false;
        var charset = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType).Charset;
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    // The body, or null when it is longer than the limit (a chunked body has no Content-Length to check first).
    private static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
