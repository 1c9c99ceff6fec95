using BenchmarkDotNet.Attributes;
using PlanRules.Cases;

namespace PlanRules.Benchmarks;

/// <summary>Planning one typical case on the shipped rule set: time and bytes allocated per plan.</summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private PlanRecommender _recommender = null!;
    private PatientCase _typical = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = RuleSet.LoadDefault();
        _recommender = new PlanRecommender(rules);
        var json = """
        {
          "schema": "planrules.case/1", "caseId": "bench-lumbar-radicular",
          "patient": { "ageYears": 58, "sex": "female", "pregnant": false },
          "findings": { "pain.region": "lumbar", "pain.pattern": "radicular", "pain.laterality": "left", "pain.duration_weeks": 10,
                        "pain.nrs": 7, "function.odi": 44, "imaging.concordant": true, "exam.neuro_deficit": "stable",
                        "conservative_care.weeks": 6, "redflag.cauda_equina": false },
          "history": { "conditions": ["diabetes.type2"], "medications": [ { "code": "apixaban", "lastDoseHoursAgo": 12 } ],
                       "allergies": ["iodinated_contrast"], "devices": [],
                       "procedures": [ { "code": "esi.lumbar.transforaminal", "weeksAgo": 20, "reliefPercent": 60, "reliefWeeks": 12 } ] },
          "labs": { "inr": 1.0, "platelets": 210, "hba1c": 7.2 },
          "goals": ["return_to_work", "avoid_implant"]
        }
        """;
        _typical = PatientCase.FromJson(json, rules.Vocabulary).Case ?? throw new InvalidOperationException("bad benchmark case");
    }

    /// <summary>Plan one typical case (a new NRules session, evaluation and plan assembly).</summary>
    [Benchmark]
    public object PlanTypicalCase() => _recommender.Recommend(_typical);

    /// <summary>Plan and write the plan JSON.</summary>
    [Benchmark]
    public string PlanTypicalCaseToJson() => _recommender.Recommend(_typical).ToJson();
}
