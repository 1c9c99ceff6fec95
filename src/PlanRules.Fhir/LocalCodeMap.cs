using PlanRules.Rules;
using PlanRules.Cases;

namespace PlanRules.Fhir;

/// <summary>
/// Standard codes PlanRules.Fhir maps that <c>rules/vocabulary.json</c> does not (yet) carry. The vocabulary's own
/// <c>codes</c> always win; these are consulted after it, and every use is reported as a mapping note that says so.
/// Each code was checked against public FHIR implementation guides and code lists available offline; they belong in
/// the vocabulary once a clinical lead has confirmed them. Immutable and thread-safe.
/// </summary>
internal static class LocalCodeMap
{
    /// <summary>One local mapping: the fact it sets and, for a condition code that implies a finding, the value.</summary>
    internal sealed record Entry(string Fact, FactValue? Value, string Display);

    /// <summary>SNOMED CT "Pregnant" (finding), the value of LOINC 82810-3 and a Condition code.</summary>
    public const string SnomedPregnant = "77386006";

    /// <summary>SNOMED CT "Not pregnant".</summary>
    public const string SnomedNotPregnant = "60001007";

    /// <summary>SNOMED CT "No known allergy" (situation): an AllergyIntolerance with it makes the allergy list a known "none".</summary>
    public const string SnomedNoKnownAllergy = "716186003";

    /// <summary>SNOMED CT route "Intravenous route".</summary>
    public const string SnomedIntravenous = "47625008";

    /// <summary>SNOMED CT route "Subcutaneous route".</summary>
    public const string SnomedSubcutaneous = "34206005";

    /// <summary>RxNorm ingredient heparin: <c>medication.heparin_iv</c> or <c>medication.heparin_sc</c> by route.</summary>
    public const string RxNormHeparin = "5224";

    /// <summary>By (system, code).</summary>
    public static IReadOnlyDictionary<(string System, string Code), Entry> Entries { get; } = new Dictionary<(string, string), Entry>
    {
        // Observations (LOINC).
        [(FhirCodeSystems.Loinc, "72514-3")] = new("finding.pain.nrs", null, "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
        [(FhirCodeSystems.Loinc, "82810-3")] = new("patient.pregnant", null, "Pregnancy status"),

        // Conditions (SNOMED CT) that imply a patient fact or a finding.
        [(FhirCodeSystems.Snomed, SnomedPregnant)] = new("patient.pregnant", FactValue.Boolean(true), "Pregnant"),
        [(FhirCodeSystems.Snomed, "279039007")] = new("finding.pain.region", FactValue.Word("lumbar"), "Low back pain"),
        [(FhirCodeSystems.Snomed, "81680005")] = new("finding.pain.region", FactValue.Word("cervical"), "Neck pain"),
        [(FhirCodeSystems.Snomed, "23056005")] = new("finding.pain.pattern", FactValue.Word("radicular"), "Sciatica"),
        [(FhirCodeSystems.Snomed, "192970008")] = new("finding.redflag.cauda_equina", FactValue.Boolean(true), "Cauda equina syndrome"),
        [(FhirCodeSystems.Snomed, "239873007")] = new("finding.diagnosis.knee_osteoarthritis", FactValue.Boolean(true), "Osteoarthritis of knee"),

        // Medications (RxNorm ingredients).
        [(FhirCodeSystems.RxNorm, "1114195")] = new("medication.rivaroxaban", null, "rivaroxaban"),
        [(FhirCodeSystems.RxNorm, "1037042")] = new("medication.dabigatran", null, "dabigatran etexilate"),
        [(FhirCodeSystems.RxNorm, "1599538")] = new("medication.edoxaban", null, "edoxaban"),
        [(FhirCodeSystems.RxNorm, "67108")] = new("medication.enoxaparin", null, "enoxaparin"),
        [(FhirCodeSystems.RxNorm, "613391")] = new("medication.prasugrel", null, "prasugrel"),
        [(FhirCodeSystems.RxNorm, "1116632")] = new("medication.ticagrelor", null, "ticagrelor"),

        // Earlier procedures (CPT), only where one code means one PlanRules intervention.
        [(FhirCodeSystems.Cpt, "64483")] = new("procedure.esi.lumbar.transforaminal", null, "Transforaminal epidural injection, lumbar or sacral, single level, with imaging guidance"),
        [(FhirCodeSystems.Cpt, "62323")] = new("procedure.esi.lumbar.interlaminar", null, "Interlaminar epidural injection, lumbar or sacral, with imaging guidance"),
        [(FhirCodeSystems.Cpt, "64479")] = new("procedure.esi.cervical.transforaminal", null, "Transforaminal epidural injection, cervical or thoracic, single level, with imaging guidance"),
        [(FhirCodeSystems.Cpt, "62321")] = new("procedure.esi.cervical.interlaminar", null, "Interlaminar epidural injection, cervical or thoracic, with imaging guidance"),
        [(FhirCodeSystems.Cpt, "64635")] = new("procedure.rfa.lumbar.medial_branch", null, "Destruction by neurolytic agent, paravertebral facet joint nerve, lumbar or sacral, single level"),
        [(FhirCodeSystems.Cpt, "64633")] = new("procedure.rfa.cervical.medial_branch", null, "Destruction by neurolytic agent, paravertebral facet joint nerve, cervical or thoracic, single level"),
        [(FhirCodeSystems.Cpt, "64624")] = new("procedure.genicular.rfa", null, "Destruction by neurolytic agent, genicular nerve branches"),
        [(FhirCodeSystems.Cpt, "64454")] = new("procedure.genicular.block", null, "Injection, anesthetic agent, genicular nerve branches"),
        [(FhirCodeSystems.Cpt, "64510")] = new("procedure.sympathetic.stellate", null, "Injection, anesthetic agent, stellate ganglion"),
        [(FhirCodeSystems.Cpt, "64520")] = new("procedure.sympathetic.lumbar", null, "Injection, anesthetic agent, lumbar or thoracic paravertebral sympathetic"),
        [(FhirCodeSystems.Cpt, "64405")] = new("procedure.occipital.block", null, "Injection, anesthetic agent, greater occipital nerve"),
        [(FhirCodeSystems.Cpt, "20552")] = new("procedure.trigger_point.injection", null, "Injection, single or multiple trigger points, 1 or 2 muscles"),
        [(FhirCodeSystems.Cpt, "20553")] = new("procedure.trigger_point.injection", null, "Injection, single or multiple trigger points, 3 or more muscles"),
    };

    /// <summary>CPT codes that name more than one PlanRules intervention: reported as ambiguous, never guessed.</summary>
    public static IReadOnlyDictionary<string, string> AmbiguousCpt { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["64493"] = "procedure.mbb.lumbar or procedure.facet.intraarticular.lumbar",
        ["64490"] = "procedure.mbb.cervical or a cervical facet intra-articular injection",
        ["27096"] = "procedure.sij.injection.diagnostic or procedure.sij.injection.therapeutic",
        ["63650"] = "procedure.scs.trial or procedure.scs.implant",
    };
}
