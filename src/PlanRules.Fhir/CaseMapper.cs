using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using PlanRules.Cases;
using PlanRules.Rules;
using Condition = Hl7.Fhir.Model.Condition;
using PlanRules.Diagnostics;

namespace PlanRules.Fhir;

/// <summary>
/// One import: walks the bundle once, collects facts and notes, then builds and validates the case.
/// Not thread-safe (one instance per import).
/// </summary>
internal sealed class CaseMapper(Vocabulary vocabulary, DateTimeOffset asOf)
{
    /// <summary>A medication statement or request that stopped longer ago than this no longer counts as taken.</summary>
    internal const double StoppedMedicationHorizonHours = 30 * 24;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly IReadOnlyDictionary<string, string> StandardSystems = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SNOMED CT"] = FhirCodeSystems.Snomed,
        ["LOINC"] = FhirCodeSystems.Loinc,
        ["RxNorm"] = FhirCodeSystems.RxNorm,
        ["CPT"] = FhirCodeSystems.Cpt,
    };

    private readonly List<FhirMappingNote> _notes = [];
    private readonly Dictionary<(string System, string Code), string> _standard = BuildStandardIndex(vocabulary);

    // What the case will carry.
    private double? _age;
    private string? _sex;
    private (bool Value, int Priority)? _pregnant;
    private readonly Dictionary<string, (FactValue Value, int Priority, DateTimeOffset? When)> _findings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Value, DateTimeOffset? When)> _labs = new(StringComparer.Ordinal);
    private List<string>? _conditions;
    private List<string>? _allergies;
    private List<string>? _devices;
    private List<string>? _goals;
    private Dictionary<string, MedicationEntry>? _medications;
    private List<ProcedureEntry>? _procedures;

    // Observations that report a procedure's relief (Observation.partOf → Procedure), by procedure key.
    private readonly Dictionary<string, List<(string Attribute, double Value, string Where)>> _procedureOutcomes = new(StringComparer.Ordinal);

    // The procedure-outcome codes of the PlanRules vocabulary system that are attributes, not facts (see FhirCodeSystems.Vocabulary).
    private static readonly IReadOnlyDictionary<string, string> ProcedureOutcomeCodes = new[] { "procedure.reliefPercent", "procedure.reliefWeeks" }
        .ToDictionary(c => c, StringComparer.Ordinal);

    private HashSet<string> _patientKeys = new(StringComparer.Ordinal);
    private Bundle _bundle = new();

    private static Dictionary<(string, string), string> BuildStandardIndex(Vocabulary vocabulary)
    {
        var index = new Dictionary<(string, string), string>();
        foreach (var fact in vocabulary.Facts)
        {
            foreach (var (name, code) in fact.StandardCodes)
            {
                if (StandardSystems.TryGetValue(name, out var system)) index.TryAdd((system, code), fact.Name);
            }
        }
        return index;
    }

    public FhirImportResult Map(Bundle bundle, string? caseId)
    {
        _bundle = bundle;
        if (bundle.Identifier is not null) Note(FhirMappingOutcome.Dropped, "Bundle", "Bundle.identifier", null, "bundle identifier not used");

        var entries = bundle.Entry.Select((e, i) => (Entry: e, Label: (e.Resource?.TypeName ?? "entry") + " (entry " + i.ToString(Invariant) + ")")).ToList();
        var patients = entries.Where(e => e.Entry.Resource is Patient).ToList();
        if (patients.Count > 1)
        {
            Note(FhirMappingOutcome.Invalid, "Bundle", "Bundle.entry", null, "the bundle holds " + patients.Count.ToString(Invariant) + " Patient resources; a case is about one patient, so nothing was mapped");
            return new FhirImportResult(null, _notes.AsReadOnly());
        }
        if (patients.Count == 1)
        {
            var (entry, label) = patients[0];
            var patient = (Patient)entry.Resource!;
            if (entry.FullUrl is { Length: > 0 } url) _patientKeys.Add(url);
            if (patient.Id is { Length: > 0 } id) { _patientKeys.Add("Patient/" + id); _patientKeys.Add(id); }
            MapPatient(patient, label);
        }
        else
        {
            Note(FhirMappingOutcome.Unmapped, "Bundle", "Bundle.entry", null, "no Patient resource: age, sex and pregnancy are unknown");
        }

        // Procedures' relief observations are collected first, so that the procedures can pick them up.
        foreach (var (entry, label) in entries)
        {
            if (entry.Resource is Observation o && o.PartOf.Count > 0) CollectProcedureOutcome(o, label);
        }

        foreach (var (entry, label) in entries)
        {
            switch (entry.Resource as Resource)
            {
                case null:
                    Note(FhirMappingOutcome.Unmapped, label, "Bundle.entry.resource", null, "entry without a resource");
                    break;
                case Patient:
                    break;
                case Observation o when o.PartOf.Count > 0:
                    break; // reported with its procedure
                case Observation o:
                    if (ForThisPatient(o.Subject, label)) MapObservation(o, label);
                    break;
                case Condition c:
                    if (ForThisPatient(c.Subject, label)) MapCondition(c, label);
                    break;
                case MedicationStatement ms:
                    if (ForThisPatient(ms.Subject, label)) MapMedicationStatement(ms, label);
                    break;
                case MedicationRequest mr:
                    if (ForThisPatient(mr.Subject, label)) MapMedicationRequest(mr, label);
                    break;
                case MedicationAdministration ma:
                    if (ForThisPatient(ma.Subject, label)) MapMedicationAdministration(ma, label);
                    break;
                case Medication:
                    Note(FhirMappingOutcome.Dropped, label, null, null, "a Medication is read only through the medication resources that refer to it");
                    break;
                case AllergyIntolerance a:
                    if (ForThisPatient(a.Patient, label)) MapAllergy(a, label);
                    break;
                case Procedure p:
                    if (ForThisPatient(p.Subject, label)) MapProcedure(p, entry.FullUrl, label);
                    break;
                case Goal g:
                    if (ForThisPatient(g.Subject, label)) MapGoal(g, label);
                    break;
                case Device d:
                    if (ForThisPatient(d.Patient, label)) MapDevice(d, label);
                    break;
                case { } other:
                    Note(FhirMappingOutcome.Unmapped, label, null, null, "no mapping for " + other.TypeName + " resources; not used");
                    break;
            }
        }

        foreach (var (key, outcomes) in _procedureOutcomes)
        {
            foreach (var (_, _, where) in outcomes)
                Note(FhirMappingOutcome.Unmapped, where, "Observation.partOf", null, "the procedure it reports on is not in the bundle");
        }

        return Build(caseId);
    }

    // ---------------------------------------------------------------- Patient

    private void MapPatient(Patient patient, string label)
    {
        void Drop(string element, int count, string why)
        {
            if (count > 0) Note(FhirMappingOutcome.Dropped, label, "Patient." + element, null, why);
        }
        Drop("id", patient.Id is null ? 0 : 1, "the resource id is not copied into the case");
        Drop("identifier", patient.Identifier.Count, Count(patient.Identifier.Count, "identifier") + " dropped (" + ValueShape.IdentifierKinds(patient.Identifier) + "): a case carries no identifiers");
        Drop("name", patient.Name.Count, Count(patient.Name.Count, "name") + " dropped: a case carries no names");
        Drop("telecom", patient.Telecom.Count, Count(patient.Telecom.Count, "contact point") + " dropped (" + TelecomKinds(patient.Telecom) + "): a case carries no phone numbers or e-mail addresses");
        Drop("address", patient.Address.Count, Count(patient.Address.Count, "address", "addresses") + " dropped: a case carries no addresses");
        Drop("photo", patient.Photo.Count, "photo dropped");
        Drop("contact", patient.Contact.Count, Count(patient.Contact.Count, "contact person") + " dropped");
        Drop("communication", patient.Communication.Count, "languages not used");
        Drop("generalPractitioner", patient.GeneralPractitioner.Count, "care providers not used");
        Drop("managingOrganization", patient.ManagingOrganization is null ? 0 : 1, "organization not used");
        Drop("link", patient.Link.Count, "links to other patient records dropped");
        Drop("maritalStatus", patient.MaritalStatus is null ? 0 : 1, "marital status not used");
        Drop("multipleBirth[x]", patient.MultipleBirth is null ? 0 : 1, "multiple birth not used");
        Drop("deceased[x]", patient.Deceased is null ? 0 : 1, "deceased status not used");
        Drop("extension", patient.Extension.Count, Count(patient.Extension.Count, "extension") + " not used (e.g. race, ethnicity, birth place)");
        Drop("text", patient.Text is null ? 0 : 1, "the narrative is not read: it may repeat identifying data");

        var gender = Literal(patient.Gender);
        switch (gender)
        {
            case "female" or "male" or "other":
                _sex = gender;
                Note(FhirMappingOutcome.Mapped, label, "Patient.gender", "patient.sex", "administrative gender '" + gender + "'");
                break;
            case null:
                Note(FhirMappingOutcome.Unmapped, label, "Patient.gender", null, "no gender: sex is unknown");
                break;
            default:
                Note(FhirMappingOutcome.Unmapped, label, "Patient.gender", null, "gender 'unknown': sex is unknown");
                break;
        }

        if (patient.BirthDate is { Length: > 0 } birth)
        {
            var (age, precision) = AgeAt(birth);
            if (age is null)
            {
                Note(FhirMappingOutcome.Invalid, label, "Patient.birthDate", null, "the birth date is not a valid FHIR date; age unknown; the date was dropped");
            }
            else if (age < 0)
            {
                Note(FhirMappingOutcome.Invalid, label, "Patient.birthDate", null, "the birth date is after asOf; age unknown; the date was dropped");
            }
            else
            {
                _age = age;
                Note(FhirMappingOutcome.Mapped, label, "Patient.birthDate", "patient.ageYears",
                    "age in whole years at asOf" + (precision.Length == 0 ? "" : " " + precision) + "; the birth date itself was dropped");
            }
        }
        else
        {
            Note(FhirMappingOutcome.Unmapped, label, "Patient.birthDate", null, "no birth date: age unknown");
        }
    }

    private (double? Age, string Precision) AgeAt(string birthDate)
    {
        var parts = birthDate.Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, Invariant, out var year)) return (null, "");
        var month = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, Invariant, out var m) ? m : 0;
        var day = parts.Length > 2 && int.TryParse(parts[2].AsSpan(0, Math.Min(2, parts[2].Length)), NumberStyles.None, Invariant, out var d) ? d : 0;
        var today = DateOnly.FromDateTime(asOf.UtcDateTime);
        try
        {
            // Partial dates: the age is computed from the middle of the year or month and reported as approximate.
            var born = new DateOnly(year, month == 0 ? 7 : month, day == 0 ? (month == 0 ? 1 : 15) : day);
            var age = today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0);
            var precision = month == 0 ? "(approximate: the birth date gives only the year)" : day == 0 ? "(approximate: the birth date gives only the year and month)" : "";
            return (age, precision.Length == 0 ? "" : precision);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, "");
        }
    }

    // ---------------------------------------------------------------- Observations

    private void MapObservation(Observation o, string label)
    {
        var status = Literal(o.Status);
        if (status is "cancelled" or "entered-in-error" or "registered")
        {
            Note(FhirMappingOutcome.Dropped, label, "Observation.status", null, "status '" + status + "': not a usable result");
            return;
        }
        var (fact, implied, how) = Resolve(o.Code);
        if (fact is null)
        {
            Note(FhirMappingOutcome.Unmapped, label, "Observation.code", null, "no mapping for " + ValueShape.Concept(o.Code));
            return;
        }
        if (!vocabulary.TryGetFact(fact, out var definition))
        {
            Note(FhirMappingOutcome.Unmapped, label, "Observation.code", null, how + " names '" + fact + "', which this vocabulary does not define");
            return;
        }
        var section = definition.Section;
        if (section is not ("finding" or "lab" or "patient"))
        {
            Note(FhirMappingOutcome.Unmapped, label, "Observation.code", null, how + " names '" + fact + "', which is not a finding, lab or patient fact; use the matching resource type");
            return;
        }
        var when = EffectiveTime(o.Effective);
        string? problem = null;
        var value = implied ?? ValueOf(o.Value, definition, out problem);
        if (value is null)
        {
            Note(problem is null ? FhirMappingOutcome.Unmapped : FhirMappingOutcome.Invalid, label, "Observation.value[x]", null, (problem ?? "no usable value") + " for " + fact);
            return;
        }
        switch (section)
        {
            case "patient" when fact == "patient.pregnant":
                SetPregnant(value.BooleanValue, 2, label, "Observation.value[x]", how);
                break;
            case "patient":
                Note(FhirMappingOutcome.Unmapped, label, "Observation.code", null, fact + " is taken from the Patient resource, not from an Observation");
                break;
            case "lab":
                if (_labs.TryGetValue(definition.Code, out var earlier) && Later(earlier.When, when))
                {
                    Note(FhirMappingOutcome.Dropped, label, "Observation.value[x]", fact, "an observation with a later time was kept");
                    return;
                }
                _labs[definition.Code] = (value.NumberValue, when);
                Note(FhirMappingOutcome.Mapped, label, "Observation.value[x]", fact, how + (when is null ? "; no effective time" : ""));
                break;
            default:
                SetFinding(definition.Code, value, 2, when, label, "Observation.value[x]", how);
                break;
        }
    }

    private static FactValue? ValueOf(DataType? value, FactDefinition definition, out string? problem)
    {
        problem = null;
        switch (definition.Type)
        {
            case FactType.Number:
            {
                double? number = value switch
                {
                    Quantity q when q.Value is { } v => (double)v,
                    Integer i when i.Value is { } v => v,
                    FhirDecimal d when d.Value is { } v => (double)d.Value!.Value,
                    _ => null,
                };
                if (number is null) { problem = value is null ? null : "a " + value.TypeName + " value is not a number"; return null; }
                if (value is Quantity quantity && !UnitFits(quantity, definition))
                {
                    problem = "the unit (" + ValueShape.TextOf(quantity.Code ?? quantity.Unit) + ") does not match the vocabulary's unit '" + definition.Unit + "'";
                    return null;
                }
                if (definition.Min is { } min && number < min || definition.Max is { } max && number > max)
                {
                    problem = "the value is outside " + definition.Min?.ToString(Invariant) + "–" + definition.Max?.ToString(Invariant);
                    return null;
                }
                return FactValue.Number(number.Value);
            }
            case FactType.Boolean:
                if (value is FhirBoolean b && b.Value is { } flag) return FactValue.Boolean(flag);
                if (value is CodeableConcept status && definition.Name == "patient.pregnant")
                {
                    if (status.Coding.Any(c => c.System == FhirCodeSystems.Snomed && c.Code == LocalCodeMap.SnomedPregnant)) return FactValue.Boolean(true);
                    if (status.Coding.Any(c => c.System == FhirCodeSystems.Snomed && c.Code == LocalCodeMap.SnomedNotPregnant)) return FactValue.Boolean(false);
                    problem = "the pregnancy status (" + ValueShape.Concept(status) + ") is neither 'Pregnant' nor 'Not pregnant'";
                    return null;
                }
                problem = value is null ? null : "a " + value.TypeName + " value is not a boolean";
                return null;
            default:
            {
                var word = value switch
                {
                    FhirString s => s.Value,
                    Code c => c.Value,
                    CodeableConcept cc => cc.Coding.FirstOrDefault(c => c.System == FhirCodeSystems.Words && definition.Words.Contains(c.Code ?? ""))?.Code,
                    _ => null,
                };
                if (word is null) { problem = value is null ? null : "a " + value.TypeName + " value is not one of the words " + string.Join(", ", definition.Words); return null; }
                if (!definition.Words.Contains(word, StringComparer.Ordinal)) { problem = ValueShape.TextOf(word) + " is not one of " + string.Join(", ", definition.Words); return null; }
                return FactValue.Word(word);
            }
        }
    }

    private static bool UnitFits(Quantity quantity, FactDefinition definition)
    {
        var unit = (quantity.Code ?? quantity.Unit ?? "").Trim();
        if (unit.Length == 0 || definition.Unit is null || unit == definition.Unit) return true;
        return definition.Unit switch
        {
            "x10^9/L" => unit is "10*9/L" or "10*3/uL" or "10^9/L" or "x10^9/L" or "10*3/mm3" or "K/uL",
            "percent" => unit is "%" or "percent",
            "ratio" => unit is "{INR}" or "{ratio}" or "1",
            "0-10" => unit is "{score}" or "1" or "{0-10}" or "{Score}",
            "weeks" => unit is "wk" or "weeks",
            _ => true,
        };
    }

    private void SetFinding(string code, FactValue value, int priority, DateTimeOffset? when, string label, string element, string how)
    {
        var fact = "finding." + code;
        if (_findings.TryGetValue(code, out var current))
        {
            if (current.Priority > priority || current.Priority == priority && Later(current.When, when))
            {
                var why = current.Value.Equals(value) ? "the same value was already mapped" : "kept " + current.Value + " from a " + (current.Priority > priority ? "direct observation" : "later observation") + " instead of " + value;
                Note(FhirMappingOutcome.Dropped, label, element, fact, why);
                return;
            }
        }
        _findings[code] = (value, priority, when);
        Note(FhirMappingOutcome.Mapped, label, element, fact, how + " → " + value);
    }

    private void SetPregnant(bool value, int priority, string label, string element, string how)
    {
        if (_pregnant is { } current && current.Priority > priority)
        {
            Note(FhirMappingOutcome.Dropped, label, element, "patient.pregnant", "a pregnancy status observation was kept instead");
            return;
        }
        _pregnant = (value, priority);
        Note(FhirMappingOutcome.Mapped, label, element, "patient.pregnant", how + " → " + (value ? "true" : "false"));
    }

    // ---------------------------------------------------------------- Conditions

    private void MapCondition(Condition c, string label)
    {
        _conditions ??= [];
        var clinical = c.ClinicalStatus?.Coding.FirstOrDefault()?.Code;
        var verification = c.VerificationStatus?.Coding.FirstOrDefault()?.Code;
        if (verification is "refuted" or "entered-in-error")
        {
            Note(FhirMappingOutcome.Dropped, label, "Condition.verificationStatus", null, "verification status '" + verification + "': not mapped");
            return;
        }
        if (clinical is "inactive" or "remission" or "resolved")
        {
            Note(FhirMappingOutcome.Dropped, label, "Condition.clinicalStatus", null, "clinical status '" + clinical + "': not a current condition");
            return;
        }
        var (fact, implied, how) = Resolve(c.Code);
        if (fact is null)
        {
            Note(FhirMappingOutcome.Unmapped, label, "Condition.code", null, "no mapping for " + ValueShape.Concept(c.Code));
            return;
        }
        var qualifier = (clinical is null ? "; no clinical status, taken as active" : "") + (verification is "provisional" or "differential" or "unconfirmed" ? "; verification status '" + verification + "' kept (unknown is not no)" : "");
        if (fact.StartsWith("condition.", StringComparison.Ordinal) && vocabulary.TryGetFact(fact, out var d))
        {
            if (!_conditions.Contains(d.Code, StringComparer.Ordinal)) _conditions.Add(d.Code);
            Note(FhirMappingOutcome.Mapped, label, "Condition.code", fact, how + qualifier);
        }
        else if (fact == "patient.pregnant")
        {
            SetPregnant(true, 1, label, "Condition.code", how + qualifier);
        }
        else if (fact.StartsWith("finding.", StringComparison.Ordinal) && implied is not null && vocabulary.TryGetFact(fact, out var f))
        {
            SetFinding(f.Code, implied, 1, null, label, "Condition.code", how + qualifier);
        }
        else
        {
            Note(FhirMappingOutcome.Unmapped, label, "Condition.code", null, how + " names '" + fact + "', which is not a condition this vocabulary defines");
        }
    }

    // ---------------------------------------------------------------- Medications

    private void MapMedicationStatement(MedicationStatement ms, string label)
    {
        var status = Literal(ms.Status);
        if (status is "entered-in-error" or "not-taken")
        {
            Note(FhirMappingOutcome.Dropped, label, "MedicationStatement.status", null, "status '" + status + "': not taken");
            _medications ??= [];
            return;
        }
        var lastDose = LastDoseExtension(ms) ?? ms.Effective switch
        {
            FhirDateTime dt => ParseTime(dt.Value),
            Period p when p.End is not null => ParseTime(p.End),
            _ => null,
        };
        AddMedication(ms.Medication, ms.Dosage.Select(x => x.Route).FirstOrDefault(r => r is not null), lastDose, status, label, "MedicationStatement");
    }

    private void MapMedicationRequest(MedicationRequest mr, string label)
    {
        var status = Literal(mr.Status);
        var intent = Literal(mr.Intent);
        if (status is "entered-in-error" or "cancelled" or "draft" or "completed" or "stopped" or "unknown")
        {
            Note(FhirMappingOutcome.Dropped, label, "MedicationRequest.status", null, "status '" + status + "': not a current prescription");
            _medications ??= [];
            return;
        }
        if (intent is "proposal" or "option")
        {
            Note(FhirMappingOutcome.Dropped, label, "MedicationRequest.intent", null, "intent '" + intent + "': not a prescription the patient takes");
            _medications ??= [];
            return;
        }
        AddMedication(mr.Medication, mr.DosageInstruction.Select(x => x.Route).FirstOrDefault(r => r is not null), LastDoseExtension(mr), status, label, "MedicationRequest");
    }

    private void MapMedicationAdministration(MedicationAdministration ma, string label)
    {
        var status = Literal(ma.Status);
        if (status is not "completed")
        {
            Note(FhirMappingOutcome.Dropped, label, "MedicationAdministration.status", null, "status '" + status + "': not a given dose");
            return;
        }
        var lastDose = ma.Effective switch
        {
            FhirDateTime dt => ParseTime(dt.Value),
            Period p => ParseTime(p.End ?? p.Start),
            _ => null,
        };
        AddMedication(ma.Medication, ma.Dosage?.Route, lastDose, status, label, "MedicationAdministration");
    }

    private DateTimeOffset? LastDoseExtension(DomainResource resource) =>
        resource.GetExtension(FhirCodeSystems.LastDoseExtension)?.Value is FhirDateTime dt ? ParseTime(dt.Value) : null;

    private void AddMedication(DataType? medication, CodeableConcept? route, DateTimeOffset? lastDose, string? status, string label, string type)
    {
        _medications ??= [];
        var concept = medication switch
        {
            CodeableConcept cc => cc,
            ResourceReference r => ResolveMedication(r),
            _ => null,
        };
        if (concept is null)
        {
            Note(FhirMappingOutcome.Unmapped, label, type + ".medication[x]", null, medication is ResourceReference ? "the referenced Medication is not in the bundle" : "no medication code");
            return;
        }
        var (fact, _, how) = Resolve(concept);
        if (fact is null && concept.Coding.Any(c => c.System == FhirCodeSystems.RxNorm && c.Code == LocalCodeMap.RxNormHeparin))
        {
            var routeCode = route?.Coding.FirstOrDefault(c => c.System == FhirCodeSystems.Snomed)?.Code;
            (fact, how) = routeCode switch
            {
                LocalCodeMap.SnomedIntravenous => ("medication.heparin_iv", "RxNorm 5224 (heparin) given intravenously (local mapping, not yet in the vocabulary)"),
                LocalCodeMap.SnomedSubcutaneous => ("medication.heparin_sc", "RxNorm 5224 (heparin) given subcutaneously (local mapping, not yet in the vocabulary)"),
                _ => (null, how),
            };
            if (fact is null)
            {
                Note(FhirMappingOutcome.Unmapped, label, type + ".dosage.route", null, "heparin without an intravenous or subcutaneous route (SNOMED CT 47625008 / 34206005): cannot tell heparin_iv from heparin_sc");
                return;
            }
        }
        if (fact is null || !fact.StartsWith("medication.", StringComparison.Ordinal) || !vocabulary.TryGetFact(fact, out var d))
        {
            Note(FhirMappingOutcome.Unmapped, label, type + ".medication[x]", null, fact is null ? "no mapping for " + ValueShape.Concept(concept) : how + " names '" + fact + "', which is not a medication this vocabulary defines");
            return;
        }
        double? hours = lastDose is { } t ? Math.Round((asOf - t).TotalHours, 1) : null;
        if (hours < 0)
        {
            Note(FhirMappingOutcome.Invalid, label, type + ".effective[x]", fact, "the last dose is after asOf; last dose unknown");
            hours = null;
        }
        if (status is "completed" or "stopped" && (hours is null || hours > StoppedMedicationHorizonHours))
        {
            Note(FhirMappingOutcome.Dropped, label, type + ".status", fact, "status '" + status + "' with " + (hours is null ? "no last dose" : "the last dose more than 30 days before asOf") + ": not taken now");
            return;
        }
        var entry = new MedicationEntry(d.Code) { LastDoseHoursAgo = hours };
        var lastDoseText = hours is null ? "; last dose unknown (no time of the last dose)" : "; last dose " + hours.Value.ToString("0.#", Invariant) + " hours before asOf";
        if (_medications.TryGetValue(d.Code, out var existing))
        {
            var keep = existing.LastDoseHoursAgo is null || hours is not null && hours < existing.LastDoseHoursAgo ? entry : existing;
            _medications[d.Code] = keep;
            Note(FhirMappingOutcome.Mapped, label, type + ".medication[x]", fact, how + lastDoseText + "; merged with an earlier entry, keeping the most recent last dose");
            return;
        }
        _medications[d.Code] = entry;
        var attributes = d.Code is "enoxaparin" or "dalteparin" or "heparin_sc" ? "; dose (prophylactic or therapeutic) is not read from FHIR: unknown"
            : d.Code == "aspirin" ? "; indication (primary or secondary prevention) is not read from FHIR: unknown" : "";
        Note(FhirMappingOutcome.Mapped, label, type + ".medication[x]", fact, how + lastDoseText + attributes);
    }

    private CodeableConcept? ResolveMedication(ResourceReference reference)
    {
        var target = reference.Reference;
        if (target is null) return null;
        foreach (var e in _bundle.Entry)
        {
            if (e.Resource is Medication m && (e.FullUrl == target || "Medication/" + m.Id == target)) return m.Code;
        }
        return null;
    }

    // ---------------------------------------------------------------- Allergies

    private void MapAllergy(AllergyIntolerance a, string label)
    {
        _allergies ??= [];
        var verification = a.VerificationStatus?.Coding.FirstOrDefault()?.Code;
        var clinical = a.ClinicalStatus?.Coding.FirstOrDefault()?.Code;
        if (verification is "refuted" or "entered-in-error")
        {
            Note(FhirMappingOutcome.Dropped, label, "AllergyIntolerance.verificationStatus", null, "verification status '" + verification + "': not mapped");
            return;
        }
        if (clinical is "inactive" or "resolved")
        {
            Note(FhirMappingOutcome.Dropped, label, "AllergyIntolerance.clinicalStatus", null, "clinical status '" + clinical + "': not a current allergy");
            return;
        }
        if (a.Code?.Coding.Any(c => c.System == FhirCodeSystems.Snomed && c.Code == LocalCodeMap.SnomedNoKnownAllergy) == true)
        {
            Note(FhirMappingOutcome.Mapped, label, "AllergyIntolerance.code", "allergy.*", "SNOMED CT 716186003 (no known allergy): the allergy list is a known none unless another allergy is recorded");
            return;
        }
        var (fact, _, how) = Resolve(a.Code);
        if (fact is null || !fact.StartsWith("allergy.", StringComparison.Ordinal) || !vocabulary.TryGetFact(fact, out var d))
        {
            Note(FhirMappingOutcome.Unmapped, label, "AllergyIntolerance.code", null, fact is null ? "no mapping for " + ValueShape.Concept(a.Code) : how + " names '" + fact + "', which is not an allergy this vocabulary defines");
            return;
        }
        if (!_allergies.Contains(d.Code, StringComparer.Ordinal)) _allergies.Add(d.Code);
        Note(FhirMappingOutcome.Mapped, label, "AllergyIntolerance.code", fact, how);
    }

    // ---------------------------------------------------------------- Procedures

    private void CollectProcedureOutcome(Observation o, string label)
    {
        var (fact, _, _) = Resolve(o.Code);
        var attribute = fact switch
        {
            "procedure.reliefPercent" => "reliefPercent",
            "procedure.reliefWeeks" => "reliefWeeks",
            _ => null,
        };
        if (attribute is null)
        {
            Note(FhirMappingOutcome.Unmapped, label, "Observation.code", null, "an observation part of a procedure is read only for relief (" + FhirCodeSystems.Vocabulary + "#procedure.reliefPercent or #procedure.reliefWeeks); found " + ValueShape.Concept(o.Code));
            return;
        }
        double? value = o.Value switch
        {
            Quantity q when q.Value is { } v => (double)v,
            Integer i when i.Value is { } v => v,
            FhirDecimal d when d.Value is { } v => (double)v,
            _ => null,
        };
        if (value is null)
        {
            Note(FhirMappingOutcome.Unmapped, label, "Observation.value[x]", null, "no numeric value for procedure " + attribute);
            return;
        }
        foreach (var part in o.PartOf)
        {
            if (part.Reference is { Length: > 0 } key)
            {
                if (!_procedureOutcomes.TryGetValue(key, out var list)) _procedureOutcomes[key] = list = [];
                list.Add((attribute, value.Value, label));
            }
        }
    }

    private void MapProcedure(Procedure p, string? fullUrl, string label)
    {
        _procedures ??= [];
        var status = Literal(p.Status);
        var outcomes = TakeOutcomes(fullUrl, p.Id);
        if (status is not "completed")
        {
            Note(FhirMappingOutcome.Dropped, label, "Procedure.status", null, "status '" + status + "': only completed procedures count as earlier procedures");
            foreach (var o in outcomes) Note(FhirMappingOutcome.Dropped, o.Where, "Observation.partOf", null, "reports on a procedure that was not mapped");
            return;
        }
        // Named from our own table (the key, not the input's string).
        var cptCodes = p.Code?.Coding.Where(c => c.System == FhirCodeSystems.Cpt).Select(c => c.Code).ToHashSet(StringComparer.Ordinal) ?? [];
        var ambiguous = LocalCodeMap.AmbiguousCpt.FirstOrDefault(e => cptCodes.Contains(e.Key));
        var (fact, _, how) = Resolve(p.Code);
        if (fact is null && ambiguous.Key is not null)
        {
            Note(FhirMappingOutcome.Unmapped, label, "Procedure.code", null, "CPT " + ambiguous.Key + " can be " + ambiguous.Value + "; add a " + FhirCodeSystems.Vocabulary + " coding to say which");
            foreach (var o in outcomes) Note(FhirMappingOutcome.Dropped, o.Where, "Observation.partOf", null, "reports on a procedure that was not mapped");
            return;
        }
        if (fact is null || !fact.StartsWith("procedure.", StringComparison.Ordinal) || !vocabulary.TryGetFact(fact, out var d))
        {
            Note(FhirMappingOutcome.Unmapped, label, "Procedure.code", null, fact is null ? "no mapping for " + ValueShape.Concept(p.Code) : how + " names '" + fact + "', which is not an intervention of this catalog");
            foreach (var o in outcomes) Note(FhirMappingOutcome.Dropped, o.Where, "Observation.partOf", null, "reports on a procedure that was not mapped");
            return;
        }
        var performed = p.Performed switch
        {
            FhirDateTime dt => ParseTime(dt.Value),
            Period period => ParseTime(period.End ?? period.Start),
            _ => null,
        };
        double? weeksAgo = performed is { } t ? Math.Round((asOf - t).TotalDays / 7, 1) : null;
        if (weeksAgo < 0) { Note(FhirMappingOutcome.Invalid, label, "Procedure.performed[x]", fact, "performed after asOf; weeks ago unknown"); weeksAgo = null; }

        double? relief = ExtensionNumber(p, FhirCodeSystems.ReliefPercentExtension);
        double? reliefWeeks = ExtensionNumber(p, FhirCodeSystems.ReliefWeeksExtension);
        var from = new List<string>();
        if (relief is not null) from.Add("relief percent from the relief-percent extension");
        if (reliefWeeks is not null) from.Add("relief weeks from the relief-weeks extension");
        foreach (var (attribute, value, where) in outcomes)
        {
            if (attribute == "reliefPercent" && relief is null) { relief = value; from.Add("relief percent from " + where); }
            else if (attribute == "reliefWeeks" && reliefWeeks is null) { reliefWeeks = value; from.Add("relief weeks from " + where); }
            Note(FhirMappingOutcome.Mapped, where, "Observation.value[x]", fact + "." + attribute, "relief reported for " + label);
        }
        if (relief is < 0 or > 100) { Note(FhirMappingOutcome.Invalid, label, "Procedure.extension", fact, "relief percent outside 0–100; relief unknown"); relief = null; from.RemoveAll(f => f.StartsWith("relief percent", StringComparison.Ordinal)); }
        if (reliefWeeks is < 0) { Note(FhirMappingOutcome.Invalid, label, "Procedure.extension", fact, "negative relief weeks; unknown"); reliefWeeks = null; from.RemoveAll(f => f.StartsWith("relief weeks", StringComparison.Ordinal)); }
        if (p.Outcome is not null && relief is null)
            Note(FhirMappingOutcome.Unmapped, label, "Procedure.outcome", null, "the outcome concept is not interpreted; give relief with the relief-percent extension or an Observation part of the procedure");

        _procedures.Add(new ProcedureEntry(d.Code) { WeeksAgo = weeksAgo, ReliefPercent = relief, ReliefWeeks = reliefWeeks });
        var detail = (weeksAgo is null ? "; weeks ago unknown (no performed time)" : "; " + weeksAgo.Value.ToString("0.#", Invariant) + " weeks before asOf")
                     + (from.Count > 0 ? "; " + string.Join(", ", from) : "; relief unknown");
        Note(FhirMappingOutcome.Mapped, label, "Procedure.code", fact, how + detail);
    }

    private List<(string Attribute, double Value, string Where)> TakeOutcomes(string? fullUrl, string? id)
    {
        var found = new List<(string, double, string)>();
        foreach (var key in new[] { fullUrl, id is null ? null : "Procedure/" + id })
        {
            if (key is not null && _procedureOutcomes.Remove(key, out var list)) found.AddRange(list);
        }
        return found;
    }

    private static double? ExtensionNumber(DomainResource resource, string url) => resource.GetExtension(url)?.Value switch
    {
        FhirDecimal d when d.Value is { } v => (double)v,
        Integer i when i.Value is { } v => v,
        Quantity q when q.Value is { } v => (double)v,
        _ => null,
    };

    // ---------------------------------------------------------------- Goals and devices

    private void MapGoal(Goal g, string label)
    {
        _goals ??= [];
        var status = Literal(g.LifecycleStatus);
        if (status is "completed" or "cancelled" or "entered-in-error" or "rejected")
        {
            Note(FhirMappingOutcome.Dropped, label, "Goal.lifecycleStatus", null, "status '" + status + "': not a current goal");
            return;
        }
        var (fact, _, how) = Resolve(g.Description);
        if (fact is null || !fact.StartsWith("goal.", StringComparison.Ordinal) || !vocabulary.TryGetFact(fact, out var d))
        {
            Note(FhirMappingOutcome.Unmapped, label, "Goal.description", null, fact is null ? "no mapping for " + ValueShape.Concept(g.Description) + " (goals map from " + FhirCodeSystems.Vocabulary + " codes such as goal.return_to_work)" : how + " names '" + fact + "', which is not a goal this vocabulary defines");
            return;
        }
        if (!_goals.Contains(d.Code, StringComparer.Ordinal)) _goals.Add(d.Code);
        Note(FhirMappingOutcome.Mapped, label, "Goal.description", fact, how);
    }

    private void MapDevice(Device d, string label)
    {
        _devices ??= [];
        var status = Literal(d.Status);
        if (status is "inactive" or "entered-in-error")
        {
            Note(FhirMappingOutcome.Dropped, label, "Device.status", null, "status '" + status + "': not an implanted device now");
            return;
        }
        var kinds = new List<string>();
        if (d.Identifier.Count > 0) kinds.Add(Count(d.Identifier.Count, "identifier") + " (" + ValueShape.IdentifierKinds(d.Identifier) + ")");
        if (d.UdiCarrier.Count > 0) kinds.Add(Count(d.UdiCarrier.Count, "UDI carrier"));
        if (d.SerialNumber is not null) kinds.Add("a serial number");
        if (d.LotNumber is not null) kinds.Add("a lot number");
        if (kinds.Count > 0)
            Note(FhirMappingOutcome.Dropped, label, "Device.identifier", null, "device identifiers dropped: " + string.Join(", ", kinds));
        var (fact, _, how) = Resolve(d.Type);
        if (fact is null || !fact.StartsWith("device.", StringComparison.Ordinal) || !vocabulary.TryGetFact(fact, out var def))
        {
            Note(FhirMappingOutcome.Unmapped, label, "Device.type", null, fact is null ? "no mapping for " + ValueShape.Concept(d.Type) : how + " names '" + fact + "', which is not a device this vocabulary defines");
            return;
        }
        if (!_devices.Contains(def.Code, StringComparer.Ordinal)) _devices.Add(def.Code);
        Note(FhirMappingOutcome.Mapped, label, "Device.type", fact, how);
    }

    // ---------------------------------------------------------------- Codes, references, times

    /// <summary>The fact a concept maps to: the vocabulary's standard codes, then the local table, then the PlanRules vocabulary system.</summary>
    private (string? Fact, FactValue? Implied, string How) Resolve(CodeableConcept? concept)
    {
        if (concept is null) return (null, null, "");
        foreach (var coding in concept.Coding)
        {
            if (coding.System is null || coding.Code is null) continue;
            if (_standard.TryGetValue((coding.System, coding.Code), out var fact))
                return (fact, null, ValueShape.SystemName(coding.System) + " " + coding.Code + " (vocabulary code of " + fact + ")");
        }
        foreach (var coding in concept.Coding)
        {
            if (coding.System is null || coding.Code is null) continue;
            if (LocalCodeMap.Entries.TryGetValue((coding.System, coding.Code), out var local))
                return (local.Fact, local.Value, ValueShape.SystemName(coding.System) + " " + coding.Code + " (" + local.Display + "; local mapping, not yet in the vocabulary)");
        }
        foreach (var coding in concept.Coding)
        {
            // Only a fact the vocabulary defines is named; any other code in this system is input, not vocabulary.
            if (coding.System != FhirCodeSystems.Vocabulary || coding.Code is not { Length: > 0 } code) continue;
            if (vocabulary.TryGetFact(code, out var defined)) return (defined.Name, null, "PlanRules vocabulary code " + defined.Name);
            if (ProcedureOutcomeCodes.TryGetValue(code, out var own)) return (own, null, "PlanRules vocabulary code " + own);
        }
        return (null, null, "");
    }

    // Contact points by their system (phone, email, …: FHIR's own value set), never their value.
    private static string TelecomKinds(IEnumerable<ContactPoint> telecom) =>
        string.Join(", ", telecom.Select(t => Literal(t.System) ?? "unknown kind").GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.Key : g.Count().ToString(Invariant) + " × " + g.Key));

    private bool ForThisPatient(ResourceReference? subject, string label)
    {
        if (subject?.Reference is not { Length: > 0 } reference || _patientKeys.Count == 0 || _patientKeys.Contains(reference)) return true;
        Note(FhirMappingOutcome.Dropped, label, null, null, "refers to a patient other than the bundle's Patient; not used");
        return false;
    }

    private static DateTimeOffset? EffectiveTime(DataType? effective) => effective switch
    {
        FhirDateTime dt => ParseTime(dt.Value),
        Period p => ParseTime(p.End ?? p.Start),
        Instant i => i.Value,
        _ => null,
    };

    /// <summary>A FHIR dateTime; a date without a time is taken at its start, in UTC.</summary>
    internal static DateTimeOffset? ParseTime(string? value)
    {
        if (value is null) return null;
        string[] formats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];
        if (DateTimeOffset.TryParseExact(value, formats, Invariant, DateTimeStyles.AssumeUniversal, out var partial)) return partial;
        return DateTimeOffset.TryParse(value, Invariant, DateTimeStyles.AssumeUniversal, out var full) ? full : null;
    }

    private static bool Later(DateTimeOffset? kept, DateTimeOffset? candidate) => kept is not null && (candidate is null || kept > candidate);

    private static string? Literal(Enum? value) => value is null ? null : value.GetLiteral();

    private static string Count(int n, string noun, string? plural = null) =>
        n.ToString(Invariant) + " " + (n == 1 ? noun : plural ?? noun + "s");

    private void Note(FhirMappingOutcome outcome, string resource, string? element, string? target, string message) =>
        _notes.Add(new FhirMappingNote(outcome, resource, element, target, message));

    // ---------------------------------------------------------------- The case

    private FhirImportResult Build(string? caseId)
    {
        if (_allergies is null && _notes.Any(n => n.Target == "allergy.*")) _allergies = [];
        var patientCase = new PatientCase
        {
            CaseId = caseId,
            Patient = new PatientInfo { AgeYears = _age, Sex = _sex, Pregnant = _pregnant?.Value },
            Findings = _findings.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value.Value, StringComparer.Ordinal),
            Labs = _labs.OrderBy(l => l.Key, StringComparer.Ordinal).ToDictionary(l => l.Key, l => l.Value.Value, StringComparer.Ordinal),
            History = new CaseHistory
            {
                Conditions = _conditions,
                Medications = _medications?.Values.ToList(),
                Allergies = _allergies,
                Devices = _devices,
                Procedures = _procedures,
            },
            Goals = _goals,
        };
        foreach (var (list, type) in new[] { (_conditions, "Condition"), (_allergies, "AllergyIntolerance"), (_devices, "Device"), (_goals, "Goal") })
        {
            if (list is null) Note(FhirMappingOutcome.Unmapped, "Bundle", null, null, "no " + type + " resources: that list is unknown (not \"none\")");
        }
        if (_medications is null) Note(FhirMappingOutcome.Unmapped, "Bundle", null, null, "no medication resources: the medication list is unknown (not \"none\")");
        if (_procedures is null) Note(FhirMappingOutcome.Unmapped, "Bundle", null, null, "no Procedure resources: earlier procedures are unknown (not \"none\")");

        var problems = patientCase.Validate(vocabulary).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (problems.Count > 0)
        {
            // By diagnostic code only: a validation message may quote the value it refused.
            foreach (var p in problems) Note(FhirMappingOutcome.Invalid, "Case", null, null, "the mapped case fails validation (" + p.Code + ")");
            return new FhirImportResult(null, _notes.AsReadOnly());
        }
        return new FhirImportResult(patientCase, _notes.AsReadOnly());
    }
}
