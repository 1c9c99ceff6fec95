using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PlanRules.Diagnostics;

namespace PlanRules.Rules;

/// <summary>
/// Reads, validates and assembles the files of a rule set. Every problem becomes a diagnostic; the result is a
/// <see cref="RuleSetContent"/> only when there is no error.
/// </summary>
internal sealed partial class RuleSetLoader
{
    public const string ManifestFile = "ruleset.json";
    public const string VocabularyFile = "vocabulary.json";
    public const string ParametersFile = "parameters.json";
    public const string CatalogFile = "catalog.json";

    private static readonly string[] BleedingRisks = ["low", "intermediate", "high"];

    /// <summary>The purposes of missing information, in the order plans list them.</summary>
    internal static readonly string[] MissingInformationPurposes = ["safety", "screening", "eligibility"];
    private static readonly string[] CommonRuleKeys = ["id", "title", "kind", "when", "rationale", "evidence", "status", "reviewedBy", "reviewedOn", "unknownFacts", "notes"];

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly DiagnosticBag _bag;

    private RuleSetLoader() => _bag = new DiagnosticBag(_diagnostics);

    public static (RuleSetContent? Content, IReadOnlyList<Diagnostic> Diagnostics) Load(IReadOnlyList<RuleSourceFile> files, CancellationToken cancellationToken = default)
    {
        var loader = new RuleSetLoader();
        var content = loader.Run(files, cancellationToken);
        var ordered = loader._diagnostics
            .OrderBy(d => d.File ?? "", StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToArray();
        return (loader._bag.HasErrors ? null : content, ordered);
    }

    private RuleSetContent? Run(IReadOnlyList<RuleSourceFile> files, CancellationToken cancellationToken)
    {
        var sorted = files.Select(f => f with { Path = f.Path.Replace('\\', '/') }).OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        foreach (var duplicate in sorted.GroupBy(f => f.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
            _bag.Add(new Diagnostic(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, $"the file '{duplicate.Key}' is given more than once", duplicate.Key));

        var parsed = new Dictionary<string, JToken>(StringComparer.Ordinal);
        foreach (var file in sorted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = JsonFile.Parse(file.Path, file.Content, _diagnostics);
            if (token is not null) parsed[file.Path] = token;
        }

        foreach (var required in new[] { ManifestFile, VocabularyFile, ParametersFile, CatalogFile })
            if (!sorted.Any(f => f.Path == required))
                _bag.Add(new Diagnostic(DiagnosticCodes.MissingFile, DiagnosticSeverity.Error, $"the rule set has no {required}", required) { Suggestion = "see rules/README.md" });

        _bag.File = ManifestFile;
        var identity = parsed.TryGetValue(ManifestFile, out var manifestToken) ? ReadManifest(manifestToken) : null;
        _bag.File = ParametersFile;
        var parameters = parsed.TryGetValue(ParametersFile, out var parametersToken) ? ReadParameters(parametersToken) : new Dictionary<string, Parameter>();
        _bag.File = CatalogFile;
        var catalog = parsed.TryGetValue(CatalogFile, out var catalogToken) ? ReadCatalog(catalogToken) : Catalog.Empty;
        _bag.File = VocabularyFile;
        var vocabulary = ReadVocabulary(parsed.GetValueOrDefault(VocabularyFile), catalog);

        var rules = new List<Rule>();
        var ruleFiles = sorted.Where(f => f.Path is not (ManifestFile or VocabularyFile or ParametersFile or CatalogFile)).Select(f => f.Path).ToArray();
        foreach (var path in ruleFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!parsed.TryGetValue(path, out var token)) continue;
            _bag.File = path;
            ReadRuleFile(path, token, vocabulary, parameters, catalog, rules);
            _bag.RuleId = null;
        }
        _bag.File = null;

        foreach (var group in rules.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            foreach (var rule in group.Skip(1))
                _bag.Add(new Diagnostic(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error,
                    $"duplicate rule id '{rule.Id}' (first defined at {group.First().Location})", rule.Location.File, rule.Location.Line, rule.Location.Column)
                { RuleId = rule.Id, Suggestion = "give each rule a unique id" });

        if (_bag.HasErrors || identity is null) return null;
        return new RuleSetContent(identity with { Sha256 = Hash(sorted) }, vocabulary, parameters, catalog, rules);
    }

    /// <summary>SHA-256 over every file, sorted by path, line endings normalised to <c>\n</c>.</summary>
    internal static string Hash(IEnumerable<RuleSourceFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Path));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(file.Content.Replace("\r\n", "\n", StringComparison.Ordinal)));
            sha.AppendData([0]);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private RuleSetIdentity? ReadManifest(JToken token)
    {
        if (!ExpectObject(token, "ruleset.json", out var obj)) return null;
        var r = new JsonObjectReader(obj, _bag, "ruleset.json", ["name", "version", "description"], ["name", "version"]);
        var name = r.String("name");
        var version = r.String("version");
        r.String("description");
        return name is null || version is null ? null : new RuleSetIdentity(name, version, "");
    }

    private Dictionary<string, Parameter> ReadParameters(JToken token)
    {
        var result = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        if (!ExpectObject(token, "parameters.json", out var root)) return result;
        var top = new JsonObjectReader(root, _bag, "parameters.json", ["parameters"], ["parameters"]);
        var map = top.Obj("parameters");
        if (map is null) return result;
        foreach (var property in map.Properties())
        {
            if (!IdPattern().IsMatch(property.Name))
                _bag.Add(DiagnosticCodes.NotAnAllowedWord, $"parameter name '{property.Name}' must be lower case words joined by '.', '_' or '-'", property);
            if (!ExpectObject(property.Value, $"parameter '{property.Name}'", out var obj)) continue;
            var r = new JsonObjectReader(obj, _bag, $"parameter '{property.Name}'", ["value", "unit", "label", "source", "policyChoice", "description"], ["value", "unit", "label", "source"]);
            var value = r.Number("value");
            var unit = r.String("unit");
            var label = r.String("label");
            var source = r.String("source");
            var policy = r.Boolean("policyChoice") ?? false;
            r.String("description");
            if (value is null) continue;
            var (line, column) = DiagnosticBag.Position(property.Value);
            result[property.Name] = new Parameter(property.Name, value.Value, unit ?? "", label ?? "", source ?? "", policy, new SourceLocation(ParametersFile, line, column));
        }
        return result;
    }

    private Catalog ReadCatalog(JToken token)
    {
        if (!ExpectObject(token, "catalog.json", out var root)) return Catalog.Empty;
        var top = new JsonObjectReader(root, _bag, "catalog.json", ["interventions", "tags", "companions", "referrals"], ["interventions"]);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (top.Obj("tags") is { } tagMap)
            foreach (var property in tagMap.Properties())
            {
                if (property.Value.Type == JTokenType.String) tags[property.Name] = (string)property.Value!;
                else _bag.Add(DiagnosticCodes.WrongJsonType, $"the description of tag '{property.Name}' must be a string", property.Value);
            }

        var interventions = new List<Intervention>();
        if (top.Obj("interventions") is { } map)
        {
            foreach (var property in map.Properties())
            {
                if (!ExpectObject(property.Value, $"intervention '{property.Name}'", out var obj)) continue;
                var what = $"intervention '{property.Name}'";
                var r = new JsonObjectReader(obj, _bag, what, ["name", "family", "region", "bleedingRisk", "tags", "education", "restart", "description"], ["name", "bleedingRisk", "tags", "education"]);
                var name = r.String("name");
                var risk = r.Word("bleedingRisk", BleedingRisks);
                var itemTags = r.Strings("tags");
                foreach (var tag in itemTags.Where(t => !tags.ContainsKey(t)))
                    _bag.Add(DiagnosticCodes.UnknownCatalogCode, $"unknown tag '{tag}' on {what}", r["tags"], $"describe it under \"tags\" (known: {string.Join(", ", tags.Keys)})");
                var education = ReadEducation(r.Obj("education"), what);
                var (line, column) = DiagnosticBag.Position(property.Value);
                if (name is null || risk is null || education is null) continue;
                interventions.Add(new Intervention(property.Name, name, risk, itemTags, education)
                {
                    Family = r.String("family"),
                    Region = r.String("region"),
                    Restart = r.String("restart"),
                    Order = interventions.Count,
                    Location = new SourceLocation(CatalogFile, line, column),
                });
                r.String("description");
            }
        }
        return new Catalog(interventions, tags, ReadEntries(top.Obj("companions"), "companion"), ReadEntries(top.Obj("referrals"), "referral"));
    }

    private Education? ReadEducation(JObject? obj, string what)
    {
        if (obj is null) return null;
        string[] keys = ["what", "why", "expect", "risks", "recovery", "selfCare"];
        var r = new JsonObjectReader(obj, _bag, $"the education of {what}", keys, keys);
        var values = keys.Select(r.String).ToArray();
        return values.Any(v => v is null) ? null : new Education(values[0]!, values[1]!, values[2]!, values[3]!, values[4]!, values[5]!);
    }

    private Dictionary<string, CatalogEntry> ReadEntries(JObject? map, string what)
    {
        var result = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        if (map is null) return result;
        foreach (var property in map.Properties())
        {
            if (!ExpectObject(property.Value, $"{what} '{property.Name}'", out var obj)) continue;
            var r = new JsonObjectReader(obj, _bag, $"{what} '{property.Name}'", ["name", "message"], ["name", "message"]);
            var name = r.String("name");
            var message = r.String("message");
            if (name is not null && message is not null) result[property.Name] = new CatalogEntry(property.Name, name, message);
        }
        return result;
    }

    private Vocabulary ReadVocabulary(JToken? token, Catalog catalog)
    {
        var facts = new List<FactDefinition>();
        var attributes = new Dictionary<string, IReadOnlyDictionary<string, FactDefinition>>(StringComparer.Ordinal);
        if (token is not null && ExpectObject(token, "vocabulary.json", out var root))
        {
            var top = new JsonObjectReader(root, _bag, "vocabulary.json", ["facts", "attributes"], ["facts"]);
            if (top.Obj("facts") is { } map)
            {
                foreach (var property in map.Properties())
                {
                    var dot = property.Name.IndexOf('.');
                    var section = dot > 0 ? property.Name[..dot] : "";
                    if (!Vocabulary.ScalarSections.Contains(section) && !Vocabulary.ListSections.Contains(section))
                    {
                        _bag.Add(DiagnosticCodes.NotAnAllowedWord, $"fact '{property.Name}' must start with a section: {string.Join(", ", Vocabulary.ScalarSections.Concat(Vocabulary.ListSections))}", property);
                        continue;
                    }
                    if (section == "procedure")
                    {
                        _bag.Add(DiagnosticCodes.NotAnAllowedWord, $"'{property.Name}': procedure facts come from the catalog's interventions", property, "remove it from vocabulary.json");
                        continue;
                    }
                    var definition = ReadDefinition(property, property.Name);
                    if (definition is null) continue;
                    if (Vocabulary.ListSections.Contains(section) && definition.Type != FactType.Boolean)
                        _bag.Add(DiagnosticCodes.NotAnAllowedWord, $"'{property.Name}' is a list entry and must have type \"boolean\"", property);
                    facts.Add(definition);
                }
            }
            if (top.Obj("attributes") is { } attributeMap)
            {
                foreach (var sectionProperty in attributeMap.Properties())
                {
                    if (!ConditionReader.SupportedAttributes.ContainsKey(sectionProperty.Name))
                    {
                        _bag.Add(DiagnosticCodes.NotAnAllowedWord, $"entries of '{sectionProperty.Name}' cannot carry attributes (only: {string.Join(", ", ConditionReader.SupportedAttributes.Keys)})", sectionProperty);
                        continue;
                    }
                    if (!ExpectObject(sectionProperty.Value, $"the attributes of '{sectionProperty.Name}'", out var obj)) continue;
                    var defs = new Dictionary<string, FactDefinition>(StringComparer.Ordinal);
                    foreach (var property in obj.Properties())
                    {
                        if (!ConditionReader.SupportedAttributes[sectionProperty.Name].Contains(property.Name))
                        {
                            _bag.Add(DiagnosticCodes.NotAnAllowedWord, $"a case cannot carry '{property.Name}' on '{sectionProperty.Name}' entries (only: {string.Join(", ", ConditionReader.SupportedAttributes[sectionProperty.Name])})", property);
                            continue;
                        }
                        if (ReadDefinition(property, property.Name) is { } definition) defs[property.Name] = definition;
                    }
                    attributes[sectionProperty.Name] = defs;
                }
            }
        }
        foreach (var intervention in catalog.Interventions)
            facts.Add(new FactDefinition("procedure." + intervention.Code, FactType.Boolean, "Earlier " + intervention.Name));
        return new Vocabulary(facts, attributes);
    }

    private FactDefinition? ReadDefinition(JProperty property, string name)
    {
        if (!ExpectObject(property.Value, $"fact '{name}'", out var obj)) return null;
        var r = new JsonObjectReader(obj, _bag, $"fact '{name}'", ["type", "label", "unit", "min", "max", "words", "codes", "screening", "description"], ["type", "label"]);
        var type = r.Word("type", ["number", "boolean", "word"]);
        var label = r.String("label");
        var words = r.Strings("words");
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Obj("codes") is { } codeMap)
            foreach (var code in codeMap.Properties())
                if (code.Value.Type == JTokenType.String) codes[code.Name] = (string)code.Value!;
                else _bag.Add(DiagnosticCodes.WrongJsonType, $"standard code '{code.Name}' of '{name}' must be a string", code.Value);
        r.String("description");
        var min = r.Number("min");
        var max = r.Number("max");
        var screening = r.Boolean("screening") ?? false;
        if (type == "word" && words.Count == 0) _bag.Add(DiagnosticCodes.MissingKey, $"word fact '{name}' has no 'words'", obj, "list its allowed words");
        if (type != "word" && r["words"] is not null) _bag.Add(DiagnosticCodes.UnknownKey, $"'words' only applies to word facts ('{name}' is a {type})", r["words"]);
        if (min is not null && max is not null && min > max) _bag.Add(DiagnosticCodes.OutOfRange, $"'{name}' has min above max", r["min"]);
        if (type is null || label is null) return null;
        return new FactDefinition(name, type switch { "number" => FactType.Number, "boolean" => FactType.Boolean, _ => FactType.Word }, label)
        {
            Unit = r.String("unit"),
            Min = min,
            Max = max,
            Words = words,
            StandardCodes = codes,
            Screening = screening,
        };
    }

