using System.Diagnostics;

namespace PlanRules.Replay;

/// <summary>
/// Replays a corpus of cases against a rule set: plans each case with N workers, checks its <c>expect</c> block with
/// <see cref="PlanExpectations.Check"/>, and reports per-case results in corpus order and the totals. Streaming: a
/// corpus of any size replays in bounded memory (a few cases per worker at a time). A case that cannot be read (for
/// instance one refused for an identifier) is an error for that case and the run goes on. Thread-safe.
/// </summary>
public sealed class ReplayRunner
{
    private readonly CasePlanner _planner;

    /// <summary>Creates a runner for a loaded rule set.</summary>
    /// <param name="rules">The rule set.</param>
    public ReplayRunner(RuleSet rules) => _planner = new CasePlanner(rules);

    /// <summary>The rule set cases are replayed against.</summary>
    public RuleSet Rules => _planner.Rules;

    /// <summary>Replays one case. Thread-safe.</summary>
    /// <param name="source">The case.</param>
    /// <param name="index">Its position in the corpus.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    public ReplayCaseResult Replay(CaseSource source, int index = 0, CancellationToken cancellationToken = default)
    {
        var planned = _planner.Plan(source, index, cancellationToken);
        try
        {
            return Check(planned);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A defect in checking one case's expectations: an error case, and the run goes on (never the message: it may quote the case).
            return new ReplayCaseResult
            {
                Case = planned with { Plan = null, Error = $"checking the expectations failed: {ex.GetType().Name} (an internal error)" },
                Outcome = ReplayOutcome.Error,
            };
        }
    }

    /// <summary>Checks a planned case against its <c>expect</c> block.</summary>
    /// <param name="planned">The case as planned.</param>
    public static ReplayCaseResult Check(PlannedCase planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (planned.Plan is null || planned.Case is null)
            return new ReplayCaseResult { Case = planned, Outcome = ReplayOutcome.Error };
        if (planned.Expectations is not { } expect)
            return new ReplayCaseResult { Case = planned, Outcome = ReplayOutcome.Passed };
        var failures = PlanExpectations.Check(planned.Plan, expect);
        return new ReplayCaseResult
        {
            Case = planned,
            Outcome = failures.Count == 0 ? ReplayOutcome.Passed : ReplayOutcome.Failed,
            Failures = failures,
            HasExpectations = true,
        };
    }

    /// <summary>Replays every case with <paramref name="parallelism"/> workers; results come in corpus order.</summary>
    /// <param name="cases">The cases (see <see cref="CaseCorpus.Discover"/>).</param>
    /// <param name="parallelism">Workers; 0 or less uses every core.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public IAsyncEnumerable<ReplayCaseResult> ReplayAllAsync(IEnumerable<CaseSource> cases, int parallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return OrderedParallel.SelectAsync(cases, (source, index, token) => Replay(source, index, token), parallelism, cancellationToken);
    }

    /// <summary>
    /// Replays every case, hands each result to <paramref name="onResult"/> in corpus order (on one thread at a time),
    /// and returns the totals.
    /// </summary>
    /// <param name="cases">The cases (see <see cref="CaseCorpus.Discover"/>).</param>
    /// <param name="onResult">Called for each result, in corpus order; e.g. a report writer's <c>Add</c>.</param>
    /// <param name="parallelism">Workers; 0 or less uses every core.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<ReplaySummary> RunAsync(IEnumerable<CaseSource> cases, Action<ReplayCaseResult>? onResult = null, int parallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var clock = Stopwatch.StartNew();
        int passed = 0, failed = 0, errors = 0, withoutExpectations = 0;
        await foreach (var result in ReplayAllAsync(cases, parallelism, cancellationToken).ConfigureAwait(false))
        {
            switch (result.Outcome)
            {
                case ReplayOutcome.Passed:
                    passed++;
                    if (!result.HasExpectations) withoutExpectations++;
                    break;
                case ReplayOutcome.Failed: failed++; break;
                default: errors++; break;
            }
            onResult?.Invoke(result);
        }
        return new ReplaySummary(Rules.Identity, passed, failed, errors, withoutExpectations, clock.Elapsed, OrderedParallel.Workers(parallelism));
    }
}
