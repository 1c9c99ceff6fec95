using System.CommandLine;
using System.Globalization;
using PlanRules.Cases;
using PlanRules.Fhir;
using PlanRules.Fhir.CdsHooks;
using PlanRules.Handouts;
using PlanRules.IO;
using PlanRules.Replay;

namespace PlanRules.Cli.Commands;

/// <summary>
/// <c>planrules plan CASE... [--rules DIR] [--format …]</c> and <c>planrules plan --fhir BUNDLE [--as-of DATE]</c>:
/// plan JSON for one case, NDJSON for several; a patient handout, FHIR R4 or a CDS Hooks response for one case.
/// </summary>
internal static class PlanCommand
{
    /// <summary>The largest FHIR bundle read (bytes): a bundle carries more than the case it maps to.</summary>
    private const long MaxBundleBytes = 16L * 1024 * 1024;

    private static readonly string[] Formats = ["json", "text", "patient-html", "patient-markdown", "fhir", "cds-hooks"];

    public static Command Create(CliContext ctx)
    {
        var cases = CommandSupport.CasesArgument("Case files (planrules.case/1) or folders of *.json cases; '-' reads one case from standard input.");
        cases.Arity = ArgumentArity.ZeroOrMore;
        var rules = CommandSupport.RulesOption();
        var parallel = CommandSupport.ParallelOption();
        var format = new Option<string>("--format")
        {
            Description = "json (planrules.plan/1; NDJSON for several cases), text (readable), patient-html / patient-markdown "
                          + "(the shared-decision handout), fhir (a FHIR R4 Bundle: RequestGroup, DetectedIssue, Task, Provenance) or "
                          + "cds-hooks (a CDS Hooks response with cards). Formats other than json take one case.",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(Formats);
        var fhir = new Option<string?>("--fhir") { Description = "Read the case from a FHIR R4 Bundle (JSON; '-': standard input) instead of a case file; mapping notes go to standard error.", HelpName = "BUNDLE" };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "With --fhir: the date ages and last doses are computed against (ISO 8601). Defaults to now; give it for reproducible output.",
            HelpName = "DATE",
        };
        var command = new Command("plan",
            "Plan cases. One case file: its plan JSON (planrules.plan/1) on standard output. Several files or a folder: one compact "
            + "plan JSON per line (NDJSON), in file-name order. A case that cannot be read (or carries an identifier) is reported "
            + "on standard error with its diagnostics and left out; the others are planned.")
        {
            cases, rules, parallel, format, fhir, asOf,
        };
        var output = OutputOption.Create("the plan(s)");
        output.AddTo(command);
        command.SetAction((parsed, token) => RunAsync(ctx, parsed.GetValue(cases) ?? [], parsed.GetValue(rules), parsed.GetValue(parallel),
            parsed.GetValue(format) ?? "json", parsed.GetValue(fhir), parsed.GetValue(asOf), output.Resolve(parsed, ctx), token));
        return command;
    }

    private static async Task<int> RunAsync(CliContext ctx, string[] paths, string? rulesDirectory, int parallel, string format,
        string? fhirBundle, string? asOfText, string? outFile, CancellationToken cancellationToken)
    {
        if (fhirBundle is not null)
        {
            if (paths.Length > 0)
            {
                ctx.Error("error: give either case files or --fhir, not both");
                return ExitCodes.Usage;
            }
            return await PlanFhirBundleAsync(ctx, fhirBundle, asOfText, rulesDirectory, format, outFile, cancellationToken).ConfigureAwait(false);
        }
        if (paths.Length == 0)
        {
            ctx.Error("error: name a case file, a folder of cases, '-' (standard input), or --fhir BUNDLE");
            return ExitCodes.Usage;
        }
        var single = paths.Length == 1 && (paths[0] == "-" || File.Exists(paths[0]));
        if (format != "json" && !single && (paths.Length > 1 || Directory.Exists(paths[0])))
        {
            ctx.Error($"error: --format {format} takes one case file");
            return ExitCodes.Usage;
        }
        var corpus = await CommandSupport.DiscoverAsync(ctx, paths, cancellationToken).ConfigureAwait(false);
        if (corpus is null) return ExitCodes.Usage;
        var rules = CommandSupport.LoadRules(ctx, rulesDirectory, cancellationToken);
        if (rules is null) return ExitCodes.Usage;
        var target = OutputTarget.Open(ctx, outFile);
        if (target is null) return ExitCodes.Usage;
        await using (target.ConfigureAwait(false))
        {
            var errors = 0;
            var planner = new CasePlanner(rules);
            try
            {
                await foreach (var planned in planner.PlanAllAsync(corpus, parallel, cancellationToken).ConfigureAwait(false))
                {
                    if (planned.Plan is null || planned.Case is null)
                    {
                        errors++;
                        CommandSupport.ReportProblems(ctx, planned);
                        continue;
                    }
                    if (format != "json") target.Writer.Write(Render(planned.Plan, planned.Case, rules, format, DateTimeOffset.UtcNow));
                    else if (single) target.Writer.Write(planned.Plan.ToJson());
                    else target.Writer.Write(CompactJson.Minify(planned.Plan.ToJson()) + "\n");
                }
            }
            catch (Exception ex) when (target.IsFile && ex is IOException or UnauthorizedAccessException)
            {
                ctx.Error($"error: cannot write '{outFile}': {ex.Message}; the previous file, if any, is unchanged");
                return ExitCodes.Usage;
            }
            // Nothing planned (every case refused): an existing output file is left as it was.
            if (target.IsFile && errors == corpus.Count) return ExitCodes.CaseErrors;
            if (!await target.TryCommitAsync(cancellationToken).ConfigureAwait(false)) return ExitCodes.Usage;
            return errors > 0 ? ExitCodes.CaseErrors : ExitCodes.Success;
        }
    }

