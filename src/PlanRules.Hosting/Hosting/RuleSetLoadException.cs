using PlanRules.Diagnostics;

namespace PlanRules.Hosting;

/// <summary>
/// Thrown when a rule set registered with <c>AddPlanRules</c> does not load: by the host's start-up (when a host is
/// used) or by the first resolution of <see cref="IPlanRecommender"/> or <see cref="IRuleSetMonitor"/> (without a
/// host). The message lists every diagnostic (file, line, code, rule; never patient data).
/// </summary>
public sealed class RuleSetLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleSetLoadException()
        : this("PlanRules: the rule set failed to load.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public RuleSetLoadException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuleSetLoadException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Creates the exception for a rule set that failed to load.</summary>
    /// <param name="key">The key of the rule set (<c>AddPlanRules("pain", …)</c>); <c>null</c> for the default one.</param>
    /// <param name="source">The source it was read from, as named in log lines.</param>
    /// <param name="diagnostics">Every diagnostic of the failed load.</param>
    public RuleSetLoadException(string? key, string source, IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(key, source, diagnostics))
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Key = key;
        Diagnostics = diagnostics;
    }

    /// <summary>The key of the rule set that failed; <c>null</c> for the default (unkeyed) one.</summary>
    public string? Key { get; }

    /// <summary>Every diagnostic of the failed load.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(string? key, string source, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var which = key is null ? "the rule set" : $"the rule set '{key}'";
        return $"PlanRules: {which} from {source} failed to load with {errors} error(s):{Environment.NewLine}"
               + string.Join(Environment.NewLine, diagnostics);
    }
}
