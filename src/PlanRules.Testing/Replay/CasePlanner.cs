using System.Diagnostics;
using PlanRules.Cases;
using PlanRules.Diagnostics;
using PlanRules.Rules;

namespace PlanRules.Replay;

/// <summary>
/// Reads and plans the cases of a corpus with one rule set. Bad content is data: a case that cannot be read (invalid
/// JSON, unknown codes, a refused identifier) or planned gives a <see cref="PlannedCase"/> with its diagnostics, and the
/// other cases go on. Thread-safe: one instance serves any number of threads.
/// </summary>
public sealed class CasePlanner
{
    private readonly PlanRecommender _recommender;

    /// <summary>Creates a planner for a loaded rule set.</summary>
    /// <param name="rules">The rule set; its vocabulary reads the cases.</param>
    public CasePlanner(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        _recommender = new PlanRecommender(rules);
    }

    /// <summary>The rule set cases are planned with.</summary>
    public RuleSet Rules { get; }

    /// <summary>Reads and plans one case. Never throws for bad content or an unreadable file. Thread-safe.</summary>
    /// <param name="source">The case.</param>
    /// <param name="index">Its position in the corpus.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public PlannedCase Plan(CaseSource source, int index = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var clock = Stopwatch.StartNew();
        var result = new PlannedCase { Index = index, Name = source.Name, Path = source.Path };
        // Bounded and safe: a FIFO is never opened, a file over the case limit is refused after at most limit + 1 bytes.
        var text = source.Read(cancellationToken);
        if (text.Text is not { } json)
            return result with { Error = "the case file cannot be read: " + text.Message, Elapsed = clock.Elapsed };

        var read = ReadCase(json, Rules.Vocabulary, out var expectations);
        result = result with { Diagnostics = read.Diagnostics };
        if (read.Case is null) return result with { Elapsed = clock.Elapsed };
        result = result with { Case = read.Case, Expectations = expectations };
        try
        {
            return result with { Plan = _recommender.Recommend(read.Case, cancellationToken), Elapsed = clock.Elapsed };
        }
        catch (InvalidCaseException ex)
        {
            return result with { Diagnostics = [.. read.Diagnostics, .. ex.Diagnostics], Elapsed = clock.Elapsed };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A defect, not bad content: reported for this case so that the run goes on. The exception's message is not
            // shown: it may quote a value of the case.
            return result with { Error = $"planning failed: {ex.GetType().Name} (an internal error)", Elapsed = clock.Elapsed };
        }
    }

    /// <summary>
    /// Reads a case document and its <c>expect</c> block from one parse: the clinical case through the library's case
    /// reader, then the block from the same tree. Either one's errors refuse the case, and the diagnostics of both come
    /// in document order.
    /// </summary>
    internal static CaseReadResult ReadCase(string json, Vocabulary vocabulary, out CaseExpectations? expectations)
    {
        expectations = null;
        var read = CaseJsonReader.Read(json, vocabulary, out var document);
        if (document is null) return read;
        var expectDiagnostics = new List<Diagnostic>();
        var expect = CaseExpectationsReader.Read(document, expectDiagnostics);
        if (expectDiagnostics.Count > 0)
            return new CaseReadResult(null, CaseJsonReader.Order([.. read.Diagnostics, .. expectDiagnostics]));
        if (read.Case is null) return read;
        ValidatedCases.Remember(read.Case, vocabulary);
        expectations = expect;
        return read;
    }

    /// <summary>
    /// Reads and plans every case with <paramref name="parallelism"/> workers and yields the results in corpus order.
    /// Streaming: at most a few cases per worker are held at once, whatever the size of the corpus.
    /// </summary>
    /// <param name="cases">The cases, in the order results are wanted (see <see cref="CaseCorpus.Discover"/>).</param>
    /// <param name="parallelism">Workers; 0 or less uses every core.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public IAsyncEnumerable<PlannedCase> PlanAllAsync(IEnumerable<CaseSource> cases, int parallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return OrderedParallel.SelectAsync(cases, (source, index, token) => Plan(source, index, token), parallelism, cancellationToken);
    }
}
