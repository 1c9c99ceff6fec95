using System.Numerics;

namespace PlanRules.Benchmarks;

/// <summary>One earlier procedure, by intervention id.</summary>
public readonly record struct FlatProcedure(int Code, double WeeksAgo, double ReliefPercent, double ReliefWeeks);

/// <summary>One medication, by index in <c>SyntheticFacts.Lists["medication"]</c>.</summary>
public readonly record struct FlatMedication(int Code, double LastDoseHoursAgo);

/// <summary>
/// A complete case laid out for the hand-written evaluator: scalar facts in arrays indexed by
/// <see cref="SyntheticFact.Slot"/>, words as indexes into the fact's words, list memberships as flags.
/// </summary>
public sealed class FlatCase
{
    /// <summary>Numeric facts by slot.</summary>
    public required double[] Numbers { get; init; }

    /// <summary>Word facts by slot: the index of the word in <see cref="SyntheticFact.Words"/>.</summary>
    public required int[] Words { get; init; }

    /// <summary>Boolean facts by slot.</summary>
    public required bool[] Booleans { get; init; }

    /// <summary>Whether the case lists <c>section.code</c>, by <see cref="HandWrittenEvaluator.MemberSlot"/>.</summary>
    public required bool[] Members { get; init; }

    /// <summary>Earlier procedures.</summary>
    public required FlatProcedure[] Procedures { get; init; }

    /// <summary>Medications.</summary>
    public required FlatMedication[] Medications { get; init; }
}

/// <summary>
/// The practical lower bound: each synthetic rule's condition compiled into a tree of closures
/// (<c>Func&lt;FlatCase, bool&gt;</c>) evaluating its definite, two-valued truth over a complete case; candidates
/// propose their intervention (a 64-bit mask), and a contraindication is evaluated only when it selects a proposed
/// intervention. Thread-safe after construction.
/// </summary>
public sealed class HandWrittenEvaluator
{
    private static readonly Dictionary<string, int> MemberSlots = BuildMemberSlots();
    private static readonly string[] MedicationCodes = SyntheticFacts.Lists["medication"];

    private readonly (string Id, int Intervention, Func<FlatCase, bool> Test)[] _candidates;
    private readonly (string Id, ulong Selects, Func<FlatCase, bool> Test)[] _contraindications;
    private readonly string[] _interventionCodes;

    /// <summary>Compiles every rule of <paramref name="ruleSet"/>.</summary>
    public HandWrittenEvaluator(SyntheticRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var ids = SyntheticFacts.Interventions.ToDictionary(i => i.Code, i => i.Id, StringComparer.Ordinal);
        _interventionCodes = SyntheticFacts.Interventions.Select(i => i.Code).ToArray();
        _candidates = ruleSet.Rules.Where(r => r.Kind == SyntheticRuleKind.Candidate)
            .Select(r => (r.Id, ids[r.Intervention!], Compile(r.When))).ToArray();
        _contraindications = ruleSet.Rules.Where(r => r.Kind == SyntheticRuleKind.Contraindication)
            .Select(r => (r.Id, r.AppliesToCodes.Aggregate(0UL, (mask, code) => mask | 1UL << ids[code]), Compile(r.When))).ToArray();
    }

    /// <summary>The flag index of <c>section.code</c> in <see cref="FlatCase.Members"/>.</summary>
    public static int MemberSlot(string list) => MemberSlots[list];

    /// <summary>Lays a case out for evaluation (done once per case, outside the measured loop).</summary>
    public static FlatCase Flatten(SyntheticCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var numbers = new double[SyntheticFacts.Scalars.Count(f => f.Type == SyntheticFactType.Number)];
        var words = new int[SyntheticFacts.Scalars.Count(f => f.Type == SyntheticFactType.Word)];
        var booleans = new bool[SyntheticFacts.Scalars.Count(f => f.Type == SyntheticFactType.Boolean)];
        foreach (var f in SyntheticFacts.Scalars)
        {
            switch (f.Type)
            {
                case SyntheticFactType.Number: numbers[f.Slot] = c.Numbers[f.Name]; break;
                case SyntheticFactType.Word: words[f.Slot] = f.Words.ToList().IndexOf(c.Words[f.Name]); break;
                default: booleans[f.Slot] = c.Booleans[f.Name]; break;
            }
        }
        var members = new bool[MemberSlots.Count];
        foreach (var section in SyntheticFacts.Lists.Keys)
        foreach (var code in c.CodesOf(section))
            members[MemberSlots[section + "." + code]] = true;
        var ids = SyntheticFacts.Interventions.ToDictionary(i => i.Code, i => i.Id, StringComparer.Ordinal);
        return new FlatCase
        {
            Numbers = numbers,
            Words = words,
            Booleans = booleans,
            Members = members,
            Procedures = c.Procedures.Select(p => new FlatProcedure(ids[p.Code], p.WeeksAgo, p.ReliefPercent, p.ReliefWeeks)).ToArray(),
            Medications = c.Medications.Select(m => new FlatMedication(Array.IndexOf(MedicationCodes, m.Code), m.LastDoseHoursAgo)).ToArray(),
        };
    }

    /// <summary>Evaluates every rule on one case.</summary>
    public FiredRules Evaluate(FlatCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var fired = new FiredRules();
        var proposed = 0UL;
        foreach (var (id, intervention, test) in _candidates)
        {
            if (!test(c)) continue;
            fired.Candidates.Add(id);
            proposed |= 1UL << intervention;
        }
        if (proposed == 0) return fired;
        foreach (var (id, selects, test) in _contraindications)
        {
            var targets = proposed & selects;
            if (targets == 0 || !test(c)) continue;
            while (targets != 0)
            {
                var bit = BitOperations.TrailingZeroCount(targets);
                fired.Contraindications.Add((id, _interventionCodes[bit]));
                targets &= targets - 1;
            }
        }
        return fired;
    }

