using PlanRules.Rules;

namespace PlanRules.Tests.Cases;

/// <summary>A vocabulary built in code that covers the core codes of the shipped vocabulary (<c>rules/vocabulary.json</c>).</summary>
internal static class TestVocabulary
{
    public static readonly string[] Interventions =
    [
        "esi.lumbar.interlaminar", "esi.lumbar.transforaminal", "esi.cervical.interlaminar", "esi.cervical.transforaminal",
        "esi.caudal", "mbb.lumbar", "rfa.lumbar.medial_branch", "facet.intraarticular.lumbar", "mbb.cervical",
        "rfa.cervical.medial_branch", "sij.injection.diagnostic", "sij.injection.therapeutic", "genicular.block",
        "genicular.rfa", "scs.trial", "scs.implant", "sympathetic.stellate", "sympathetic.lumbar", "occipital.block",
        "trigger_point.injection",
    ];

    public static readonly string[] Conditions =
    [
        "systemic_infection", "local_infection_at_site", "coagulopathy", "diabetes.type1", "diabetes.type2",
        "immunosuppressed", "fibromyalgia", "osteoporosis", "renal_impairment", "liver_cirrhosis",
    ];

    public static readonly string[] Medications =
    [
        "warfarin", "apixaban", "rivaroxaban", "edoxaban", "dabigatran", "heparin_iv", "heparin_sc", "enoxaparin",
        "dalteparin", "fondaparinux", "clopidogrel", "prasugrel", "ticagrelor", "aspirin", "naproxen", "ibuprofen",
        "diclofenac", "meloxicam", "opioid",
    ];

    public static readonly string[] Allergies = ["iodinated_contrast", "local_anesthetic_amide", "corticosteroid", "latex"];

    public static readonly string[] Devices = ["pacemaker", "icd", "spinal_cord_stimulator", "intrathecal_pump"];

    public static readonly string[] Goals = ["return_to_work", "reduce_opioids", "improve_sleep", "walk_further", "avoid_implant", "avoid_steroids"];

    public static readonly string[] Sexes = ["female", "male", "other"];

    public static readonly string[] Regions = ["lumbar", "cervical", "thoracic", "sacroiliac", "knee", "head", "upper_limb", "lower_limb", "widespread"];

    public static readonly string[] Patterns = ["axial", "radicular", "neurogenic_claudication", "neuropathic", "joint", "myofascial", "crps", "occipital_neuralgia"];

    public static readonly string[] Doses = ["prophylactic", "therapeutic"];

    public static readonly string[] Indications = ["primary_prevention", "secondary_prevention"];

    public static readonly string[] BooleanFindings =
    [
        "imaging.concordant", "diagnosis.failed_back_surgery", "diagnosis.knee_osteoarthritis", "diagnosis.crps_budapest",
        "diagnosis.herpes_zoster_acute", "psych.evaluation_cleared", "psych.untreated_major_disorder", "psych.active_substance_use",
        "redflag.cauda_equina", "redflag.progressive_deficit", "redflag.suspected_malignancy", "redflag.suspected_infection",
        "redflag.suspected_fracture", "spine.fusion_at_target_level",
    ];

    /// <summary>Finding codes (without section) that are numbers, with their ranges.</summary>
    public static readonly (string Code, double Min, double Max, string Unit)[] NumberFindings =
    [
        ("pain.duration_weeks", 0, 5200, "weeks"),
        ("pain.nrs", 0, 10, "0-10"),
        ("function.odi", 0, 100, "percent"),
        ("function.ndi", 0, 100, "percent"),
        ("conservative_care.weeks", 0, 5200, "weeks"),
        ("exam.si_provocation_positive", 0, 6, "tests"),
    ];

    /// <summary>Finding codes (without section) that are words, with their words.</summary>
    public static readonly (string Code, string[] Words)[] WordFindings =
    [
        ("pain.region", Regions),
        ("pain.pattern", Patterns),
        ("pain.laterality", ["left", "right", "bilateral"]),
        ("exam.neuro_deficit", ["none", "stable", "progressive"]),
    ];

    public static readonly (string Code, double Min, double Max, string Unit)[] Labs =
    [
        ("inr", 0.5, 20, "ratio"),
        ("platelets", 0, 2000, "10^9/L"),
        ("hba1c", 2, 20, "percent"),
    ];

    public static Vocabulary Instance { get; } = Build();

    private static Vocabulary Build()
    {
        var facts = new List<FactDefinition>
        {
            new("patient.ageYears", FactType.Number, "Age") { Unit = "years", Min = 0, Max = 130 },
            new("patient.sex", FactType.Word, "Sex") { Words = Sexes },
            new("patient.pregnant", FactType.Boolean, "Pregnant"),
        };
        foreach (var (code, min, max, unit) in NumberFindings)
            facts.Add(new("finding." + code, FactType.Number, code) { Unit = unit, Min = min, Max = max });
        foreach (var (code, words) in WordFindings)
            facts.Add(new("finding." + code, FactType.Word, code) { Words = words });
        foreach (var code in BooleanFindings)
            facts.Add(new("finding." + code, FactType.Boolean, code));
        foreach (var (code, min, max, unit) in Labs)
            facts.Add(new("lab." + code, FactType.Number, code) { Unit = unit, Min = min, Max = max });
        AddList(facts, "condition", Conditions);
        AddList(facts, "medication", Medications);
        AddList(facts, "allergy", Allergies);
        AddList(facts, "device", Devices);
        AddList(facts, "procedure", Interventions);
        AddList(facts, "goal", Goals);

        var attributes = new Dictionary<string, IReadOnlyDictionary<string, FactDefinition>>
        {
            ["medication"] = new Dictionary<string, FactDefinition>
            {
                ["lastDoseHoursAgo"] = new("lastDoseHoursAgo", FactType.Number, "Hours since last dose") { Unit = "hours", Min = 0, Max = 100000 },
                ["dose"] = new("dose", FactType.Word, "Dose") { Words = Doses },
                ["indication"] = new("indication", FactType.Word, "Indication") { Words = Indications },
            },
            ["procedure"] = new Dictionary<string, FactDefinition>
            {
                ["weeksAgo"] = new("weeksAgo", FactType.Number, "Weeks ago") { Unit = "weeks", Min = 0, Max = 5200 },
                ["reliefPercent"] = new("reliefPercent", FactType.Number, "Relief") { Unit = "percent", Min = 0, Max = 100 },
                ["reliefWeeks"] = new("reliefWeeks", FactType.Number, "Relief duration") { Unit = "weeks", Min = 0, Max = 5200 },
            },
        };
        return new Vocabulary(facts, attributes);
    }

    private static void AddList(List<FactDefinition> facts, string section, IEnumerable<string> codes)
    {
        foreach (var code in codes) facts.Add(new(section + "." + code, FactType.Boolean, code));
    }
}
