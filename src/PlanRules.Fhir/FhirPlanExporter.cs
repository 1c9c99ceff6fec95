using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PlanRules.Plans;
using PlanRules.Rules;
using FhirTask = Hl7.Fhir.Model.Task;

namespace PlanRules.Fhir;

/// <summary>
/// Writes a plan as FHIR R4 resources in a <c>collection</c> Bundle:
/// <list type="bullet">
/// <item>one <see cref="RequestGroup"/> (status <c>draft</c>, intent <c>proposal</c>): an <c>urgent</c> action per referral; a group
/// of the candidates as alternatives (selection <c>at-most-one</c>), best first, each with its code, strength, rank and rationale
/// (the proposing rules' titles as <c>justification</c> related artifacts carrying their evidence) and, when it has
/// prerequisites, the prerequisites as proposed <see cref="FhirTask"/>s before it; an action per companion. Every action
/// proposes a resource (R4 invariant rqg-1): a draft <see cref="ServiceRequest"/> with intent <c>proposal</c>;</item>
/// <item>a <see cref="DetectedIssue"/> per warning (severity <c>high</c>/<c>moderate</c>/<c>low</c> from
/// <c>critical</c>/<c>warning</c>/<c>info</c>) and per exclusion reason (severity <c>high</c>: an absolute contraindication);</item>
/// <item>a <see cref="FhirTask"/> (status <c>requested</c>, intent <c>proposal</c>) per missing fact;</item>
/// <item>a <see cref="Device"/> standing for PlanRules and a <see cref="Provenance"/> that targets every resource above and names
/// the rule set's name, version and SHA-256.</item>
/// </list>
/// Ids are name-based UUIDs of the plan's content, so the same plan and options give the same bundle, byte for byte.
/// No patient identifier is written; a subject is set only when the host passes <see cref="FhirExportOptions.PatientReference"/>.
/// Stateless and thread-safe.
/// </summary>
public static class FhirPlanExporter
{
    /// <summary>The plan as a Bundle.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="rules">The rule set that made it (rule titles and evidence for the rationale).</param>
    /// <param name="options">When the plan was made, and the optional patient reference.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public static Bundle ToBundle(TreatmentPlan plan, RuleSet rules, FhirExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        return new Writer(plan, rules, options).Write();
    }

    /// <summary>The plan as a Bundle in FHIR JSON (indented).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="rules">The rule set that made it.</param>
    /// <param name="options">When the plan was made, and the optional patient reference.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public static string ToJson(TreatmentPlan plan, RuleSet rules, FhirExportOptions options) =>
        ToBundle(plan, rules, options).ToJson(pretty: true).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary><c>critical</c> → <c>high</c>, <c>warning</c> → <c>moderate</c>, anything else → <c>low</c>.</summary>
    /// <param name="severity">A plan warning's severity.</param>
    public static DetectedIssue.DetectedIssueSeverity SeverityOf(string severity) => severity switch
    {
        "critical" => DetectedIssue.DetectedIssueSeverity.High,
        "warning" => DetectedIssue.DetectedIssueSeverity.Moderate,
        _ => DetectedIssue.DetectedIssueSeverity.Low,
    };

    private sealed class Writer(TreatmentPlan plan, RuleSet rules, FhirExportOptions options)
    {
        private readonly IReadOnlyDictionary<string, Rule> _rules = RuleText.Index(rules);
        private readonly string _recorded = new FhirDateTime(options.Recorded).Value ?? throw new ArgumentException("Recorded is not a valid date and time.", nameof(options));
        private readonly List<(string Url, Resource Resource)> _entries = [];

        public Bundle Write()
        {
            var seed = plan.RuleSet.Sha256 + "|" + plan.CaseId + "|" + plan.ToJson();
            var requestGroupUrl = Reserve(seed, "RequestGroup");
            var requestGroup = RequestGroup(seed);
            Place(requestGroupUrl, requestGroup);

            var n = 0;
            foreach (var warning in plan.Warnings) Add(seed, "DetectedIssue/w" + n++, WarningIssue(warning, requestGroupUrl));
            n = 0;
            foreach (var exclusion in plan.Excluded)
            {
                foreach (var reason in exclusion.Reasons) Add(seed, "DetectedIssue/x" + n++, ExclusionIssue(exclusion, reason, requestGroupUrl));
            }
            n = 0;
            foreach (var missing in plan.MissingInformation) Add(seed, "Task/" + n++, MissingTask(missing, requestGroupUrl));

            var targets = _entries.Select(e => e.Url).ToList();
            var device = new Device
            {
                Id = DeterministicId.For(seed, "Device").ToString("D"),
                Status = Device.FHIRDeviceStatus.Active,
                DeviceName = [new Device.DeviceNameComponent { Name = "PlanRules", Type = DeviceNameType.UserFriendlyName }],
                Type = new CodeableConcept { Text = "Clinical decision support rule engine" },
                Version = [new Device.VersionComponent { Type = new CodeableConcept { Text = "rule set " + plan.RuleSet.Name }, Value = plan.RuleSet.Version }],
            };
            var deviceUrl = Add(seed, "Device", device);
            Add(seed, "Provenance", new Provenance
            {
                Target = targets.Select(t => new ResourceReference(t)).ToList(),
                RecordedElement = new Instant(options.Recorded),
                Policy = ["urn:planrules:ruleset:" + plan.RuleSet.Name + ":" + plan.RuleSet.Version],
                Activity = new CodeableConcept { Text = "Treatment plan made by PlanRules" },
                Agent =
                [
                    new Provenance.AgentComponent
                    {
                        Type = new CodeableConcept(FhirProvenanceAgentType, "assembler", "Assembler"),
                        Who = new ResourceReference(deviceUrl) { Display = "PlanRules" },
                    },
                ],
                Entity =
                [
                    new Provenance.EntityComponent
                    {
                        Role = Provenance.ProvenanceEntityRole.Source,
                        What = new ResourceReference
                        {
                            Display = "Rule set " + plan.RuleSet.Name + " version " + plan.RuleSet.Version + " (SHA-256 " + plan.RuleSet.Sha256 + ")",
                            Identifier = new Identifier("urn:planrules:ruleset-sha256", plan.RuleSet.Sha256),
                        },
                    },
                ],
            });

            var bundle = new Bundle
            {
                Id = DeterministicId.For(seed, "Bundle").ToString("D"),
                Type = Bundle.BundleType.Collection,
                TimestampElement = new Instant(options.Recorded),
                Entry = _entries.Select(e => new Bundle.EntryComponent { FullUrl = e.Url, Resource = e.Resource }).ToList(),
            };
            return bundle;
        }

        private const string FhirProvenanceAgentType = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

        // The RequestGroup comes first in the bundle, but its actions' resources are made while it is built.
        private string Reserve(string seed, string key)
        {
            var url = DeterministicId.Urn(DeterministicId.For(seed, key));
            _entries.Add((url, null!));
            return url;
        }

        private void Place(string url, Resource resource)
        {
            var i = _entries.FindIndex(e => e.Url == url);
            resource.Id = url["urn:uuid:".Length..];
            _entries[i] = (url, resource);
        }

        private string Add(string seed, string key, Resource resource)
        {
            var id = DeterministicId.For(seed, key);
            resource.Id = id.ToString("D");
            var url = DeterministicId.Urn(id);
            _entries.Add((url, resource));
            return url;
        }

        private ResourceReference? Subject => options.PatientReference is { Length: > 0 } r ? new ResourceReference(r) : null;

        private RequestGroup RequestGroup(string seed)
        {
            var group = new RequestGroup
            {
                Status = RequestStatus.Draft,
                Intent = RequestIntent.Proposal,
                Subject = Subject,
                AuthoredOn = _recorded,
                Code = new CodeableConcept { Text = "Interventional pain treatment plan" },
                Note =
                [
                    new Annotation
                    {
                        Text = plan.Referrals.Any(r => r.StopsPlan)
                            ? "A red flag stops the plan: urgent referral, no interventional candidate."
                            : plan.Candidates.Count + " candidate(s), best first; rule set " + plan.RuleSet.Name + " " + plan.RuleSet.Version + ".",
                    },
                ],
            };
            foreach (var referral in plan.Referrals)
            {
                var name = rules.Catalog.Referrals.TryGetValue(referral.Code, out var r) ? r.Name : referral.Code;
                var request = Proposal(referral.Code, name, referral.Message, RequestPriority.Urgent);
                group.Action.Add(new RequestGroup.ActionComponent
                {
                    Title = "Referral: " + name,
                    Description = referral.Message,
                    Priority = RequestPriority.Urgent,
                    Code = [new CodeableConcept(FhirCodeSystems.Interventions, referral.Code)],
                    Documentation = Justification(referral.Rule).ToList(),
                    Resource = new ResourceReference(Add(seed, "ServiceRequest/referral/" + referral.Rule, request)),
                });
            }
            if (plan.Candidates.Count > 0)
            {
                // The candidates are alternatives: at most one is chosen.
                var options = new RequestGroup.ActionComponent
                {
                    Title = "Interventional options, best first (choose at most one)",
                    GroupingBehavior = ActionGroupingBehavior.LogicalGroup,
                    SelectionBehavior = ActionSelectionBehavior.AtMostOne,
                };
                foreach (var candidate in plan.Candidates)
                {
                    var request = Proposal(candidate.Intervention, candidate.Name, Rationale(candidate), RequestPriority.Routine);
                    request.Note = candidate.Prerequisites.Select(p => new Annotation { Text = "Before the procedure: " + p.Message }).ToList();
                    var requestUrl = Add(seed, "ServiceRequest/" + candidate.Intervention, request);
                    var action = new RequestGroup.ActionComponent
                    {
                        Prefix = candidate.Rank.ToString(CultureInfo.InvariantCulture),
                        Title = candidate.Name,
                        Description = Rationale(candidate),
                        TextEquivalent = candidate.Education.What,
                        Priority = RequestPriority.Routine,
                        Code = [new CodeableConcept(FhirCodeSystems.Interventions, candidate.Intervention, candidate.Name, null)],
                        Documentation = candidate.Because.SelectMany(b => Justification(b.Rule)).ToList(),
                    };
                    if (candidate.Prerequisites.Count == 0)
                    {
                        action.Resource = new ResourceReference(requestUrl);
                    }
                    else
                    {
                        // Prerequisites first (as proposed tasks), then the procedure.
                        action.GroupingBehavior = ActionGroupingBehavior.LogicalGroup;
                        action.SelectionBehavior = ActionSelectionBehavior.All;
                        foreach (var prerequisite in candidate.Prerequisites)
                        {
                            var task = new FhirTask
                            {
                                Status = FhirTask.TaskStatus.Requested,
                                Intent = FhirTask.TaskIntent.Proposal,
                                Code = new CodeableConcept(FhirCodeSystems.Issues, prerequisite.Code),
                                Description = prerequisite.Message,
                                Focus = new ResourceReference(requestUrl),
                                For = Subject,
                                AuthoredOn = _recorded,
                            };
                            action.Action.Add(new RequestGroup.ActionComponent
                            {
                                Title = "Before the procedure",
                                Description = prerequisite.Message,
                                Code = [new CodeableConcept(FhirCodeSystems.Issues, prerequisite.Code)],
                                Resource = new ResourceReference(Add(seed, "Task/prerequisite/" + candidate.Intervention + "/" + prerequisite.Code, task)),
                            });
                        }
                        action.Action.Add(new RequestGroup.ActionComponent
                        {
                            Title = candidate.Name,
                            Code = [new CodeableConcept(FhirCodeSystems.Interventions, candidate.Intervention, candidate.Name, null)],
                            Resource = new ResourceReference(requestUrl),
                        });
                    }
                    options.Action.Add(action);
                }
                group.Action.Add(options);
            }
            foreach (var companion in plan.Companions)
            {
                group.Action.Add(new RequestGroup.ActionComponent
                {
                    Title = companion.Name,
                    Description = companion.Message,
                    Code = [new CodeableConcept(FhirCodeSystems.Interventions, companion.Code, companion.Name, null)],
                    Resource = new ResourceReference(Add(seed, "ServiceRequest/companion/" + companion.Code,
                        Proposal(companion.Code, companion.Name, companion.Message, RequestPriority.Routine))),
                });
            }
            return group;
        }

        // A proposed order: a draft ServiceRequest with intent "proposal" (subject: the host's patient reference, or a display-only reference).
        private ServiceRequest Proposal(string code, string name, string reason, RequestPriority priority) => new()
        {
            Status = RequestStatus.Draft,
            Intent = RequestIntent.Proposal,
            Priority = priority,
            Code = new CodeableConcept(FhirCodeSystems.Interventions, code, name, name),
            Subject = Subject ?? new ResourceReference { Display = "the patient of this plan" },
            AuthoredOn = _recorded,
            ReasonCode = [new CodeableConcept { Text = reason }],
        };

        private string Rationale(Candidate candidate)
        {
            var because = candidate.Because.Select(b => _rules.TryGetValue(b.Rule, out var r) ? RuleText.Title(r, rules) : b.Rule);
            var text = (candidate.Strength == "recommended" ? "Recommended" : "Consider") + " (rank " + candidate.Rank.ToString(CultureInfo.InvariantCulture) + "). Because: "
                       + string.Join("; ", because) + ".";
            if (candidate.Fit.Count > 0) text += " Fit with the patient's goals: " + string.Join(" ", candidate.Fit);
            return text;
        }

        private IEnumerable<RelatedArtifact> Justification(string ruleId)
        {
            if (!_rules.TryGetValue(ruleId, out var rule))
            {
                yield return new RelatedArtifact { Type = RelatedArtifact.RelatedArtifactType.Justification, Label = ruleId };
                yield break;
            }
            yield return new RelatedArtifact
            {
                Type = RelatedArtifact.RelatedArtifactType.Justification,
                Label = rule.Id,
                Display = RuleText.Title(rule, rules),
                Citation = rule.Evidence.Count == 0 ? null : string.Join("\n", rule.Evidence.Select(e => "- " + e)),
            };
        }

        private DetectedIssue WarningIssue(PlanWarning warning, string requestGroupUrl) => new()
        {
            Status = ObservationStatus.Final,
            Severity = SeverityOf(warning.Severity),
            Code = new CodeableConcept(FhirCodeSystems.Issues, warning.Code) { Text = warning.Severity + " warning" },
            Patient = Subject,
            Identified = new FhirDateTime(options.Recorded),
            Implicated = [new ResourceReference(requestGroupUrl)],
            Detail = warning.Message + (warning.AppliesTo.Count > 0 ? " (applies to " + string.Join(", ", warning.AppliesTo) + ")" : ""),
            Evidence = Evidence(warning.About),
        };

        private DetectedIssue ExclusionIssue(Exclusion exclusion, ExclusionReason reason, string requestGroupUrl) => new()
        {
            Status = ObservationStatus.Final,
            Severity = DetectedIssue.DetectedIssueSeverity.High,
            Code = new CodeableConcept(FhirCodeSystems.Issues, _rules.TryGetValue(reason.Rule, out var r) && r.Code is { } c ? c : "contraindication")
            {
                Text = "Absolute contraindication: " + exclusion.Name + " excluded",
            },
            Patient = Subject,
            Identified = new FhirDateTime(options.Recorded),
            Implicated = [new ResourceReference(requestGroupUrl)],
            Detail = exclusion.Name + " (" + exclusion.Intervention + ") is excluded: " + reason.Message,
            Evidence = Evidence(reason.About),
        };

        private static List<DetectedIssue.EvidenceComponent> Evidence(IReadOnlyList<string> about) =>
            about.Count == 0 ? [] : [new DetectedIssue.EvidenceComponent { Code = about.Select(a => new CodeableConcept(FhirCodeSystems.Vocabulary, a)).ToList() }];

        private FhirTask MissingTask(MissingInformation missing, string requestGroupUrl)
        {
            var label = rules.Vocabulary.TryGetFact(missing.Fact, out var d) ? d.Label : missing.Fact;
            return new FhirTask
            {
                Status = FhirTask.TaskStatus.Requested,
                Intent = FhirTask.TaskIntent.Proposal,
                Priority = RequestPriority.Routine,
                Code = new CodeableConcept(FhirCodeSystems.Vocabulary, missing.Fact, label, null),
                Description = "Record: " + label + ". " + Capitalize(missing.Why)
                              + (missing.NeededFor.Count > 0 ? " Needed for: " + string.Join(", ", missing.NeededFor) + "." : ""),
                Focus = new ResourceReference(requestGroupUrl),
                For = Subject,
                AuthoredOn = _recorded,
            };
        }

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
    }
}
