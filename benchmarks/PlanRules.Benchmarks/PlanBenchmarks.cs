using BenchmarkDotNet.Attributes;
using PlanRules.Cases;

namespace PlanRules.Benchmarks;

/// <summary>
/// Planning one case on the shipped rule set: time and bytes allocated per plan, for a typical case and for a heavy one
/// (many medications and earlier procedures). Issue #7's target: ≤ 100 µs and ≤ 48 KiB per plan.
/// </summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    /// <summary>A typical lumbar radicular case: one anticoagulant, one earlier injection.</summary>
    public const string TypicalCase = """
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

    /// <summary>
    /// A heavy lumbar axial case: 9 medications (anticoagulant, antiplatelets, NSAIDs, heparin, opioid), 12 earlier
    /// procedures (blocks, ablations, injections), several conditions, a device, every finding and lab given.
    /// </summary>
    public const string HeavyCase = """
        {
          "schema": "planrules.case/1", "caseId": "bench-lumbar-axial-heavy",
          "patient": { "ageYears": 71, "sex": "male", "pregnant": false },
          "findings": { "pain.region": "lumbar", "pain.pattern": "axial", "pain.laterality": "bilateral", "pain.duration_weeks": 80,
                        "pain.nrs": 8, "function.odi": 52, "function.ndi": 10, "imaging.concordant": true, "exam.neuro_deficit": "none",
                        "exam.si_provocation_positive": 1, "conservative_care.weeks": 26,
                        "diagnosis.failed_back_surgery": false, "diagnosis.knee_osteoarthritis": true, "diagnosis.crps_budapest": false,
                        "diagnosis.herpes_zoster_acute": false, "psych.evaluation_cleared": true, "psych.untreated_major_disorder": false,
                        "psych.active_substance_use": false, "redflag.cauda_equina": false, "redflag.progressive_deficit": false,
                        "redflag.suspected_malignancy": false, "redflag.suspected_infection": false, "redflag.suspected_fracture": false,
                        "spine.fusion_at_target_level": false },
          "history": {
            "conditions": ["diabetes.type2", "renal_impairment", "osteoporosis", "fibromyalgia"],
            "medications": [
              { "code": "apixaban", "lastDoseHoursAgo": 10 },
              { "code": "clopidogrel", "lastDoseHoursAgo": 20 },
              { "code": "aspirin", "lastDoseHoursAgo": 14, "indication": "secondary_prevention" },
              { "code": "enoxaparin", "lastDoseHoursAgo": 30, "dose": "prophylactic" },
              { "code": "naproxen", "lastDoseHoursAgo": 8 },
              { "code": "ibuprofen", "lastDoseHoursAgo": 40 },
              { "code": "meloxicam", "lastDoseHoursAgo": 22 },
              { "code": "heparin_sc", "lastDoseHoursAgo": 6 },
              { "code": "opioid", "lastDoseHoursAgo": 4 } ],
            "allergies": ["iodinated_contrast", "latex"],
            "devices": ["pacemaker"],
            "procedures": [
              { "code": "mbb.lumbar", "weeksAgo": 30, "reliefPercent": 85, "reliefWeeks": 0 },
              { "code": "mbb.lumbar", "weeksAgo": 28, "reliefPercent": 90, "reliefWeeks": 0 },
              { "code": "rfa.lumbar.medial_branch", "weeksAgo": 26, "reliefPercent": 70, "reliefWeeks": 20 },
              { "code": "esi.lumbar.transforaminal", "weeksAgo": 60, "reliefPercent": 40, "reliefWeeks": 4 },
              { "code": "esi.lumbar.transforaminal", "weeksAgo": 50, "reliefPercent": 55, "reliefWeeks": 8 },
              { "code": "esi.lumbar.interlaminar", "weeksAgo": 40, "reliefPercent": 30, "reliefWeeks": 2 },
              { "code": "esi.caudal", "weeksAgo": 90, "reliefPercent": 20, "reliefWeeks": 1 },
              { "code": "facet.intraarticular.lumbar", "weeksAgo": 70, "reliefPercent": 50, "reliefWeeks": 6 },
              { "code": "sij.injection.diagnostic", "weeksAgo": 45, "reliefPercent": 30, "reliefWeeks": 0 },
              { "code": "trigger_point.injection", "weeksAgo": 12, "reliefPercent": 40, "reliefWeeks": 3 },
              { "code": "trigger_point.injection", "weeksAgo": 8, "reliefPercent": 35, "reliefWeeks": 2 },
              { "code": "genicular.block", "weeksAgo": 20, "reliefPercent": 60, "reliefWeeks": 0 } ] },
          "labs": { "inr": 1.3, "platelets": 140, "hba1c": 8.4 },
          "goals": ["return_to_work", "reduce_opioids", "improve_sleep", "walk_further"]
        }
        """;

    private PlanRecommender _recommender = null!;
    private PatientCase _typical = null!;
    private PatientCase _heavy = null!;

    /// <summary>Loads the shipped rule set and reads the cases.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rules = RuleSet.LoadDefault();
        _recommender = new PlanRecommender(rules);
        _typical = Read(TypicalCase, rules);
        _heavy = Read(HeavyCase, rules);
    }

    private static PatientCase Read(string json, RuleSet rules)
    {
        var result = PatientCase.FromJson(json, rules.Vocabulary);
        return result.Case ?? throw new InvalidOperationException("bad benchmark case:\n" + string.Join('\n', result.Diagnostics));
    }

    /// <summary>Plan one typical case (case validation, NRules evaluation and plan assembly).</summary>
    [Benchmark]
    public object PlanTypicalCase() => _recommender.Recommend(_typical);

    /// <summary>Plan the typical case and write the plan JSON.</summary>
    [Benchmark]
    public string PlanTypicalCaseToJson() => _recommender.Recommend(_typical).ToJson();

    /// <summary>Plan one heavy case (many medications and earlier procedures).</summary>
    [Benchmark]
    public object PlanHeavyCase() => _recommender.Recommend(_heavy);
}
