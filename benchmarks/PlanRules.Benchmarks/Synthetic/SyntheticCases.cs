using System.Globalization;
using PlanRules.Rules;
using PlanRules.Cases;

namespace PlanRules.Benchmarks;

/// <summary>
/// Seeded generator of complete synthetic cases: every fact of <see cref="SyntheticFacts.Scalars"/> has a value and every
/// history list is given (possibly empty), so PlanRules has no unknown fact to report and the two-valued baselines decide
/// exactly what PlanRules decides. The same seed always gives the same cases.
/// </summary>
public static class SyntheticCases
{
    /// <summary>The seed used by the benchmarks.</summary>
    public const int DefaultSeed = 7;

    /// <summary>Generates <paramref name="count"/> cases from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<SyntheticCase> Generate(int count, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Random(seed);
        var cases = new SyntheticCase[count];
        for (var i = 0; i < count; i++) cases[i] = One(rng, "synthetic-" + seed.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString("D5", CultureInfo.InvariantCulture));
        return cases;
    }

    private static SyntheticCase One(Random rng, string id)
    {
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var booleans = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var fact in SyntheticFacts.Scalars)
        {
            switch (fact.Type)
            {
                case SyntheticFactType.Number:
                    var steps = (int)Math.Round((fact.Max - fact.Min) / fact.Step);
                    numbers[fact.Name] = Math.Round(fact.Min + rng.Next(steps + 1) * fact.Step, 1);
                    break;
                case SyntheticFactType.Word:
                    words[fact.Name] = fact.WordWeights.Count > 0 ? SyntheticRuleSets.Pick(rng, fact.Words, fact.WordWeights) : SyntheticRuleSets.Pick(rng, fact.Words);
                    break;
                default:
                    booleans[fact.Name] = rng.NextDouble() < fact.TrueProbability;
                    break;
            }
        }
        // Keep cases plausible: only a female of child-bearing age may be pregnant.
        if (words["patient.sex"] != "female" || numbers["patient.ageYears"] > 50) booleans["patient.pregnant"] = false;

        var region = words["finding.pain.region"];
        var local = SyntheticFacts.Interventions.Where(i => i.Region == region || i.Region == "any").ToArray();
        var procedures = new List<SyntheticProcedure>();
        var procedureCount = rng.Next(7); // 0..6 earlier sessions
        for (var p = 0; p < procedureCount; p++)
        {
            var code = rng.NextDouble() < 0.8 && local.Length > 0 ? SyntheticRuleSets.Pick(rng, local).Code : SyntheticRuleSets.Pick(rng, SyntheticFacts.Interventions).Code;
            procedures.Add(new SyntheticProcedure(code, 1 + rng.Next(156), rng.Next(21) * 5, rng.Next(53)));
        }
        var medications = SyntheticFacts.Lists["medication"].Where(_ => rng.NextDouble() < 0.08)
            .Select(code => new SyntheticMedication(code, rng.Next(169))).ToArray();

        return new SyntheticCase
        {
            Id = id,
            Numbers = numbers,
            Words = words,
            Booleans = booleans,
            Conditions = Subset(rng, "condition", 0.1),
            Allergies = Subset(rng, "allergy", 0.05),
            Devices = Subset(rng, "device", 0.04),
            Goals = Subset(rng, "goal", 0.2),
            Medications = medications,
            Procedures = procedures,
        };
    }

    private static string[] Subset(Random rng, string section, double p) => SyntheticFacts.Lists[section].Where(_ => rng.NextDouble() < p).ToArray();

    /// <summary>The case as PlanRules reads it.</summary>
    public static PatientCase ToPatientCase(SyntheticCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var findings = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        var labs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in c.Numbers)
        {
            if (name.StartsWith("finding.", StringComparison.Ordinal)) findings[name["finding.".Length..]] = FactValue.Number(value);
            else if (name.StartsWith("lab.", StringComparison.Ordinal)) labs[name["lab.".Length..]] = value;
        }
        foreach (var (name, value) in c.Words)
            if (name.StartsWith("finding.", StringComparison.Ordinal)) findings[name["finding.".Length..]] = FactValue.Word(value);
        foreach (var (name, value) in c.Booleans)
            if (name.StartsWith("finding.", StringComparison.Ordinal)) findings[name["finding.".Length..]] = FactValue.Boolean(value);
        return new PatientCase
        {
            CaseId = c.Id,
            Patient = new PatientInfo { AgeYears = c.Numbers["patient.ageYears"], Sex = c.Words["patient.sex"], Pregnant = c.Booleans["patient.pregnant"] },
            Findings = findings,
            Labs = labs,
            History = new CaseHistory
            {
                Conditions = c.Conditions,
                Allergies = c.Allergies,
                Devices = c.Devices,
                Medications = c.Medications.Select(m => new MedicationEntry(m.Code) { LastDoseHoursAgo = m.LastDoseHoursAgo }).ToArray(),
                Procedures = c.Procedures.Select(p => new ProcedureEntry(p.Code) { WeeksAgo = p.WeeksAgo, ReliefPercent = p.ReliefPercent, ReliefWeeks = p.ReliefWeeks }).ToArray(),
            },
            Goals = c.Goals,
        };
    }
}
