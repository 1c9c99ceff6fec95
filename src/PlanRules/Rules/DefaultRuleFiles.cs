using PlanRules.Diagnostics;

namespace PlanRules.Rules;

/// <summary>
/// The shipped rule set's files, embedded in this assembly, and their validated content (loaded once, shared). The
/// content is what reading a case needs (the vocabulary); compiling it onto the engine is <c>RuleSet.LoadDefault</c>'s job.
/// </summary>
internal static class DefaultRuleFiles
{
    private const string ResourcePrefix = "PlanRules.DefaultRules/";

    private static readonly Lazy<RuleSetContent> LazyContent = new(LoadContent, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The validated content of the shipped rule set.</summary>
    /// <exception cref="InvalidOperationException">The embedded rule set is invalid (a packaging defect).</exception>
    public static RuleSetContent Content => LazyContent.Value;

    /// <summary>The embedded files, in ordinal order of their paths (relative to the rule-set root).</summary>
    public static IReadOnlyList<RuleSourceFile> Read()
    {
        var assembly = typeof(DefaultRuleFiles).Assembly;
        var files = new List<RuleSourceFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(new RuleSourceFile(name[ResourcePrefix.Length..].Replace('\\', '/'), reader.ReadToEnd()));
        }
        return files;
    }

    private static RuleSetContent LoadContent()
    {
        var (content, diagnostics) = RuleSetLoader.Load(Read());
        return content ?? throw Invalid(diagnostics);
    }

    /// <summary>The exception for an embedded rule set that does not load.</summary>
    public static InvalidOperationException Invalid(IEnumerable<Diagnostic> diagnostics) =>
        new("The embedded default rule set is invalid:\n" + string.Join('\n', diagnostics));
}