    private static async Task<int> PlanFhirBundleAsync(CliContext ctx, string path, string? asOfText, string? rulesDirectory, string format, string? outFile,
        CancellationToken cancellationToken)
    {
        var asOf = DateTimeOffset.UtcNow;
        if (asOfText is not null && !DateTimeOffset.TryParse(asOfText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out asOf))
        {
            ctx.Error($"error: --as-of '{asOfText}' is not an ISO 8601 date");
            return ExitCodes.Usage;
        }
        string json;
        if (path == "-")
        {
            var read = await CommandSupport.ReadStdinAsync(ctx, MaxBundleBytes, "FHIR bundle", cancellationToken).ConfigureAwait(false);
            if (read is null) return ExitCodes.Usage;
            if (read.Value.Text is not { } text)
            {
                ctx.Error($"error: the FHIR bundle cannot be read: {read.Value.Problem}");
                return ExitCodes.CaseErrors;
            }
            json = text;
        }
        else
        {
            // Read safely: a folder, FIFO or device is refused without opening it, and the size is bounded.
            var bundle = SafeFile.ReadText(path, MaxBundleBytes, cancellationToken);
            if (bundle.Error == SafeReadError.NotFound)
            {
                ctx.Error($"error: no FHIR bundle at '{path}'");
                return ExitCodes.Usage;
            }
            if (bundle.Text is not { } text)
            {
                ctx.Error($"error: the FHIR bundle '{path}' cannot be read: {bundle.Message}");
                return ExitCodes.CaseErrors;
            }
            json = text;
        }
        var rules = CommandSupport.LoadRules(ctx, rulesDirectory, cancellationToken);
        if (rules is null) return ExitCodes.Usage;
        var imported = FhirCaseImporter.ImportJson(json, rules.Vocabulary, asOf, path == "-" ? CommandSupport.StdinName : Path.GetFileNameWithoutExtension(path));
        foreach (var note in imported.Notes) ctx.Error(note.ToString());
        if (imported.Case is null)
        {
            ctx.Error($"error: the bundle '{path}' could not be mapped to a case");
            return ExitCodes.CaseErrors;
        }
        Plans.TreatmentPlan plan;
        try
        {
            plan = new PlanRecommender(rules).Recommend(imported.Case, cancellationToken);
        }
        catch (InvalidCaseException ex)
        {
            // Diagnostics name codes and JSON paths, never a value.
            foreach (var diagnostic in ex.Diagnostics) ctx.Error((diagnostic with { File = diagnostic.File ?? (path == "-" ? CommandSupport.StdinName : Path.GetFileName(path)) }).ToString());
            ctx.Error($"error: the case mapped from '{path}' cannot be planned");
            return ExitCodes.CaseErrors;
        }
        var document = format == "json" ? plan.ToJson() : Render(plan, imported.Case, rules, format, asOf);
        return await CommandSupport.TryWriteAsync(ctx, outFile, document, cancellationToken).ConfigureAwait(false) ? ExitCodes.Success : ExitCodes.Usage;
    }

    private static string Render(Plans.TreatmentPlan plan, PatientCase patientCase, RuleSet rules, string format, DateTimeOffset recorded) => format switch
    {
        "text" => plan.ToText(),
        "patient-html" => PatientHandout.ToHtml(plan, patientCase, rules),
        "patient-markdown" => PatientHandout.ToMarkdown(plan, patientCase, rules),
        "fhir" => FhirPlanExporter.ToJson(plan, rules, new FhirExportOptions { Recorded = recorded }),
        "cds-hooks" => CdsHooksResponseBuilder.Build(plan, rules, new CdsHooksOptions()).ToJson(),
        _ => plan.ToJson(),
    };
}
