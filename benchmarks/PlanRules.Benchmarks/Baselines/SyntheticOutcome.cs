using PlanRules.Plans;

namespace PlanRules.Benchmarks;

/// <summary>
/// What one engine decided for one case, in the engine's natural output order: the candidate rules whose condition held,
/// and the (contraindication rule, proposed intervention) pairs it applied to. Not thread-safe.
/// </summary>
public sealed class FiredRules
{
    /// <summary>Ids of the candidate rules whose condition holds.</summary>
    public List<string> Candidates { get; } = [];

    /// <summary>Contraindication rules that hold, with each proposed intervention they apply to.</summary>
    public List<(string Rule, string Target)> Contraindications { get; } = [];

    /// <summary>The comparable, order-independent form.</summary>
    public SyntheticOutcome ToOutcome() => new(Candidates, Contraindications.Select(c => c.Rule + " -> " + c.Target));
}

/// <summary>
/// The outcome compared across PlanRules, RulesEngine and the hand-written evaluator for one case: the set of candidate
/// rule ids whose condition holds, and the set of <c>contraindication -> intervention</c> pairs. Immutable.
/// </summary>
public sealed class SyntheticOutcome
{
    /// <summary>Creates an outcome from rule ids and pairs (duplicates collapse).</summary>
    public SyntheticOutcome(IEnumerable<string> candidates, IEnumerable<string> contraindications)
    {
        Candidates = new SortedSet<string>(candidates, StringComparer.Ordinal);
        Contraindications = new SortedSet<string>(contraindications, StringComparer.Ordinal);
    }

    /// <summary>Ids of the candidate rules that fired.</summary>
    public IReadOnlySet<string> Candidates { get; }

    /// <summary><c>rule -> intervention</c> for every contraindication that applied to a proposed intervention.</summary>
    public IReadOnlySet<string> Contraindications { get; }

    /// <summary>
    /// PlanRules' outcome, read from the plan's trace: entries with outcome <c>fired</c> whose rule is a synthetic
    /// candidate (stage 1) or contraindication (stage 3; its trace entry names the target intervention). Also
    /// returns the trace entries with another outcome (<c>unknown</c>; none is expected for complete cases).
    /// </summary>
    public static (SyntheticOutcome Outcome, IReadOnlyList<string> Undecided) FromPlan(TreatmentPlan plan, SyntheticRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var candidates = new List<string>();
        var contraindications = new List<string>();
        var undecided = new List<string>();
        foreach (var entry in plan.Trace)
        {
            if (entry.Outcome != "fired")
            {
                undecided.Add($"{entry.Rule} ({entry.Outcome}{(entry.Intervention is null ? "" : ", " + entry.Intervention)})");
                continue;
            }
            if (!ruleSet.ById.TryGetValue(entry.Rule, out var rule)) continue;
            if (rule.Kind == SyntheticRuleKind.Candidate) candidates.Add(rule.Id);
            else contraindications.Add(rule.Id + " -> " + entry.Intervention);
        }
        return (new SyntheticOutcome(candidates, contraindications), undecided);
    }

    /// <summary>Whether both sets are equal.</summary>
    public bool SameAs(SyntheticOutcome other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Candidates.SetEquals(other.Candidates) && Contraindications.SetEquals(other.Contraindications);
    }

    /// <summary>What differs, for test messages.</summary>
    public string Difference(SyntheticOutcome other, string thisName, string otherName)
    {
        ArgumentNullException.ThrowIfNull(other);
        static string List(IEnumerable<string> items) => string.Join(", ", items.Take(10));
        return $"only {thisName}: [{List(Candidates.Except(other.Candidates).Concat(Contraindications.Except(other.Contraindications)))}]; " +
               $"only {otherName}: [{List(other.Candidates.Except(Candidates).Concat(other.Contraindications.Except(Contraindications)))}]";
    }

    /// <inheritdoc />
    public override string ToString() => $"{Candidates.Count} candidate rules, {Contraindications.Count} contraindication pairs";
}
