using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PlanRules.Hosting;

/// <summary>
/// The data-annotation checks of <see cref="PlanRulesOptions"/> (ranges of the intervals), generated at compile time.
/// </summary>
[OptionsValidator]
internal sealed partial class PlanRulesOptionsDataValidator : IValidateOptions<PlanRulesOptions>;

/// <summary>
/// The checks of <see cref="PlanRulesOptions"/> that annotations cannot express: a well-formed
/// <see cref="PlanRulesOptions.RulesDirectory"/>, not set together with a custom <see cref="IRuleSetSource"/>.
/// Only values are checked: no file is read, no rule is loaded, nothing is awaited, and no service is created (a custom
/// source's registration is looked up, not resolved).
/// </summary>
internal sealed class PlanRulesOptionsValidator(IServiceProvider services) : IValidateOptions<PlanRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, PlanRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RulesDirectory is not { } directory) return ValidateOptionsResult.Success;

        var which = string.IsNullOrEmpty(name) ? "RulesDirectory" : $"RulesDirectory of the rule set '{name}'";
        if (string.IsNullOrWhiteSpace(directory))
            return ValidateOptionsResult.Fail($"PlanRules: {which} '{directory}' is empty; set a folder, or leave it null for the embedded rule set.");
        if (directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || !IsWellFormed(directory))
            return ValidateOptionsResult.Fail($"PlanRules: {which} '{directory.Replace("\0", "\\0", StringComparison.Ordinal)}' is not a valid path.");
        if (CustomSourceRegistered(name))
            return ValidateOptionsResult.Fail($"PlanRules: {which} '{directory}' is set but a custom IRuleSetSource is registered for the same rule set too; use one of them.");
        return ValidateOptionsResult.Success;
    }

    // Whether a custom source is registered for this rule set: looked up, never created.
    private bool CustomSourceRegistered(string? name)
    {
        var lookup = services.GetService<IServiceProviderIsService>();
        if (string.IsNullOrEmpty(name)) return lookup?.IsService(typeof(IRuleSetSource)) == true;
        return lookup is IServiceProviderIsKeyedService keyed && keyed.IsKeyedService(typeof(IRuleSetSource), name);
    }

    private static bool IsWellFormed(string path)
    {
        try
        {
            _ = Path.GetFullPath(path);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }
}
