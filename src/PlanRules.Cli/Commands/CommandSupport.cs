using System.CommandLine;
using System.Globalization;
using PlanRules.IO;
using PlanRules.Replay;
using PlanRules.Diagnostics;

namespace PlanRules.Cli.Commands;

/// <summary>Options and steps the commands share: the rule set, the corpus, the number of workers.</summary>
internal static class CommandSupport
{
    public static Option<string?> RulesOption(string name = "--rules", string? description = null) => new(name)
    {
        Description = description ?? "The rule-set folder (ruleset.json, vocabulary.json, parameters.json, catalog.json and rule files). Defaults to the shipped rule set.",
        HelpName = "DIR",
    };

    public static Option<int> ParallelOption()
    {
        var option = new Option<int>("--parallel")
        {
            Description = "Workers planning cases at once. Defaults to every core.",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--parallel must be at least 1");
        });
        return option;
    }

    public static Argument<string[]> CasesArgument(string description) => new("CASES")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Loads the rule set, printing every diagnostic; <c>null</c> when it does not load.</summary>
    public static RuleSet? LoadRules(CliContext ctx, string? directory, CancellationToken cancellationToken)
    {
        if (directory is null)
        {
            try
            {
                return RuleSet.LoadDefault();
            }
            catch (InvalidOperationException ex)
            {
                ctx.Error("error: " + ex.Message);
                return null;
            }
        }
        var loaded = RuleSet.LoadDirectory(directory, cancellationToken);
        foreach (var diagnostic in loaded.Diagnostics) ctx.Error(PrefixFile(diagnostic, directory));
        if (loaded.RuleSet is null)
        {
            var errors = loaded.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            ctx.Error(string.Create(CultureInfo.InvariantCulture, $"error: the rule set in '{directory}' does not load ({errors} error(s)); nothing was done."));
        }
        return loaded.RuleSet;
    }

    /// <summary>The corpus at <paramref name="paths"/> in file-name order; <c>null</c> (after an error line) when a path does not exist or holds no case.</summary>
    public static IReadOnlyList<CaseSource>? Discover(CliContext ctx, IEnumerable<string> paths)
    {
        try
        {
            var cases = CaseCorpus.Discover(paths);
            if (cases.Count == 0) ctx.Error($"error: no case files (*.json) in {string.Join(", ", paths.Select(p => $"'{p}'"))}");
            return cases.Count == 0 ? null : cases;
        }
        catch (FileNotFoundException ex)
        {
            ctx.Error("error: " + ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ctx.Error("error: the cases cannot be listed: " + ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Writes a report to <paramref name="file"/> through a temporary file renamed into place (the old file stays whole on
    /// any failure); <c>false</c> after an error line when it cannot be written.
    /// </summary>
    public static bool TryWriteAtomically(CliContext ctx, string file, string text)
    {
        try
        {
            AtomicFile.WriteAllText(file, text);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ctx.Error($"error: cannot write '{file}': {ex.Message}");
            return false;
        }
    }

    /// <summary>Prints every problem of a case that has no plan to standard error.</summary>
    public static void ReportProblems(CliContext ctx, PlannedCase planned)
    {
        ctx.Error($"{planned.Name}: {planned.ErrorSummary}");
        foreach (var line in planned.DescribeProblems()) ctx.Error("  " + line);
    }

    /// <summary>A rule-set diagnostic with its file shown relative to the working directory when possible.</summary>
    private static string PrefixFile(Diagnostic diagnostic, string directory) =>
        diagnostic.File is null || Path.IsPathRooted(diagnostic.File) || diagnostic.Code == "PR1006" && diagnostic.File == directory
            ? diagnostic.ToString()
            : (diagnostic with { File = Path.Combine(directory, diagnostic.File).Replace('\\', '/') }).ToString();
}
