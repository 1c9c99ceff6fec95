namespace PlanRules.Replay;

/// <summary>The outcome of replaying one case.</summary>
public enum ReplayOutcome
{
    /// <summary>The plan meets every expectation of the case's <c>expect</c> block (or the case has none).</summary>
    Passed,

    /// <summary>The plan misses at least one expectation.</summary>
    Failed,

    /// <summary>The case could not be read or planned (invalid content, a refused identifier, an unreadable file).</summary>
    Error,
}
