using PlanRules.Rules;

namespace PlanRules.Hosting;

/// <summary>
/// The shipped rule set embedded in the PlanRules assembly (<see cref="RuleSet.DefaultFiles"/>); it never changes.
/// The source used when neither <see cref="PlanRulesOptions.RulesDirectory"/> nor a custom source is configured.
/// Thread-safe.
/// </summary>
public sealed class EmbeddedRuleSetSource : IRuleSetSource
{
    /// <inheritdoc />
    public Task<IReadOnlyList<RuleSourceFile>> LoadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(RuleSet.DefaultFiles());
    }

    /// <summary>Describes the source for log lines and messages.</summary>
    public override string ToString() => "the embedded rule set";
}
