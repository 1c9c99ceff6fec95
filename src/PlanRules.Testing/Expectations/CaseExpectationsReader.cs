using Newtonsoft.Json;
using PlanRules.Cases;
using PlanRules.Diagnostics;
using PlanRules.Rules;
using static PlanRules.Cases.CaseJsonReader;

namespace PlanRules.Replay;

/// <summary>
/// Reads the <c>expect</c> block of a <c>planrules.case/1</c> document (see <c>docs/case-format.md</c>): what a replay
/// checks a plan against. The clinical case model (<see cref="PatientCase"/>) has no part for it; the case reader only
/// accepts the key and, like every part of the document, inspects it for direct identifiers. Stateless and thread-safe.
/// </summary>
public static class CaseExpectationsReader
{
    private static readonly string[] ExpectKeys = ["candidates", "excluded", "warnings", "missingInformation", "referrals", "noCandidates"];
    private static readonly string[] ListExpectationKeys = ["include", "exclude"];
    private static readonly string[] WarningKeys = ["about", "appliesTo", "code", "severity"];

    /// <summary>
    /// Reads the <c>expect</c> block of a case document. Bad content never throws: the result carries every problem
    /// found in the block — wrong types PR4002, unknown keys PR4003, strings that are not code-shaped or unknown severities
    /// PR4005, keys given twice PR4008 — and what makes the whole document unreadable (JSON syntax PR4001, size and depth
    /// PR4010, direct identifiers anywhere in the document PR4009), each with its JSON path, line and column; a value of the
    /// case is never repeated. The clinical part is not checked here (see <see cref="PatientCase.FromJson(string, Vocabulary)"/>).
    /// Thread-safe.
    /// </summary>
    /// <param name="caseJson">The case document.</param>
    /// <param name="vocabulary">The vocabulary of the rule set (its codes may be named in JSON paths).</param>
    /// <returns>The expectations (<c>null</c> when the document has no <c>expect</c> block or any error) and the diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseJson"/> or <paramref name="vocabulary"/> is <c>null</c>.</exception>
    public static CaseExpectationsReadResult Read(string caseJson, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(caseJson);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var diagnostics = new List<Diagnostic>();
        var root = ReadDocument(caseJson, vocabulary.CaseKeys, diagnostics, out var parsed);
        CaseExpectations? expectations = null;
        var reader = new ExpectReader(diagnostics);
        if (root is ObjectNode document) expectations = reader.Read(document);
        else if (root is not null) reader.Report(DiagnosticCodes.CaseWrongType, $"expected a JSON object for the case but found {Describe(root)}", root.Location);
        IReadOnlyList<Diagnostic> result = parsed ? Order(diagnostics) : diagnostics.AsReadOnly();
        return new CaseExpectationsReadResult(result.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : expectations, result);
    }

    /// <summary>
    /// Reads the <c>expect</c> block of a document the case reader has already read into its tree (and the
    /// anonymization guard has inspected); adds the block's problems to <paramref name="diagnostics"/>.
    /// </summary>
    /// <returns>The expectations as read (<c>null</c> when there is no block); valid only when nothing was added.</returns>
    internal static CaseExpectations? Read(ObjectNode document, List<Diagnostic> diagnostics) => new ExpectReader(diagnostics).Read(document);

    private sealed class ExpectReader(List<Diagnostic> diagnostics) : NodeReader(diagnostics)
    {
        private readonly ExpectationChecks _check = new(diagnostics, reportIdentifiers: false);

        public CaseExpectations? Read(ObjectNode document)
        {
            // The case reader reports a second "expect" (PR4008); the first is the one read.
            var member = document.Members.FirstOrDefault(m => m.Name == "expect");
            return member is null ? null : ReadExpect(member);
        }

        private CaseExpectations? ReadExpect(Member member)
        {
            if (ReadObject(member, $"'expect'") is not { } obj) return null;
            var members = Members(obj, ExpectKeys);
            bool? noCandidates = null;
            if (members.TryGetValue("noCandidates", out var n)) noCandidates = ReadBoolean(n, $"'noCandidates'");
            return new CaseExpectations
            {
                Candidates = members.TryGetValue("candidates", out var c) ? ReadListExpectation(c) : null,
                Excluded = members.TryGetValue("excluded", out var e) ? ReadListExpectation(e) : null,
                Warnings = members.TryGetValue("warnings", out var w) ? ReadWarningExpectations(w) : null,
                MissingInformation = members.TryGetValue("missingInformation", out var m) ? ReadListExpectation(m) : null,
                Referrals = members.TryGetValue("referrals", out var r) ? ReadListExpectation(r) : null,
                NoCandidates = noCandidates,
            };
        }

        private ListExpectation? ReadListExpectation(Member member)
        {
            if (ReadObject(member, Key(member)) is not { } obj) return null;
            var members = Members(obj, ListExpectationKeys);
            return new ListExpectation
            {
                Include = members.TryGetValue("include", out var i) ? ReadStrings(i) : [],
                Exclude = members.TryGetValue("exclude", out var e) ? ReadStrings(e) : [],
            };
        }

        private IReadOnlyList<string> ReadStrings(Member member)
        {
            var values = new List<string>();
            if (member.Value is not ArrayNode array)
            {
                WrongType($"an array of strings", $"{Key(member)} in {member.Path}", member.Value, ValueLocation(member));
                return values;
            }
            foreach (var item in array.Items)
            {
                if (item is ValueNode { Token: JsonToken.String, Value: string text })
                {
                    _check.CheckExpectationCode(text, item.Location);
                    values.Add(text);
                }
                else WrongType($"a string", $"{item.Path}", item, item.Location);
            }
            return values.AsReadOnly();
        }

        private WarningListExpectation? ReadWarningExpectations(Member member)
        {
            if (ReadObject(member, $"'warnings'") is not { } obj) return null;
            var members = Members(obj, ListExpectationKeys);
            return new WarningListExpectation
            {
                Include = members.TryGetValue("include", out var i) ? ReadWarnings(i) : [],
                Exclude = members.TryGetValue("exclude", out var e) ? ReadWarnings(e) : [],
            };
        }

        private IReadOnlyList<WarningExpectation> ReadWarnings(Member member)
        {
            var warnings = new List<WarningExpectation>();
            if (member.Value is not ArrayNode array)
            {
                WrongType($"an array of warning objects", $"{Key(member)} in {member.Path}", member.Value, ValueLocation(member));
                return warnings;
            }
            foreach (var item in array.Items)
            {
                if (item is not ObjectNode obj)
                {
                    WrongType($"an object (about, appliesTo, code, severity)", $"{item.Path}", item, item.Location);
                    continue;
                }
                var members = Members(obj, WarningKeys);
                string? Text(string key)
                {
                    if (!members.TryGetValue(key, out var m) || ReadString(m, Key(m)) is not { } text) return null;
                    if (key != "severity") _check.CheckExpectationCode(text, ValueLocation(m));
                    return text;
                }
                var severity = Text("severity");
                if (severity is not null) _check.CheckSeverity(severity, ValueLocation(members["severity"]));
                warnings.Add(new WarningExpectation
                {
                    About = Text("about"),
                    AppliesTo = Text("appliesTo"),
                    Code = Text("code"),
                    Severity = severity,
                });
            }
            return warnings.AsReadOnly();
        }
    }
}