    private void ReadRuleFile(string path, JToken token, Vocabulary vocabulary, IReadOnlyDictionary<string, Parameter> parameters, Catalog catalog, List<Rule> rules)
    {
        if (!ExpectObject(token, "a rule file", out var root)) return;
        var top = new JsonObjectReader(root, _bag, "a rule file", ["topic", "description", "rules"], ["rules"]);
        top.String("topic");
        top.String("description");
        var array = top.Array("rules");
        if (array is null) return;
        if (array.Count == 0) _bag.Add(DiagnosticCodes.EmptyCondition, "the rule file has no rules", array, "add rules or delete the file");
        foreach (var item in array)
        {
            _bag.RuleId = null;
            if (!ExpectObject(item, "a rule", out var obj)) continue;
            var rule = ReadRule(path, obj, vocabulary, parameters, catalog);
            if (rule is not null) rules.Add(rule);
        }
    }

    private Rule? ReadRule(string path, JObject obj, Vocabulary vocabulary, IReadOnlyDictionary<string, Parameter> parameters, Catalog catalog)
    {
        var id = obj.Property("id")?.Value is { Type: JTokenType.String } idToken ? (string)idToken! : null;
        _bag.RuleId = id;
        var kindWord = obj.Property("kind")?.Value is { Type: JTokenType.String } kindToken ? (string)kindToken! : null;
        RuleKind? kind = kindWord is not null && RuleKinds.TryParse(kindWord, out var k) ? k : null;
        string[] extra = kind switch
        {
            RuleKind.Candidate => ["intervention", "strength"],
            RuleKind.Contraindication => ["appliesTo", "severity", "message", "code"],
            RuleKind.Warning => ["appliesTo", "severity", "message", "code", "prerequisite"],
            RuleKind.Prerequisite => ["appliesTo", "code", "message"],
            RuleKind.MissingInformation => ["appliesTo", "fact", "message", "purpose"],
            RuleKind.Referral => ["referral", "message", "stopsPlan"],
            RuleKind.Companion => ["appliesTo", "companion", "message"],
            RuleKind.FollowUp => ["appliesTo", "measure", "afterWeeks", "message", "restart"],
            RuleKind.BleedingRiskModifier => ["message"],
            RuleKind.Preference => ["appliesTo", "adjust", "message"],
            _ => ["intervention", "strength", "appliesTo", "severity", "message", "code", "prerequisite", "fact", "referral", "stopsPlan", "companion", "measure", "afterWeeks", "adjust", "purpose", "restart"],
        };
        string[] required = kind switch
        {
            RuleKind.Candidate => ["intervention", "strength"],
            RuleKind.Contraindication => ["appliesTo", "severity", "message"],
            RuleKind.Warning => ["severity", "message", "code"],
            RuleKind.Prerequisite => ["appliesTo", "code", "message"],
            RuleKind.MissingInformation => ["fact", "message"],
            RuleKind.Referral => ["referral", "message"],
            RuleKind.Companion => ["appliesTo", "companion"],
            RuleKind.FollowUp => ["appliesTo", "measure", "afterWeeks", "message"],
            RuleKind.BleedingRiskModifier => ["message"],
            RuleKind.Preference => ["appliesTo", "adjust", "message"],
            _ => [],
        };
        var r = new JsonObjectReader(obj, _bag, id is null ? "a rule" : $"rule '{id}'", [.. CommonRuleKeys, .. extra], ["id", "title", "kind", "when", .. required]);
        var errorsBefore = _bag.ErrorCount;
        id = r.String("id");
        if (id is not null && !IdPattern().IsMatch(id))
            _bag.Add(DiagnosticCodes.NotAnAllowedWord, $"rule id '{id}' must be lower case letters, digits, '.', '-' or '_'", r["id"]);
        var title = r.String("title");
        if (kindWord is not null && kind is null) r.Word("kind", RuleKinds.Words);
        else r.String("kind");
        var rationale = r.String("rationale") ?? "";
        var evidence = r.Strings("evidence");
        var status = r.Word("status", ["draft", "approved"]) ?? "draft";
        var reviewedBy = r.String("reviewedBy");
        var reviewedOn = r.String("reviewedOn");
        if (reviewedOn is not null && !DateOnly.TryParseExact(reviewedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            _bag.Add(DiagnosticCodes.NotAnAllowedWord, $"'reviewedOn' must be a real date YYYY-MM-DD, not '{reviewedOn}'", r["reviewedOn"], "write the date of sign-off as YYYY-MM-DD, e.g. 2026-12-02");
        r.String("notes");
        var unknownWord = r.Word("unknownFacts", ["report", "ignore"]);

        var conditions = new ConditionReader(_bag, vocabulary, parameters, path);
        var when = r["when"] is { } whenToken ? conditions.Read(whenToken) : null;

        string? intervention = null, strength = null, severity = null, code = null, message = null, prerequisiteCode = null, prerequisiteMessage = null,
            fact = null, referral = null, companion = null, measure = null, purpose = null;
        var restart = false;
        InterventionSelector? appliesTo = null;
        Operand? afterWeeks = null, adjust = null;
        var stopsPlan = false;
        if (kind is { } kk)
        {
            if (extra.Contains("appliesTo") && r["appliesTo"] is { } appliesToken) appliesTo = ReadSelector(appliesToken, catalog);
            switch (kk)
            {
                case RuleKind.Candidate:
                    intervention = ReadIntervention(r, "intervention", catalog);
                    strength = r.Word("strength", ["recommended", "consider"]);
                    break;
                case RuleKind.Contraindication:
                    severity = r.Word("severity", ["absolute", "relative"]);
                    code = r.String("code");
                    break;
                case RuleKind.Warning:
                    severity = r.Word("severity", ["critical", "warning", "info"]);
                    code = r.String("code");
                    if (r.Obj("prerequisite") is { } pre)
                    {
                        var pr = new JsonObjectReader(pre, _bag, "a prerequisite", ["code", "message"], ["code", "message"]);
                        prerequisiteCode = pr.String("code");
                        prerequisiteMessage = Interpolate(pr.String("message"), pr["message"], parameters, conditions.UsedParameters);
                        if (appliesTo is null) _bag.Add(DiagnosticCodes.MissingKey, "a warning with a prerequisite needs 'appliesTo' (the candidates that need it)", pre);
                    }
                    break;
                case RuleKind.Prerequisite:
                    code = r.String("code");
                    break;
                case RuleKind.MissingInformation:
                    fact = r.String("fact");
                    if (fact is not null && !vocabulary.TryGetFact(fact, out _))
                        _bag.Add(DiagnosticCodes.UnknownFact, $"unknown fact '{fact}'", r["fact"], vocabulary.Suggest(fact) is { } s ? $"did you mean '{s}'?" : null);
                    purpose = r.Word("purpose", MissingInformationPurposes);
                    break;
                case RuleKind.Referral:
                    referral = r.String("referral");
                    if (referral is not null && !catalog.Referrals.ContainsKey(referral))
                        _bag.Add(DiagnosticCodes.UnknownCatalogCode, $"unknown referral '{referral}'", r["referral"], Suggest(referral, catalog.Referrals.Keys));
                    stopsPlan = r.Boolean("stopsPlan") ?? true;
                    break;
                case RuleKind.Companion:
                    companion = r.String("companion");
                    if (companion is not null && !catalog.Companions.ContainsKey(companion))
                        _bag.Add(DiagnosticCodes.UnknownCatalogCode, $"unknown companion '{companion}'", r["companion"], Suggest(companion, catalog.Companions.Keys));
                    break;
                case RuleKind.FollowUp:
                    measure = r.String("measure");
                    if (measure is not null && !vocabulary.TryGetFact(measure, out _))
                        _bag.Add(DiagnosticCodes.UnknownFact, $"unknown fact '{measure}'", r["measure"], vocabulary.Suggest(measure) is { } s ? $"did you mean '{s}'?" : null);
                    restart = r.Boolean("restart") ?? false;
                    // A restart check measures the held medication itself (e.g. medication.apixaban).
                    if (restart && measure is not null && !measure.StartsWith("medication.", StringComparison.Ordinal))
                        _bag.Add(DiagnosticCodes.NotAnAllowedWord, $"the measure of a restart follow-up must be a medication fact such as 'medication.apixaban', not '{measure}'", r["measure"], "name the held medication, or remove \"restart\"");
                    afterWeeks = ReadNumberOrParameter(r, "afterWeeks", conditions);
                    break;
                case RuleKind.Preference:
                    adjust = ReadNumberOrParameter(r, "adjust", conditions);
                    break;
            }
            message = Interpolate(r.String("message"), r["message"], parameters, conditions.UsedParameters);
            title = Interpolate(title, r["title"], parameters, conditions.UsedParameters);
            if (when is AlwaysCondition && appliesTo is null)
                _bag.Add(DiagnosticCodes.EmptyCondition, "\"when\": \"always\" is only allowed for a rule with 'appliesTo'", r["when"], "give the rule a condition");
        }

        var errorsAfter = _bag.ErrorCount;
        if (errorsAfter > errorsBefore || id is null || title is null || kind is null || when is null) return null;
        var (line, column) = DiagnosticBag.Position(obj);
        return new Rule
        {
            Id = id,
            Title = title,
            Kind = kind.Value,
            When = when,
            Location = new SourceLocation(path, line, column),
            Rationale = rationale,
            Evidence = evidence,
            Status = status,
            ReviewedBy = reviewedBy,
            ReviewedOn = reviewedOn,
            ReportsUnknownFacts = unknownWord is null
                ? kind is RuleKind.Candidate or RuleKind.Contraindication or RuleKind.Prerequisite
                  || (kind == RuleKind.Warning && severity is "critical" or "warning")
                : unknownWord == "report",
            Intervention = intervention,
            Strength = strength,
            AppliesTo = appliesTo,
            Severity = severity,
            Code = code,
            Message = message,
            PrerequisiteCode = prerequisiteCode,
            PrerequisiteMessage = prerequisiteMessage,
            Fact = fact,
            Referral = referral,
            StopsPlan = stopsPlan,
            Companion = companion,
            Measure = measure,
            Restart = restart,
            Purpose = purpose,
            AfterWeeks = afterWeeks,
            Adjust = adjust,
            Parameters = conditions.UsedParameters.ToArray(),
        };
    }

    private Operand? ReadNumberOrParameter(JsonObjectReader r, string key, ConditionReader conditions)
    {
        var token = r[key];
        if (token is null) return null;
        if (token.Type == JTokenType.String && ((string)token!).StartsWith('$')) return conditions.ReadParameter(token);
        var number = r.Number(key);
        return number is null ? null : new Operand(FactValue.Number(number.Value));
    }

    private string? ReadIntervention(JsonObjectReader r, string key, Catalog catalog)
    {
        var code = r.String(key);
        if (code is null || catalog.TryGet(code, out _)) return code;
        _bag.Add(DiagnosticCodes.UnknownIntervention, $"unknown intervention '{code}'", r[key], Suggest(code, catalog.Interventions.Select(i => i.Code)));
        return null;
    }

    private InterventionSelector? ReadSelector(JToken token, Catalog catalog)
    {
        if (token.Type == JTokenType.String && (string)token! == "any")
            return new InterventionSelector { Any = true, StaticCodes = catalog.Interventions.Select(i => i.Code).ToArray() };
        if (token is not JObject obj)
        {
            _bag.Add(DiagnosticCodes.WrongJsonType, $"'appliesTo' must be \"any\" or an object with interventions, bleedingRisk and/or tags, not {JsonObjectReader.Describe(token)}", token);
            return null;
        }
        var r = new JsonObjectReader(obj, _bag, "'appliesTo'", ["interventions", "bleedingRisk", "tags"]);
        var patterns = r.Strings("interventions");
        var risks = r.Strings("bleedingRisk");
        var tags = r.Strings("tags");
        if (patterns.Count + risks.Count + tags.Count == 0)
        {
            _bag.Add(DiagnosticCodes.EmptyCondition, "'appliesTo' selects nothing", obj, "name interventions, bleedingRisk categories or tags");
            return null;
        }
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var matched = pattern.EndsWith(".*", StringComparison.Ordinal)
                ? catalog.Interventions.Where(i => i.Code.StartsWith(pattern[..^1], StringComparison.Ordinal)).Select(i => i.Code).ToArray()
                : catalog.TryGet(pattern, out _) ? [pattern] : [];
            if (matched.Length == 0)
                _bag.Add(DiagnosticCodes.UnknownIntervention, $"unknown intervention '{pattern}' in 'appliesTo'", r["interventions"], Suggest(pattern.TrimEnd('*', '.'), catalog.Interventions.Select(i => i.Code)));
            codes.UnionWith(matched);
        }
        foreach (var risk in risks.Where(x => !BleedingRisks.Contains(x)))
            _bag.Add(DiagnosticCodes.UnknownCatalogCode, $"unknown bleeding-risk category '{risk}'", r["bleedingRisk"], Suggest(risk, BleedingRisks));
        foreach (var tag in tags)
        {
            if (!catalog.Tags.ContainsKey(tag)) _bag.Add(DiagnosticCodes.UnknownCatalogCode, $"unknown tag '{tag}'", r["tags"], Suggest(tag, catalog.Tags.Keys));
            codes.UnionWith(catalog.Interventions.Where(i => i.Tags.Contains(tag)).Select(i => i.Code));
        }
        return new InterventionSelector { Interventions = patterns, BleedingRisk = risks, Tags = tags, StaticCodes = codes.ToArray() };
    }

    private string? Interpolate(string? text, JToken? at, IReadOnlyDictionary<string, Parameter> parameters, SortedSet<string> used)
    {
        if (text is null) return null;
        return PlaceholderPattern().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (parameters.TryGetValue(name, out var p))
            {
                used.Add(name);
                return p.Value.ToString("0.##", CultureInfo.InvariantCulture);
            }
            _bag.Add(DiagnosticCodes.UnknownMessageParameter, $"the text names an unknown parameter '{{{name}}}'", at, Suggest(name, parameters.Keys));
            return m.Value;
        });
    }

    private static string? Suggest(string value, IEnumerable<string> candidates) =>
        Suggestions.Closest(value, candidates) is { } s ? $"did you mean '{s}'?" : null;

    private bool ExpectObject(JToken token, string what, out JObject obj)
    {
        if (token is JObject o)
        {
            obj = o;
            return true;
        }
        _bag.Add(DiagnosticCodes.WrongJsonType, $"{what} must be an object, not {JsonObjectReader.Describe(token)}", token);
        obj = null!;
        return false;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{([a-z0-9][a-z0-9._-]*)\}")]
    private static partial Regex PlaceholderPattern();
}
