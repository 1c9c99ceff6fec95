using FsCheck;
using FsCheck.Fluent;
using PlanRules.Rules;
using PlanRules.Cases;

namespace PlanRules.Tests.Properties;

/// <summary>FsCheck generators of synthetic, valid cases that reach most rules: spine, SI, knee, head, CRPS; history with relief; antithrombotics.</summary>
internal static class CaseGenerators
{
    private static readonly string[] Regions = ["lumbar", "cervical", "thoracic", "sacroiliac", "knee", "head", "upper_limb", "lower_limb", "widespread"];
    private static readonly string[] Patterns = ["axial", "radicular", "neurogenic_claudication", "neuropathic", "joint", "myofascial", "crps", "occipital_neuralgia"];
    private static readonly string[] Conditions = ["systemic_infection", "local_infection_at_site", "coagulopathy", "diabetes.type1", "diabetes.type2", "immunosuppressed", "fibromyalgia", "osteoporosis", "renal_impairment", "liver_cirrhosis"];
    private static readonly string[] Medications = ["warfarin", "apixaban", "rivaroxaban", "edoxaban", "dabigatran", "heparin_iv", "heparin_sc", "enoxaparin", "dalteparin", "fondaparinux", "clopidogrel", "prasugrel", "ticagrelor", "aspirin", "naproxen", "ibuprofen", "diclofenac", "meloxicam", "opioid"];
    private static readonly string[] Allergies = ["iodinated_contrast", "local_anesthetic_amide", "corticosteroid", "latex"];
    private static readonly string[] Devices = ["pacemaker", "icd", "spinal_cord_stimulator", "intrathecal_pump"];
    private static readonly string[] Goals = ["return_to_work", "reduce_opioids", "improve_sleep", "walk_further", "avoid_implant", "avoid_steroids"];
    private static readonly string[] Procedures = ["esi.lumbar.transforaminal", "esi.lumbar.interlaminar", "esi.cervical.interlaminar", "mbb.lumbar", "mbb.cervical", "rfa.lumbar.medial_branch", "facet.intraarticular.lumbar", "sij.injection.diagnostic", "sij.injection.therapeutic", "scs.trial", "genicular.block", "trigger_point.injection"];

