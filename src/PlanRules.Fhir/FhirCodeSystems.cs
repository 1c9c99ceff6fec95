namespace PlanRules.Fhir;

/// <summary>
/// The code systems and extension URLs PlanRules.Fhir reads and writes. The <c>planrules.org</c> URLs are this
/// project's own (placeholders until the project publishes its FHIR artefacts).
/// </summary>
public static class FhirCodeSystems
{
    /// <summary>SNOMED CT.</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>RxNorm.</summary>
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>CPT.</summary>
    public const string Cpt = "http://www.ama-assn.org/go/cpt";

    /// <summary>UCUM units.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>
    /// PlanRules vocabulary codes: the code is the full fact name of <c>rules/vocabulary.json</c>, e.g.
    /// <c>finding.pain.region</c>, <c>condition.coagulopathy</c>, <c>medication.apixaban</c>, <c>goal.avoid_implant</c>,
    /// or <c>procedure.mbb.lumbar</c>. Any coding in this system maps directly, for facts no standard code covers.
    /// </summary>
    public const string Vocabulary = "http://planrules.org/fhir/CodeSystem/vocabulary";

    /// <summary>A word of a word-valued fact (e.g. <c>lumbar</c> for <c>finding.pain.region</c>), in <c>Observation.valueCodeableConcept</c>.</summary>
    public const string Words = "http://planrules.org/fhir/CodeSystem/words";

    /// <summary>PlanRules intervention, companion and referral codes of the catalog, e.g. <c>esi.lumbar.transforaminal</c>.</summary>
    public const string Interventions = "http://planrules.org/fhir/CodeSystem/intervention";

    /// <summary>PlanRules warning and exclusion codes, e.g. <c>antithrombotic.hold</c>.</summary>
    public const string Issues = "http://planrules.org/fhir/CodeSystem/issue";

    /// <summary>PlanRules rule ids, e.g. <c>esi.lumbar.transforaminal.unilateral-radicular</c>.</summary>
    public const string Rules = "http://planrules.org/fhir/CodeSystem/rule";

    /// <summary>Extension on <c>Procedure</c>: relief of the index pain it gave, percent (valueDecimal or valueInteger, 0–100).</summary>
    public const string ReliefPercentExtension = "http://planrules.org/fhir/StructureDefinition/relief-percent";

    /// <summary>Extension on <c>Procedure</c>: for how many weeks the relief lasted (valueDecimal or valueInteger).</summary>
    public const string ReliefWeeksExtension = "http://planrules.org/fhir/StructureDefinition/relief-weeks";

    /// <summary>Extension on <c>MedicationStatement</c> / <c>MedicationRequest</c>: when the last dose was taken (valueDateTime).</summary>
    public const string LastDoseExtension = "http://planrules.org/fhir/StructureDefinition/last-dose";
}
