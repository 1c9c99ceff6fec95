using System.Globalization;
using Microsoft.Extensions.Options;
using PlanRules.Diagnostics;

namespace PlanRules.Hosting;

/// <summary>
/// Validates <see cref="PlanRulesOptions"/> at start-up (registered with <c>ValidateOnStart</c>): the values first,
/// then the first load of the rule set, so that a rule set with errors fails start-up with every diagnostic.
/// </summary>
internal sealed class PlanRulesOptionsValidator(RuleSetBootstrap bootstrap) : IValidateOptions<PlanRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, PlanRulesOptions options)
    {
        if (name is not null && name != Options.DefaultName) return ValidateOptionsResult.Skip;
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (options.ReloadDebounce <= TimeSpan.Zero)
            failures.Add(Invariant($"PlanRules: ReloadDebounce must be greater than zero (was {options.ReloadDebounce}); use e.g. 00:00:00.5 for 500 ms."));
        else if (options.ReloadDebounce > PlanRulesOptions.MaxReloadDebounce)
            failures.Add(Invariant($"PlanRules: ReloadDebounce must be at most {PlanRulesOptions.MaxReloadDebounce} (was {options.ReloadDebounce})."));

        var custom = bootstrap.CustomSource;
        if (options.RulesDirectory is { } directory)
        {
            if (string.IsNullOrWhiteSpace(directory))
                failures.Add($"PlanRules: RulesDirectory '{directory}' is empty; set a folder, or leave it null for the embedded rule set.");
            else if (custom is not null)
                failures.Add($"PlanRules: RulesDirectory '{directory}' is set but a custom IRuleSetSource ({custom.GetType().FullName}) is registered too; use one of them.");
            else if (!Directory.Exists(directory))
                failures.Add(Path.IsPathFullyQualified(directory)
                    ? $"PlanRules: RulesDirectory '{directory}' does not exist."
                    : $"PlanRules: RulesDirectory '{directory}' does not exist (resolved against the current directory to '{SafeFullPath(directory)}').");
        }
        if (failures.Count > 0) return ValidateOptionsResult.Fail(failures);

        var initial = bootstrap.GetOrLoad(options);
        if (initial.Result.Succeeded) return ValidateOptionsResult.Success;
        var errors = initial.Result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return ValidateOptionsResult.Fail(Invariant(
            $"PlanRules: the rule set from {initial.Source} failed to load with {errors} error(s):{Environment.NewLine}") +
            string.Join(Environment.NewLine, initial.Result.Diagnostics));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string SafeFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (ArgumentException)
        {
            return path;
        }
        catch (NotSupportedException)
        {
            return path;
        }
        catch (PathTooLongException)
        {
            return path;
        }
    }
}
