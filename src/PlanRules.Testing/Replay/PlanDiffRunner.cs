using System.Diagnostics;

namespace PlanRules.Replay;

/// <summary>
/// Plans every case of a corpus with two rule sets (before and after a change) and compares the plans with
/// <see cref="PlanDiff.Compare"/>: which patients' plans change, how, and which rules are responsible. Streaming and
/// parallel like <see cref="ReplayRunner"/>; results come in corpus order. Each case is read with each rule set's own
/// vocabulary. Thread-safe.
/// </summary>
public sealed class PlanDiffRunner
{
    private readonly CasePlanner _before;
    private readonly CasePlanner _after;

    /// <summary>Creates a runner for two loaded rule sets.</summary>
    /// <param name="before">The rule set before the change.</param>
    /// <param name="after">The rule set after the change.</param>
    public PlanDiffRunner(RuleSet before, RuleSet after)
    {
        _before = new CasePlanner(before);
        _after = new CasePlanner(after);
    }

    /// <summary>Plans one case with both rule sets and compares the plans. Thread-safe.</summary>
    /// <param name="source">The case.</param>
    /// <param name="index">Its position in the corpus.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    public CaseDiff Compare(CaseSource source, int index = 0, CancellationToken cancellationToken = default)
    {
        var before = _before.Plan(source, index, cancellationToken);
        var after = _after.Plan(source, index, cancellationToken);
        return new CaseDiff
        {
            Before = before,
            After = after,
            Diff = before.Plan is not null && after.Plan is not null ? PlanDiff.Compare(before.Plan, after.Plan) : null,
        };
    }

    /// <summary>Compares every case with <paramref name="parallelism"/> workers; results come in corpus order.</summary>
    /// <param name="cases">The cases (see <see cref="CaseCorpus.Discover"/>).</param>
    /// <param name="parallelism">Workers; 0 or less uses every core.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public IAsyncEnumerable<CaseDiff> CompareAllAsync(IEnumerable<CaseSource> cases, int parallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return OrderedParallel.SelectAsync(cases, (source, index, token) => Compare(source, index, token), parallelism, cancellationToken);
    }

    /// <summary>
    /// Compares every case, hands each result to <paramref name="onResult"/> in corpus order, and returns the totals
    /// with a count per kind of change.
    /// </summary>
    /// <param name="cases">The cases.</param>
    /// <param name="onResult">Called for each case in corpus order (e.g. a report writer's <c>Add</c>).</param>
    /// <param name="parallelism">Workers; 0 or less uses every core.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<DiffSummary> RunAsync(IEnumerable<CaseSource> cases, Action<CaseDiff>? onResult = null, int parallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var clock = Stopwatch.StartNew();
        int changed = 0, unchanged = 0, errors = 0;
        var changesByKind = new SortedDictionary<PlanChangeKind, int>();
        var casesByKind = new SortedDictionary<PlanChangeKind, int>();
        await foreach (var result in CompareAllAsync(cases, parallelism, cancellationToken).ConfigureAwait(false))
        {
            if (result.Diff is null) errors++;
            else if (result.Diff.HasChanges)
            {
                changed++;
                foreach (var change in result.Diff.Changes) changesByKind[change.Kind] = changesByKind.GetValueOrDefault(change.Kind) + 1;
                foreach (var kind in result.Diff.Changes.Select(c => c.Kind).Distinct()) casesByKind[kind] = casesByKind.GetValueOrDefault(kind) + 1;
            }
            else unchanged++;
            onResult?.Invoke(result);
        }
        return new DiffSummary(_before.Rules.Identity, _after.Rules.Identity, changed, unchanged, errors,
            changesByKind, casesByKind, clock.Elapsed, OrderedParallel.Workers(parallelism));
    }
}
