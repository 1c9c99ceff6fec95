using System.Text.Json;
using System.Text.Json.Nodes;
using PlanRules.Diagnostics;

namespace PlanRules.Review;

/// <summary>
/// Writes lint findings as SARIF 2.1.0 (the Static Analysis Results Interchange Format that code-scanning tools and
/// editors read): one run whose <c>tool.driver.rules</c> describes every code found and whose <c>results</c> carry
/// level, message, file, line and column, and the rule id as a logical location. Stateless and thread-safe.
/// </summary>
public static class SarifWriter
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string RootId = "RULESROOT";

    /// <summary>The SARIF log of a lint result, as indented JSON.</summary>
    /// <param name="result">The lint result.</param>
    /// <param name="rulesDirectory">The rule-set folder: becomes the <c>RULESROOT</c> base of every file; <c>null</c> leaves paths relative.</param>
    public static string Write(LintResult result, string? rulesDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var codes = result.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var rules = new JsonArray();
        foreach (var code in codes)
        {
            var known = DiagnosticCatalog.Find(code);
            var rule = new JsonObject
            {
                ["id"] = code,
                ["name"] = known?.Name ?? code,
                ["shortDescription"] = new JsonObject { ["text"] = known?.Title ?? code },
                ["fullDescription"] = new JsonObject { ["text"] = known is null ? code : known.Title + " " + known.Help },
                ["help"] = new JsonObject { ["text"] = known is null ? "See docs/diagnostics.md." : known.Help + " See docs/diagnostics.md#" + code.ToLowerInvariant() + "." },
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(known?.DefaultSeverity ?? DiagnosticSeverity.Error) },
            };
            rules.Add(rule);
        }

        var results = new JsonArray();
        foreach (var d in result.Diagnostics)
        {
            var message = d.Message + (d.Suggestion is null ? "" : " (" + d.Suggestion + ")");
            var entry = new JsonObject
            {
                ["ruleId"] = d.Code,
                ["ruleIndex"] = codes.IndexOf(d.Code),
                ["level"] = Level(d.Severity),
                ["message"] = new JsonObject { ["text"] = message },
            };
            var location = new JsonObject();
            if (d.File is not null)
            {
                var physical = new JsonObject
                {
                    ["artifactLocation"] = rulesDirectory is null
                        ? new JsonObject { ["uri"] = d.File }
                        : new JsonObject { ["uri"] = d.File, ["uriBaseId"] = RootId },
                };
                if (d.Line > 0)
                {
                    var region = new JsonObject { ["startLine"] = d.Line };
                    if (d.Column > 0) region["startColumn"] = d.Column;
                    physical["region"] = region;
                }
                location["physicalLocation"] = physical;
            }
            if (d.RuleId is not null)
                location["logicalLocations"] = new JsonArray(new JsonObject { ["name"] = d.RuleId, ["fullyQualifiedName"] = d.RuleId, ["kind"] = "object" });
            if (location.Count > 0) entry["locations"] = new JsonArray(location);
            var properties = new JsonObject();
            if (d.RuleId is not null) properties["planRule"] = d.RuleId;
            if (d.Suggestion is not null) properties["suggestion"] = d.Suggestion;
            if (d.JsonPath is not null) properties["jsonPath"] = d.JsonPath;
            if (properties.Count > 0) entry["properties"] = properties;
            results.Add(entry);
        }

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "planrules",
                    ["fullName"] = "PlanRules rule-set lint",
                    ["version"] = typeof(RuleSet).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
                    ["rules"] = rules,
                },
            },
        };
        if (rulesDirectory is not null)
        {
            var uri = new Uri(Path.GetFullPath(rulesDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri;
            run["originalUriBaseIds"] = new JsonObject { [RootId] = new JsonObject { ["uri"] = uri } };
        }
        if (result.RuleSet is { } set)
            run["properties"] = new JsonObject { ["ruleSet"] = set.Identity.Name, ["ruleSetVersion"] = set.Identity.Version, ["ruleSetSha256"] = set.Identity.Sha256 };
        run["results"] = results;

        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = Version,
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
