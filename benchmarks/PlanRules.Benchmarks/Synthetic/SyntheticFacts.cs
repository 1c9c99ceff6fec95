using System.Text.Json;
using PlanRules.Rules;

namespace PlanRules.Benchmarks;

/// <summary>The type of a scalar fact.</summary>
public enum SyntheticFactType
{
    /// <summary>A number.</summary>
    Number,
    /// <summary>One of a fact's words.</summary>
    Word,
    /// <summary>true or false.</summary>
    Boolean,
}

/// <summary>
/// A single-value fact of the shipped vocabulary that synthetic rules and cases use. <see cref="Property"/> is the
/// property of <see cref="RulesEngineCase"/> that carries it; <see cref="Slot"/> its index among the facts of its type
/// in <see cref="FlatCase"/>.
/// </summary>
public sealed record SyntheticFact(string Name, SyntheticFactType Type, string Property, int Slot, double Min = 0, double Max = 0, double Step = 1)
{
    /// <summary>The allowed words (word facts).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>Relative frequency of each word in generated cases (same length as <see cref="Words"/>), or empty for uniform.</summary>
    public IReadOnlyList<double> WordWeights { get; init; } = [];

    /// <summary>Probability of <c>true</c> in generated cases (boolean facts).</summary>
    public double TrueProbability { get; init; } = 0.5;
}

/// <summary>An intervention of the shipped catalog.</summary>
public sealed record SyntheticIntervention(string Code, int Id, string BleedingRisk, IReadOnlyList<string> Tags, string Region);

/// <summary>
/// The part of the shipped vocabulary, parameters and catalog that synthetic rules and cases draw on. The catalog and
/// parameter values are read from the shipped data files (<see cref="RuleSet.DefaultFiles"/>), the facts are listed
/// here (a test checks that the generated rules load against the shipped vocabulary without errors).
/// </summary>
public static class SyntheticFacts
{
    /// <summary>The shipped data files every synthetic rule set includes.</summary>
    public static readonly IReadOnlyList<string> DataFilePaths = ["catalog.json", "parameters.json", "ruleset.json", "vocabulary.json"];

    private static readonly Lazy<Data> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Pain regions (finding.pain.region).</summary>
    public static readonly string[] Regions = ["lumbar", "cervical", "thoracic", "sacroiliac", "knee", "head", "upper_limb", "lower_limb", "widespread"];

    /// <summary>How often each region occurs in cases and rules.</summary>
    public static readonly double[] RegionWeights = [34, 20, 5, 10, 10, 5, 5, 5, 6];

    /// <summary>Every single-value fact a synthetic case carries (all of <c>finding.*</c>, <c>patient.*</c>, <c>lab.*</c>).</summary>
    public static IReadOnlyList<SyntheticFact> Scalars { get; } = BuildScalars();

