using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace PlanRules.Samples.CdsHooks;

/// <summary>
/// An RFC 9457 problem (<c>application/problem+json</c>: <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>).
/// The detail is always this service's own wording: it names what was expected (by JSON path of the CDS Hooks
/// request) and never echoes the request, an exception message or a stack trace. Immutable.
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">What was wrong, in the service's words.</param>
internal sealed record HttpProblem(HttpStatusCode Status, string Detail)
{
    /// <summary>The media type of a problem.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>Writes the problem as the response, unless the response has already started.</summary>
    public async Task WriteAsync(HttpContext context)
    {
        if (context.Response.HasStarted) return;
        context.Response.Clear();
        context.Response.StatusCode = (int)Status;
        context.Response.ContentType = MediaType;
        var body = new Dictionary<string, object>
        {
            ["type"] = "about:blank",
            ["title"] = ReasonPhrases.GetReasonPhrase((int)Status),
            ["status"] = (int)Status,
            ["detail"] = Detail,
        };
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes the problem as a minimal-API result.</summary>
    public IResult AsResult() => new ProblemResult(this);

    private sealed class ProblemResult(HttpProblem problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => problem.WriteAsync(httpContext);
    }
}
