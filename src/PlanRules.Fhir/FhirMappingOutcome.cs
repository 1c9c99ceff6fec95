namespace PlanRules.Fhir;

/// <summary>What happened to one FHIR resource or element during import.</summary>
public enum FhirMappingOutcome
{
    /// <summary>Mapped onto a case fact (the note names the fact).</summary>
    Mapped,

    /// <summary>Deliberately left out: identifying data (identifiers, names, addresses, contacts, the birth date once
    /// the age is computed), or a resource that does not apply (entered in error, refuted, inactive, stopped).</summary>
    Dropped,

    /// <summary>Not understood: a resource type, a code or a value that has no mapping. The case does not carry it.</summary>
    Unmapped,

    /// <summary>Invalid input: unreadable JSON, more than one patient, a value out of range, a case that fails validation.</summary>
    Invalid,
}
