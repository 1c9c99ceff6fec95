using Microsoft.Extensions.Primitives;
using PlanRules.Rules;

namespace PlanRules.Hosting;

/// <summary>
/// Supplies the files of a rule set to the hosting integration: a directory (<see cref="DirectoryRuleSetSource"/>),
/// the embedded shipped rules (<see cref="EmbeddedRuleSetSource"/>) or anything a host keeps its rules in, such as a
/// database. Register a custom source with
/// <see cref="PlanRulesServiceCollectionExtensions.AddPlanRules{TSource}(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{PlanRulesOptions}?)"/>
/// (or register an <see cref="IRuleSetSource"/> singleton yourself before calling <c>AddPlanRules</c>).
/// </summary>
/// <remarks>
/// A source only reads: validation and compilation are done by PlanRules (<see cref="RuleSet.Load"/>), and a set
/// with any error is never used. Implementations must be thread-safe; <see cref="LoadAsync"/> may be called again
/// while an earlier call is still running only after that call was cancelled. The source's <c>ToString()</c> names it
/// in log lines and start-up messages (the built-in sources give their kind and folder): it must not contain secrets
/// such as a connection string's password.
/// </remarks>
public interface IRuleSetSource
{
    /// <summary>
    /// Reads every file of the rule set, with paths relative to the rule-set root (e.g. <c>spine/epidural.json</c>).
    /// Throw (any exception but <see cref="OperationCanceledException"/>) when the files cannot be read: the failure
    /// becomes a <c>PR1006</c> diagnostic and, on a reload, the last good rule set keeps serving.
    /// </summary>
    /// <param name="cancellationToken">Cancels reading; honoured promptly.</param>
    /// <returns>The files, in any order.</returns>
    Task<IReadOnlyList<RuleSourceFile>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Optional change notification: returns a token that fires once, at the next change of the rule set's files, or
    /// <c>null</c> when the source never reports changes (the default). Called again after each change to watch for
    /// the next one. Only used when <see cref="PlanRulesOptions.WatchForChanges"/> is on; the token must raise change
    /// callbacks (<see cref="IChangeToken.ActiveChangeCallbacks"/>).
    /// </summary>
    IChangeToken? Watch() => null;
}