    private static Dictionary<string, int> BuildMemberSlots()
    {
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (section, codes) in SyntheticFacts.Lists)
        foreach (var code in codes)
            slots[section + "." + code] = slots.Count;
        return slots;
    }

    private static Func<FlatCase, bool> Compile(SyntheticCondition condition)
    {
        switch (condition)
        {
            case AllOf all:
            {
                var parts = all.Parts.Select(Compile).ToArray();
                if (parts.Length == 1) return parts[0];
                if (parts.Length == 2)
                {
                    var (a, b) = (parts[0], parts[1]);
                    return c => a(c) && b(c);
                }
                return c =>
                {
                    foreach (var p in parts) if (!p(c)) return false;
                    return true;
                };
            }
            case AnyOf any:
            {
                var parts = any.Parts.Select(Compile).ToArray();
                if (parts.Length == 2)
                {
                    var (a, b) = (parts[0], parts[1]);
                    return c => a(c) || b(c);
                }
                return c =>
                {
                    foreach (var p in parts) if (p(c)) return true;
                    return false;
                };
            }
            case NotOf not:
            {
                var part = Compile(not.Part);
                return c => !part(c);
            }
            case NumberTest n:
            {
                var s = SyntheticFacts.ByName[n.Fact].Slot;
                var (v, v2) = (n.Value, n.Value2);
                return n.Op switch
                {
                    NumberOp.AtLeast => c => c.Numbers[s] >= v,
                    NumberOp.AtMost => c => c.Numbers[s] <= v,
                    NumberOp.Above => c => c.Numbers[s] > v,
                    NumberOp.Below => c => c.Numbers[s] < v,
                    _ => c => c.Numbers[s] >= v && c.Numbers[s] <= v2,
                };
            }
            case WordTest t:
            {
                var fact = SyntheticFacts.ByName[t.Fact];
                var s = fact.Slot;
                var ids = t.Words.Select(w => fact.Words.ToList().IndexOf(w)).ToArray();
                if (ids.Any(i => i < 0)) throw new InvalidOperationException($"unknown word in {t}");
                if (t.Negated)
                {
                    var id = ids[0];
                    return c => c.Words[s] != id;
                }
                if (ids.Length == 1)
                {
                    var id = ids[0];
                    return c => c.Words[s] == id;
                }
                var mask = ids.Aggregate(0UL, (m, i) => m | 1UL << i);
                return c => (mask >> c.Words[s] & 1) != 0;
            }
            case BooleanTest b:
            {
                var s = SyntheticFacts.ByName[b.Fact].Slot;
                var value = b.Value;
                return c => c.Booleans[s] == value;
            }
            case HasEntry h:
            {
                var slot = MemberSlots[h.List];
                return c => c.Members[slot];
            }
            case CountEntries q when q.Section == "procedure":
            {
                var codes = SyntheticFacts.Interventions.Where(i => q.Selects(i.Code)).Aggregate(0UL, (m, i) => m | 1UL << i.Id);
                var where = q.Where.Select(a => new Check(a.Attribute switch
                {
                    "weeksAgo" => 0,
                    "reliefPercent" => 1,
                    "reliefWeeks" => 2,
                    _ => throw new InvalidOperationException("unknown procedure attribute " + a.Attribute),
                }, a.Op, a.Value)).ToArray();
                var (atLeast, n) = (q.AtLeast, q.Count);
                return c =>
                {
                    var count = 0;
                    foreach (ref readonly var p in c.Procedures.AsSpan())
                        if ((codes >> p.Code & 1) != 0 && Matches(p, where)) count++;
                    return atLeast ? count >= n : count <= n;
                };
            }
            case CountEntries q:
            {
                var codes = MedicationCodes.Select((code, i) => (code, i)).Where(x => q.Selects(x.code)).Aggregate(0UL, (m, x) => m | 1UL << x.i);
                var where = q.Where.Select(a => a.Attribute == "lastDoseHoursAgo"
                    ? new Check(0, a.Op, a.Value)
                    : throw new InvalidOperationException("unknown medication attribute " + a.Attribute)).ToArray();
                var (atLeast, n) = (q.AtLeast, q.Count);
                return c =>
                {
                    var count = 0;
                    foreach (ref readonly var m in c.Medications.AsSpan())
                        if ((codes >> m.Code & 1) != 0 && Matches(m, where)) count++;
                    return atLeast ? count >= n : count <= n;
                };
            }
            default:
                throw new InvalidOperationException("unknown condition " + condition.GetType().Name);
        }
    }

    /// <summary>A resolved attribute test: attribute index (procedure: weeksAgo, reliefPercent, reliefWeeks; medication: lastDoseHoursAgo), operator, value.</summary>
    private readonly record struct Check(int Attribute, NumberOp Op, double Value);

    private static bool Matches(in FlatProcedure p, Check[] where)
    {
        foreach (var a in where)
        {
            var value = a.Attribute switch
            {
                0 => p.WeeksAgo,
                1 => p.ReliefPercent,
                _ => p.ReliefWeeks,
            };
            if (!Compare(value, a.Op, a.Value)) return false;
        }
        return true;
    }

    private static bool Matches(in FlatMedication m, Check[] where)
    {
        foreach (var a in where)
            if (!Compare(m.LastDoseHoursAgo, a.Op, a.Value)) return false;
        return true;
    }

    private static bool Compare(double x, NumberOp op, double v) => op switch
    {
        NumberOp.AtLeast => x >= v,
        NumberOp.AtMost => x <= v,
        NumberOp.Above => x > v,
        NumberOp.Below => x < v,
        _ => throw new InvalidOperationException("between is not generated for attributes"),
    };
}