    private static Gen<T?> Maybe<T>(Gen<T> gen, int knownWeight = 4) where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (knownWeight, gen.Select(v => (T?)v)));

    private static Gen<double?> MaybeNumber(int min, int max) =>
        Gen.Frequency((1, Gen.Constant<double?>(null)), (4, Gen.Choose(min, max).Select(v => (double?)v)));

    private static Gen<IReadOnlyList<string>?> CodeList(string[] codes) =>
        Maybe(Gen.SubListOf(codes).Select(l => (IReadOnlyList<string>)l.ToArray()), 6);

    private static Gen<MedicationEntry> Medication =>
        from code in Gen.Elements(Medications)
        from lastDose in MaybeNumber(0, 300)
        from dose in Gen.Elements<string?>(null, "prophylactic", "therapeutic")
        from indication in Gen.Elements<string?>(null, "primary_prevention", "secondary_prevention")
        select new MedicationEntry(code)
        {
            LastDoseHoursAgo = lastDose,
            Dose = code is "enoxaparin" or "heparin_sc" ? dose : null,
            Indication = code == "aspirin" ? indication : null,
        };

    private static Gen<ProcedureEntry> Procedure =>
        from code in Gen.Elements(Procedures)
        from weeksAgo in MaybeNumber(1, 150)
        from relief in MaybeNumber(0, 100)
        from reliefWeeks in MaybeNumber(0, 40)
        select new ProcedureEntry(code) { WeeksAgo = weeksAgo, ReliefPercent = relief, ReliefWeeks = reliefWeeks };

    private static Gen<Dictionary<string, FactValue>> Findings =>
        from region in Gen.Elements(Regions)
        from pattern in Gen.Elements(Patterns)
        from laterality in Gen.Elements("left", "right", "bilateral")
        from duration in Gen.Choose(0, 60)
        from conservative in Gen.Choose(0, 40)
        from nrs in Gen.Choose(0, 10)
        from concordant in Gen.Elements(true, false)
        from provocation in Gen.Choose(0, 6)
        from flags in Gen.ArrayOf(Gen.Frequency((12, Gen.Constant(0)), (1, Gen.Constant(1)), (2, Gen.Constant(2))), 12)
        select Build(region, pattern, laterality, duration, conservative, nrs, concordant, provocation, flags);

    private static Dictionary<string, FactValue> Build(string region, string pattern, string laterality, int duration, int conservative, int nrs, bool concordant, int provocation, int[] flags)
    {
        var findings = new Dictionary<string, FactValue>(StringComparer.Ordinal)
        {
            ["pain.region"] = region, ["pain.pattern"] = pattern, ["pain.laterality"] = laterality,
            ["pain.duration_weeks"] = duration, ["conservative_care.weeks"] = conservative, ["pain.nrs"] = nrs,
            ["imaging.concordant"] = concordant, ["exam.si_provocation_positive"] = provocation, ["exam.neuro_deficit"] = "none",
        };
        // flag: 0 = false, 1 = true, 2 = unknown (absent)
        string[] booleans = ["redflag.cauda_equina", "redflag.progressive_deficit", "redflag.suspected_malignancy", "redflag.suspected_infection",
            "redflag.suspected_fracture", "diagnosis.failed_back_surgery", "diagnosis.knee_osteoarthritis", "diagnosis.crps_budapest",
            "psych.evaluation_cleared", "psych.untreated_major_disorder", "psych.active_substance_use", "spine.fusion_at_target_level"];
        for (var i = 0; i < booleans.Length; i++)
            if (flags[i] != 2) findings[booleans[i]] = flags[i] == 1;
        return findings;
    }

    public static Gen<PatientCase> Case =>
        from findings in Findings
        from age in Gen.Choose(18, 90)
        from sex in Gen.Elements("female", "male", "other")
        from pregnant in Gen.Elements<bool?>(null, false, false, true)
        from conditions in CodeList(Conditions)
        from medications in Maybe(Gen.ListOf(Medication, 3).Select(l => (IReadOnlyList<MedicationEntry>)l.DistinctBy(m => m.Code).ToArray()), 6)
        from allergies in CodeList(Allergies)
        from devices in CodeList(Devices)
        from procedures in Maybe(Gen.ListOf(Procedure, 4).Select(l => (IReadOnlyList<ProcedureEntry>)l.ToArray()), 6)
        from goals in CodeList(Goals)
        from inr in MaybeNumber(8, 30)
        from platelets in MaybeNumber(20, 400)
        select new PatientCase
        {
            CaseId = "generated",
            Patient = new PatientInfo { AgeYears = age, Sex = sex, Pregnant = sex == "female" ? pregnant : false },
            Findings = findings,
            History = new CaseHistory { Conditions = conditions, Medications = medications, Allergies = allergies, Devices = devices, Procedures = procedures },
            Labs = Labs(inr, platelets),
            Goals = goals,
        };

    private static Dictionary<string, double> Labs(double? inrTenths, double? platelets)
    {
        var labs = new Dictionary<string, double>(StringComparer.Ordinal);
        if (inrTenths is { } i) labs["inr"] = i / 10.0;
        if (platelets is { } p) labs["platelets"] = p;
        return labs;
    }

    /// <summary>The same case with every list and the findings in another order.</summary>
    public static PatientCase Shuffled(PatientCase c, int seed)
    {
        var random = new Random(seed);
        IReadOnlyList<T>? Shuffle<T>(IReadOnlyList<T>? list) => list?.OrderBy(_ => random.Next()).ToArray();
        return c with
        {
            Findings = c.Findings.OrderBy(_ => random.Next()).ToDictionary(kv => kv.Key, kv => kv.Value),
            Labs = c.Labs.OrderBy(_ => random.Next()).ToDictionary(kv => kv.Key, kv => kv.Value),
            History = new CaseHistory
            {
                Conditions = Shuffle(c.History.Conditions),
                Medications = Shuffle(c.History.Medications),
                Allergies = Shuffle(c.History.Allergies),
                Devices = Shuffle(c.History.Devices),
                Procedures = Shuffle(c.History.Procedures),
            },
            Goals = Shuffle(c.Goals),
        };
    }
}
