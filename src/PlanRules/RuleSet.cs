using System.Reflection;
using PlanRules.Engine;
using PlanRules.IO;
using PlanRules.Rules;

namespace PlanRules;

/// <summary>
/// A validated rule set compiled onto the NRules Rete engine: its identity, vocabulary, parameters, catalog and rules.
/// Immutable and thread-safe: one instance serves any number of concurrent evaluations. Load it with
/// <see cref="LoadDirectory"/>, <see cref="LoadDefault"/> or <see cref="Load"/>; a rule set with any error is never
/// returned.
/// </summary>
public sealed class RuleSet
{
    private static readonly Lazy<RuleSet> Default = new(LoadDefaultCore, LazyThreadSafetyMode.ExecutionAndPublication);

    private RuleSet(CompiledRuleSet compiled) => Compiled = compiled;

    internal CompiledRuleSet Compiled { get; }

    /// <summary>Name, version and SHA-256 of the content; carried by every plan.</summary>
    public RuleSetIdentity Identity => Compiled.Identity;

    /// <summary>The facts cases may carry and rules may read.</summary>
    public Vocabulary Vocabulary => Compiled.Content.Vocabulary;

    /// <summary>The named numbers, by name.</summary>
    public IReadOnlyDictionary<string, Parameter> Parameters => Compiled.Content.Parameters;

    /// <summary>Interventions, tags, companions and referrals.</summary>
    public Catalog Catalog => Compiled.Content.Catalog;

    /// <summary>The rules, files ordered by path and rules in file order.</summary>
    public IReadOnlyList<Rule> Rules => Compiled.Content.Rules;

    /// <summary>
    /// Loads every <c>*.json</c> file below <paramref name="directory"/> (except <c>*.schema.json</c>), validates and
    /// compiles them. Never throws for bad content or a bad folder: problems (a file too large, an unreadable file or
    /// sub-folder, a FIFO, a symbolic link loop) are returned as diagnostics with the relative path, and the rule set is
    /// then <c>null</c>. Never hangs: a FIFO is never opened and each real folder is walked once.
    /// </summary>
    /// <param name="directory">The rule-set folder, e.g. <c>rules</c>.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    public static RuleSetLoadResult LoadDirectory(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var (files, diagnostics) = RuleFolderReader.Read(directory, cancellationToken);
        if (files.Count == 0 && diagnostics.Count > 0) return new RuleSetLoadResult(null, diagnostics);
        var result = Load(files, cancellationToken);
        return diagnostics.Count == 0 ? result : new RuleSetLoadResult(null, [.. diagnostics, .. result.Diagnostics]);
    }

    /// <summary>
    /// Validates and compiles a rule set from files supplied by the host (e.g. from a database). Never throws for
    /// bad content.
    /// </summary>
    /// <param name="files">Every file, with paths relative to the rule-set root.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    public static RuleSetLoadResult Load(IEnumerable<RuleSourceFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.Where(f => !IsIgnored(f.Path)).ToArray();
        var (content, diagnostics) = RuleSetLoader.Load(list, cancellationToken);
        if (content is null) return new RuleSetLoadResult(null, diagnostics);
        var (compiled, compileDiagnostics) = CompiledRuleSet.Compile(content, cancellationToken);
        return compiled is null
            ? new RuleSetLoadResult(null, [.. diagnostics, .. compileDiagnostics])
            : new RuleSetLoadResult(new RuleSet(compiled), diagnostics);
    }

    /// <summary>The shipped rule set, embedded in this assembly; loaded once and shared. Thread-safe.</summary>
    /// <exception cref="InvalidOperationException">The embedded rule set is invalid (a packaging defect).</exception>
    public static RuleSet LoadDefault() => Default.Value;

    /// <summary>The files of the shipped rule set, as embedded in this assembly.</summary>
    public static IReadOnlyList<RuleSourceFile> DefaultFiles() => DefaultRuleFiles.Read();

    private static RuleSet LoadDefaultCore()
    {
        var (compiled, diagnostics) = CompiledRuleSet.Compile(DefaultRuleFiles.Content);
        return compiled is null ? throw DefaultRuleFiles.Invalid(diagnostics) : new RuleSet(compiled);
    }

    /// <summary>
    /// Files never loaded: <c>*.schema.json</c>, and anything below an entry whose name starts with <c>..</c> (a
    /// Kubernetes ConfigMap volume keeps its content in <c>..data</c> and <c>..2026_12_02_…</c> folders, next to the
    /// visible <c>x.json</c> symlinks into them, which are the files; loading both would give duplicates).
    /// </summary>
    internal static bool IsIgnored(string path) =>
        path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)
        || path.Replace('\\', '/').Split('/').Any(segment => segment.StartsWith("..", StringComparison.Ordinal));
}
