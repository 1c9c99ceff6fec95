using System.Net;
using System.Text.Json;

namespace PlanRules.Samples.CdsHooks;

/// <summary>
/// A CDS Hooks request, checked field by field: <c>hook</c> and <c>hookInstance</c> (strings) and <c>context</c> (an
/// object) are required; <c>context.patientId</c>, <c>context.userId</c> and <c>fhirServer</c> must be strings,
/// <c>prefetch</c> and <c>fhirAuthorization</c> objects (or <c>null</c>), and <c>prefetch.patientBundle</c> an object
/// (or <c>null</c>) when present. Problems name the field and the expected type, never the value. Immutable.
/// </summary>
/// <param name="Hook">The hook, e.g. <c>patient-view</c>.</param>
/// <param name="PatientId">The patient in context, if given.</param>
/// <param name="PatientBundle">The prefetched FHIR Bundle (raw JSON), if given.</param>
internal sealed record CdsHookRequest(string Hook, string? PatientId, string? PatientBundle)
{
    /// <summary>Reads a request from a parsed body; <paramref name="problem"/> says what is wrong when it returns <c>null</c>.</summary>
    public static CdsHookRequest? Read(JsonElement root, out HttpProblem? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Object) return Fail(out problem, "The request body must be a JSON object (a CDS Hooks request).");
        if (!Required(root, "hook", JsonValueKind.String, out var hook, out problem)) return null;
        if (!Required(root, "hookInstance", JsonValueKind.String, out _, out problem)) return null;
        if (!Required(root, "context", JsonValueKind.Object, out var context, out problem)) return null;
        if (!Optional(context!.Value, "context.", "patientId", JsonValueKind.String, out var patientId, out problem)) return null;
        if (!Optional(context!.Value, "context.", "userId", JsonValueKind.String, out _, out problem)) return null;
        if (!Optional(root, "", "fhirServer", JsonValueKind.String, out _, out problem)) return null;
        if (!Optional(root, "", "fhirAuthorization", JsonValueKind.Object, out _, out problem)) return null;
        if (!Optional(root, "", "prefetch", JsonValueKind.Object, out var prefetch, out problem)) return null;
        JsonElement? bundle = null;
        if (prefetch is { } p)
        {
            if (!Optional(p, "prefetch.", CdsHooksSample.PrefetchKey, JsonValueKind.Object, out bundle, out problem)) return null;
        }
        return new CdsHookRequest(hook!.Value.GetString()!, patientId?.GetString(), bundle?.GetRawText());
    }

    private static CdsHookRequest? Fail(out HttpProblem problem, string detail)
    {
        problem = new HttpProblem(HttpStatusCode.BadRequest, detail);
        return null;
    }

    private static bool Required(JsonElement parent, string name, JsonValueKind kind, out JsonElement? value, out HttpProblem? problem)
    {
        if (!Optional(parent, "", name, kind, out value, out problem)) return false;
        if (value is not null) return true;
        Fail(out var missing, "The field " + name + " is required and must be " + Article(kind) + ".");
        problem = missing;
        return false;
    }

    // Absent or null: no value. Present with another type: a problem naming the field and the type expected.
    private static bool Optional(JsonElement parent, string path, string name, JsonValueKind kind, out JsonElement? value, out HttpProblem? problem)
    {
        value = null;
        problem = null;
        if (!parent.TryGetProperty(name, out var found) || found.ValueKind == JsonValueKind.Null) return true;
        if (found.ValueKind != kind)
        {
            Fail(out var wrong, "The field " + path + name + " must be " + Article(kind) + ".");
            problem = wrong;
            return false;
        }
        value = found;
        return true;
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "a JSON object",
        JsonValueKind.String => "a string",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };
}
