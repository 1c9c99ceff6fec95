using PlanRules.Plans;
using PlanRules.Rules;

namespace PlanRules.Replay;

/// <summary>
/// Counts, over a corpus, how many cases fired each rule of a rule set (plan trace outcome <c>fired</c>), and finds the
/// vocabulary facts that no rule reads. <see cref="Add(TreatmentPlan)"/> is thread-safe, so plans may be added from any
/// number of workers; <see cref="RunAsync"/> plans a whole corpus.
/// </summary>
public sealed class RuleCoverage
{
    private readonly RuleSet _rules;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _fired;
    private readonly int[] _unknown;
    private int _planned;
    private int _errors;

    /// <summary>Creates an empty count for a rule set.</summary>
    /// <param name="rules">The rule set.</param>
    public RuleCoverage(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Rules.Count; i++) _index.TryAdd(rules.Rules[i].Id, i);
        _fired = new int[rules.Rules.Count];
        _unknown = new int[rules.Rules.Count];
    }

    /// <summary>Counts one case's plan: each rule that fired in its trace once. Thread-safe.</summary>
    /// <param name="plan">A plan made with this rule set.</param>
    public void Add(TreatmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fired = new HashSet<int>();
        var unknown = new HashSet<int>();
        foreach (var entry in plan.Trace)
        {
            if (!_index.TryGetValue(entry.Rule, out var i)) continue;
            if (entry.Outcome == "fired") fired.Add(i);
            else if (entry.Outcome == "unknown") unknown.Add(i);
        }
        foreach (var i in fired) Interlocked.Increment(ref _fired[i]);
        foreach (var i in unknown.Except(fired)) Interlocked.Increment(ref _unknown[i]);
        Interlocked.Increment(ref _planned);
    }

    /// <summary>Counts one planned case: its plan, or an error when it has none. Thread-safe.</summary>
    /// <param name="planned">A case planned with this rule set.</param>
    public void Add(PlannedCase planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (planned.Plan is { } plan) Add(plan);
        else Interlocked.Increment(ref _errors);
    }

    /// <summary>The coverage so far: never-fired rules first, then by how rarely they fired, then in rule-set order.</summary>
    public RuleCoverageReport ToReport()
    {
        var entries = _rules.Rules
            .Select((r, i) => (Order: i, Entry: new RuleCoverageEntry(r.Id, r.Title, r.Kind.ToWord(), r.Location.ToString(), r.Status,
                Volatile.Read(ref _fired[i]), Volatile.Read(ref _unknown[i]))))
            .OrderBy(x => x.Entry.CasesFired)
            .ThenBy(x => x.Order)
            .Select(x => x.Entry)
            .ToArray();
        return new RuleCoverageReport(_rules.Identity, Volatile.Read(ref _planned), Volatile.Read(ref _errors), entries, UnreadFacts(_rules));
    }

    /// <summary>
    /// The facts the rules read: every fact compared in a condition (<c>fact</c>), every list quantified
    /// (<c>exists</c>/<c>count</c>; a prefix such as <c>procedure.esi.*</c> reads every fact it covers), every fact a
    /// missing-information rule asks for and every measure a follow-up rule names.
    /// </summary>
    /// <param name="rules">The rule set.</param>
    public static IReadOnlySet<string> FactsRead(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules.Rules)
        {
            Walk(rule.When, read);
            if (rule.Fact is not null) read.Add(rule.Fact);
            if (rule.Measure is not null) read.Add(rule.Measure);
        }
        return read;
    }

    /// <summary>
    /// The vocabulary facts that no rule reads (see <see cref="FactsRead"/>), by name. The <c>procedure.*</c> facts,
    /// which the catalog's interventions supply rather than <c>vocabulary.json</c>, are not listed.
    /// </summary>
    /// <param name="rules">The rule set.</param>
    public static IReadOnlyList<string> UnreadFacts(RuleSet rules)
    {
        var read = FactsRead(rules);
        var prefixes = read.Where(r => r.EndsWith(".*", StringComparison.Ordinal)).Select(r => r[..^1]).ToArray();
        return rules.Vocabulary.Facts
            .Select(f => f.Name)
            .Where(n => !n.StartsWith("procedure.", StringComparison.Ordinal))
            .Where(n => !read.Contains(n) && !prefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Plans every case of a corpus with <paramref name="parallelism"/> workers and returns the coverage.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="cases">The cases (see <see cref="CaseCorpus.Discover"/>).</param>
    /// <param name="onCase">Called for each case in corpus order (e.g. to report cases that cannot be read).</param>
    /// <param name="parallelism">Workers; 0 or less uses every core.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<RuleCoverageReport> RunAsync(RuleSet rules, IEnumerable<CaseSource> cases, Action<PlannedCase>? onCase = null,
        int parallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(cases);
        var coverage = new RuleCoverage(rules);
        var planner = new CasePlanner(rules);
        await foreach (var planned in planner.PlanAllAsync(cases, parallelism, cancellationToken).ConfigureAwait(false))
        {
            coverage.Add(planned);
            onCase?.Invoke(planned);
        }
        return coverage.ToReport();
    }

    private static void Walk(Condition condition, HashSet<string> read)
    {
        switch (condition)
        {
            case AllCondition all: foreach (var p in all.Parts) Walk(p, read); break;
            case AnyCondition any: foreach (var p in any.Parts) Walk(p, read); break;
            case NotCondition not: Walk(not.Part, read); break;
            case FactCondition f: read.Add(f.Fact); break;
            case QuantifierCondition q: read.Add(q.List); break;
        }
    }
}