    /// <summary>The scalars by name.</summary>
    public static IReadOnlyDictionary<string, SyntheticFact> ByName { get; } = Scalars.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Code-list sections with the codes cases and rules use (all of the shipped vocabulary's).</summary>
    public static IReadOnlyDictionary<string, string[]> Lists { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["condition"] = ["systemic_infection", "local_infection_at_site", "coagulopathy", "diabetes.type1", "diabetes.type2", "immunosuppressed", "fibromyalgia", "osteoporosis", "renal_impairment", "liver_cirrhosis"],
        ["allergy"] = ["iodinated_contrast", "local_anesthetic_amide", "corticosteroid", "latex"],
        ["device"] = ["pacemaker", "icd", "spinal_cord_stimulator", "intrathecal_pump"],
        ["goal"] = ["return_to_work", "reduce_opioids", "improve_sleep", "walk_further", "avoid_implant", "avoid_steroids"],
        ["medication"] = ["warfarin", "apixaban", "rivaroxaban", "edoxaban", "dabigatran", "heparin_iv", "heparin_sc", "enoxaparin", "dalteparin", "fondaparinux",
                          "clopidogrel", "prasugrel", "ticagrelor", "aspirin", "naproxen", "ibuprofen", "diclofenac", "meloxicam", "opioid"],
    };

    /// <summary>Antithrombotic medications (the first 14 of <c>medication</c>).</summary>
    public static IReadOnlyList<string> Antithrombotics { get; } = Lists["medication"][..14];

    /// <summary>The catalog's interventions, in catalog order (their <see cref="SyntheticIntervention.Id"/>).</summary>
    public static IReadOnlyList<SyntheticIntervention> Interventions => Shipped.Value.Interventions;

    /// <summary>The catalog's tags.</summary>
    public static IReadOnlyList<string> Tags => Shipped.Value.Tags;

    /// <summary>Parameter values by name.</summary>
    public static IReadOnlyDictionary<string, double> Parameters => Shipped.Value.Parameters;

    /// <summary>The shipped data files (ruleset, vocabulary, parameters, catalog), without any rule file.</summary>
    public static IReadOnlyList<RuleSourceFile> DataFiles => Shipped.Value.Files;

    /// <summary>Codes of a list section: for <c>procedure</c>, the catalog's interventions.</summary>
    public static IReadOnlyList<string> CodesOf(string section) =>
        section == "procedure" ? Interventions.Select(i => i.Code).ToArray() : Lists[section];

    private static List<SyntheticFact> BuildScalars()
    {
        var list = new List<SyntheticFact>();
        int numbers = 0, words = 0, booleans = 0;
        void Number(string name, string property, double min, double max, double step = 1) =>
            list.Add(new(name, SyntheticFactType.Number, property, numbers++, min, max, step));
        void Word(string name, string property, string[] values, double[]? weights = null) =>
            list.Add(new(name, SyntheticFactType.Word, property, words++) { Words = values, WordWeights = weights ?? [] });
        void Boolean(string name, string property, double p) =>
            list.Add(new(name, SyntheticFactType.Boolean, property, booleans++) { TrueProbability = p });

        Number("patient.ageYears", "AgeYears", 18, 90);
        Word("patient.sex", "Sex", ["female", "male", "other"], [49, 49, 2]);
        Boolean("patient.pregnant", "Pregnant", 0.03);
        Word("finding.pain.region", "PainRegion", Regions, RegionWeights);
        Word("finding.pain.pattern", "PainPattern", ["axial", "radicular", "neurogenic_claudication", "neuropathic", "joint", "myofascial", "crps", "occipital_neuralgia"],
            [30, 30, 10, 8, 10, 6, 3, 3]);
        Word("finding.pain.laterality", "PainLaterality", ["left", "right", "bilateral"]);
        Number("finding.pain.duration_weeks", "PainDurationWeeks", 0, 156);
        Number("finding.pain.nrs", "PainNrs", 0, 10);
        Number("finding.function.odi", "FunctionOdi", 0, 90, 2);
        Number("finding.function.ndi", "FunctionNdi", 0, 90, 2);
        Number("finding.conservative_care.weeks", "ConservativeCareWeeks", 0, 26);
        Boolean("finding.imaging.concordant", "ImagingConcordant", 0.6);
        Word("finding.exam.neuro_deficit", "ExamNeuroDeficit", ["none", "stable", "progressive"], [60, 32, 8]);
        Number("finding.exam.si_provocation_positive", "ExamSiProvocationPositive", 0, 6);
        Boolean("finding.diagnosis.failed_back_surgery", "DiagnosisFailedBackSurgery", 0.12);
        Boolean("finding.diagnosis.knee_osteoarthritis", "DiagnosisKneeOsteoarthritis", 0.15);
        Boolean("finding.diagnosis.crps_budapest", "DiagnosisCrpsBudapest", 0.05);
        Boolean("finding.diagnosis.herpes_zoster_acute", "DiagnosisHerpesZosterAcute", 0.03);
        Boolean("finding.psych.evaluation_cleared", "PsychEvaluationCleared", 0.5);
        Boolean("finding.psych.untreated_major_disorder", "PsychUntreatedMajorDisorder", 0.08);
        Boolean("finding.psych.active_substance_use", "PsychActiveSubstanceUse", 0.06);
        Boolean("finding.redflag.cauda_equina", "RedflagCaudaEquina", 0.02);
        Boolean("finding.redflag.progressive_deficit", "RedflagProgressiveDeficit", 0.03);
        Boolean("finding.redflag.suspected_malignancy", "RedflagSuspectedMalignancy", 0.02);
        Boolean("finding.redflag.suspected_infection", "RedflagSuspectedInfection", 0.02);
        Boolean("finding.redflag.suspected_fracture", "RedflagSuspectedFracture", 0.02);
        Boolean("finding.spine.fusion_at_target_level", "SpineFusionAtTargetLevel", 0.1);
        Number("lab.inr", "LabInr", 0.8, 3.5, 0.1);
        Number("lab.platelets", "LabPlatelets", 40, 420, 5);
        Number("lab.hba1c", "LabHba1c", 4.5, 11.5, 0.1);
        return list;
    }

    private sealed record Data(IReadOnlyList<RuleSourceFile> Files, IReadOnlyList<SyntheticIntervention> Interventions, IReadOnlyList<string> Tags,
        IReadOnlyDictionary<string, double> Parameters);

    private static Data LoadShipped()
    {
        var files = RuleSet.DefaultFiles().Where(f => DataFilePaths.Contains(f.Path, StringComparer.Ordinal)).ToArray();
        if (files.Length != DataFilePaths.Count)
            throw new InvalidOperationException("the shipped rule set lacks one of " + string.Join(", ", DataFilePaths));
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var catalog = JsonDocument.Parse(files.Single(f => f.Path == "catalog.json").Content, options);
        var interventions = new List<SyntheticIntervention>();
        foreach (var p in catalog.RootElement.GetProperty("interventions").EnumerateObject())
        {
            var region = p.Value.TryGetProperty("region", out var r) ? r.GetString() ?? "any" : "any";
            interventions.Add(new SyntheticIntervention(p.Name, interventions.Count, p.Value.GetProperty("bleedingRisk").GetString()!,
                p.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray(), region));
        }
        if (interventions.Count > 64) throw new InvalidOperationException("the hand-written evaluator keeps interventions in a 64-bit mask");
        var tags = catalog.RootElement.GetProperty("tags").EnumerateObject().Select(t => t.Name).ToArray();
        using var parameters = JsonDocument.Parse(files.Single(f => f.Path == "parameters.json").Content, options);
        var values = parameters.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value").GetDouble(), StringComparer.Ordinal);
        return new Data(files, interventions, tags, values);
    }
}
