using System.Globalization;
using System.Numerics;
using System.Text;
using Newtonsoft.Json;
using PlanRules.Privacy;
using PlanRules.Rules;
using PlanRules.Diagnostics;

namespace PlanRules.Cases;

/// <summary>
/// Reads a <c>planrules.case/1</c> document. The text is first read into a small tree that keeps every key
/// (duplicates included) with its line and column; the anonymization guard inspects the whole tree; then the
/// case is built from it with every structural and semantic check. Never throws on bad content: all problems
/// come back as diagnostics and the case is <c>null</c> when any was found. Stateless and thread-safe.
/// </summary>
internal static class CaseJsonReader
{
    /// <summary>The largest case accepted, in UTF-8 bytes (4 MiB).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The deepest nesting of objects and arrays accepted.</summary>
    public const int MaxDepth = 64;

    // "expect" is a known key so that corpus cases read cleanly, but the clinical model has no part for it: the
    // anonymization guard inspects it with the rest of the document, and PlanRules.Testing reads it from the tree.
    private static readonly string[] RootKeys = ["schema", "caseId", "patient", "findings", "history", "labs", "goals", "expect"];
    private static readonly string[] PatientKeys = ["ageYears", "sex", "pregnant"];
    private static readonly string[] HistoryKeys = ["conditions", "medications", "allergies", "devices", "procedures"];
    private static readonly string[] MedicationKeys = ["code", "lastDoseHoursAgo", "dose", "indication"];
    private static readonly string[] ProcedureKeys = ["code", "weeksAgo", "reliefPercent", "reliefWeeks"];

    /// <summary>Reads a case; see <see cref="PatientCase.FromJson(string, Vocabulary)"/>.</summary>
    public static CaseReadResult Read(string json, Vocabulary vocabulary) => Read(json, vocabulary, out _);

    /// <summary>
    /// Reads a case and hands back the document's tree too (<c>null</c> unless it was read completely and is a JSON
    /// object), so that other readers of the same document (the <c>expect</c> block in PlanRules.Testing) need not
    /// parse it again. The tree has passed the anonymization guard only when the result holds no PR4009.
    /// </summary>
    public static CaseReadResult Read(string json, Vocabulary vocabulary, out ObjectNode? document)
    {
        var diagnostics = new List<Diagnostic>();
        var root = ReadDocument(json, vocabulary.CaseKeys, diagnostics, out var parsed);
        document = root as ObjectNode;
        if (!parsed) return new CaseReadResult(null, diagnostics);
        PatientCase? patientCase = null;
        if (root is not null)
            patientCase = new Builder(vocabulary, diagnostics).Build(root);

        var ordered = Order(diagnostics);
        return new CaseReadResult(ordered.Count == 0 ? patientCase : null, ordered);
    }

    /// <summary>
    /// The first steps of reading a case document: size (PR4010), strict JSON syntax (PR4001), the tree with lines and
    /// columns, nesting depth (PR4010), and the anonymization guard over every key and string of the whole document
    /// (PR4009, never echoing a value). Adds what it finds to <paramref name="diagnostics"/>.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="shownKeys">The keys a JSON path may write out (usually <see cref="Vocabulary.CaseKeys"/>).</param>
    /// <param name="diagnostics">Where the problems go.</param>
    /// <param name="parsed">
    /// <c>false</c> when the document was refused before its tree was built (too large, or not JSON): the diagnostics
    /// are then in the order found (the syntax error first), else they should be put in document order (<see cref="Order"/>).
    /// </param>
    /// <returns>The root of the tree when the document was read completely; else <c>null</c>.</returns>
    public static Node? ReadDocument(string json, IReadOnlySet<string> shownKeys, List<Diagnostic> diagnostics, out bool parsed)
    {
        parsed = false;
        if (IsTooLarge(json, out var bytes))
        {
            diagnostics.Add(CaseDiagnostic.Error(DiagnosticCodes.CaseTooLarge,
                $"the case is {bytes} bytes, more than the {MaxBytes} bytes (4 MiB) a case may have", CasePath.Root, suggestion: $"shorten it"));
            return null;
        }
        // Nesting is limited below, where the path of the level too deep is known; the strict check needs no limit
        // of its own (it keeps one character per open level, and the text is at most 4 MiB).
        if (StrictJson.Check(json, int.MaxValue) is { } problem)
        {
            diagnostics.Add(CaseDiagnostic.Error(DiagnosticCodes.InvalidCaseJson, $"the case is not valid JSON (RFC 8259): {problem.Problem}",
                CasePath.Root, problem.Line, problem.Column, $"fix the syntax at this position"));
            // What can be read of it is still inspected, so an identifier in a broken file is reported too (PR4009).
            var (partial, _) = Parse(json, shownKeys, []);
            if (partial is not null) Inspect(partial, diagnostics);
            return null;
        }

        parsed = true;
        var (root, complete) = Parse(json, shownKeys, diagnostics);
        if (root is not null) Inspect(root, diagnostics);
        return complete ? root : null;
    }

    /// <summary>Diagnostics in document order: by line and column (line 0 last), then in the order found.</summary>
    public static IReadOnlyList<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Select((d, i) => (d, i))
        .OrderBy(x => x.d.Line == 0 ? int.MaxValue : x.d.Line)
        .ThenBy(x => x.d.Column)
        .ThenBy(x => x.i)
        .Select(x => x.d)
        .ToArray();

    private static bool IsTooLarge(string json, out long bytes)
    {
        bytes = json.Length;
        if (json.Length > MaxBytes) return true;           // every char is at least one byte
        if ((long)json.Length * 3 <= MaxBytes) return false; // at most three bytes per UTF-16 char
        bytes = Encoding.UTF8.GetByteCount(json);
        return bytes > MaxBytes;
    }

    // ==================================================================== the tree

    /// <summary>A JSON value with where it starts and its path.</summary>
    internal abstract class Node(CasePath path, int line, int column)
    {
        public CasePath Path { get; } = path;
        public int Line { get; } = line;
        public int Column { get; } = column;
        public CaseValidator.Location Location => new(Path, Line, Column);
    }

    /// <summary>An object; keeps every member, duplicates included, in document order.</summary>
    internal sealed class ObjectNode(CasePath path, int line, int column) : Node(path, line, column)
    {
        public List<Member> Members { get; } = [];
    }

    /// <summary>A key of an object, where the key starts, and its value (<c>null</c> when the text ended first).</summary>
    internal sealed class Member(string name, CasePath path, int line, int column)
    {
        public string Name { get; } = name;
        public CasePath Path { get; } = path;
        public int Line { get; } = line;
        public int Column { get; } = column;
        public Node? Value { get; set; }
        public CaseValidator.Location Location => new(Path, Line, Column);
    }

    /// <summary>An array.</summary>
    internal sealed class ArrayNode(CasePath path, int line, int column) : Node(path, line, column)
    {
        public List<Node> Items { get; } = [];
    }

    /// <summary>A string, number, boolean or null.</summary>
    internal sealed class ValueNode(CasePath path, int line, int column, JsonToken token, object? value) : Node(path, line, column)
    {
        public JsonToken Token { get; } = token;
        public object? Value { get; } = value;
    }

    /// <summary>What a node is, for messages (never its value).</summary>
    internal static SafeText Describe(Node? node) => node switch
    {
        ObjectNode => $"an object",
        ArrayNode => $"an array",
        ValueNode { Token: JsonToken.String } => $"a string",
        ValueNode { Token: JsonToken.Integer or JsonToken.Float } => $"a number",
        ValueNode { Token: JsonToken.Boolean } => $"a boolean",
        ValueNode { Token: JsonToken.Null or JsonToken.Undefined } => $"null",
        _ => $"nothing",
    };

    // ==================================================================== parsing

    /// <summary>Builds the tree of a text that <see cref="StrictJson"/> accepted.</summary>
    private static (Node? Root, bool Complete) Parse(string json, IReadOnlySet<string> shownKeys, List<Diagnostic> diagnostics)
    {
        if (json.Length > 0 && json[0] == '\uFEFF') json = json[1..];
        var lines = new LineMap(json);
        Node? root = null;
        var stack = new Stack<Node>();
        Member? pending = null;
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = null, // depth is checked below, with a case diagnostic
            CloseInput = true,
        };
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token == JsonToken.Comment) continue;
                // Not JSON (StrictJson has said so already): the partial tree ends here.
                if (token is JsonToken.StartConstructor or JsonToken.EndConstructor or JsonToken.Raw or JsonToken.None) return (root, false);
                var parent = stack.Count > 0 ? stack.Peek() : null;
                if (token == JsonToken.PropertyName)
                {
                    var name = (string)reader.Value!;
                    var obj = (ObjectNode)parent!;
                    var (line, column) = lines.StartOf(reader.LineNumber, reader.LinePosition, token);
                    pending = new Member(name, obj.Path.Property(name, obj.Members.Count, shownKeys), line, column);
                    obj.Members.Add(pending);
                    continue;
                }
                if (token is JsonToken.EndObject or JsonToken.EndArray)
                {
                    stack.Pop();
                    continue;
                }

                var path = parent switch
                {
                    null => CasePath.Root,
                    ObjectNode => pending!.Path,
                    ArrayNode a => a.Path.Index(a.Items.Count),
                    _ => CasePath.Root,
                };
                var (valueLine, valueColumn) = lines.StartOf(reader.LineNumber, reader.LinePosition, token);
                Node node;
                if (token is JsonToken.StartObject or JsonToken.StartArray)
                {
                    if (stack.Count + 1 > MaxDepth)
                    {
                        diagnostics.Add(CaseDiagnostic.Error(DiagnosticCodes.CaseTooLarge,
                            $"the case is nested more than {MaxDepth} levels deep at {path}", path, valueLine, valueColumn, $"flatten it"));
                        return (root, false);
                    }
                    node = token == JsonToken.StartObject
                        ? new ObjectNode(path, valueLine, valueColumn)
                        : new ArrayNode(path, valueLine, valueColumn);
                }
                else
                {
                    node = new ValueNode(path, valueLine, valueColumn, token, reader.Value);
                }

                switch (parent)
                {
                    case null: root = node; break;
                    case ObjectNode: pending!.Value = node; pending = null; break;
                    case ArrayNode a: a.Items.Add(node); break;
                }
                if (node is ObjectNode or ArrayNode) stack.Push(node);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException or InvalidCastException)
        {
            // StrictJson accepted the text, so this is not expected; the reader's message may quote the text, so it is not used.
            var path = pending?.Path ?? (stack.Count > 0 ? stack.Peek().Path : CasePath.Root);
            var (line, column) = e is JsonReaderException r ? (r.LineNumber, r.LinePosition) : (reader.LineNumber, reader.LinePosition);
            diagnostics.Add(CaseDiagnostic.Error(DiagnosticCodes.InvalidCaseJson, $"the case is not valid JSON here", path, line, column, $"fix the syntax at this position"));
            return (root, false);
        }

        if (stack.Count > 0)
        {
            var open = stack.Peek();
            var (endLine, endColumn) = lines.End;
            diagnostics.Add(CaseDiagnostic.Error(DiagnosticCodes.InvalidCaseJson,
                $"the case is not valid JSON: the text ends before {(open is ObjectNode ? (SafeText)$"an object" : (SafeText)$"an array")} is closed",
                open.Path, endLine, endColumn, $"close {open.Path}"));
            return (root, false);
        }
        if (root is null)
        {
            diagnostics.Add(CaseDiagnostic.Error(DiagnosticCodes.InvalidCaseJson, $"the case is empty: expected a JSON object", CasePath.Root, 1, 1));
            return (null, false);
        }
        return (root, true);
    }

    /// <summary>Turns the reader's positions (the column of a token's last character) into the column where the token starts.</summary>
    private sealed class LineMap
    {
        private readonly string _text;
        private readonly List<int> _starts = [0];

        public LineMap(string text)
        {
            _text = text;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    _starts.Add(i + 1);
                }
                else if (text[i] == '\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        /// <summary>The line and column just after the last character.</summary>
        public (int Line, int Column) End => (_starts.Count, _text.Length - _starts[^1] + 1);

        public (int Line, int Column) StartOf(int line, int position, JsonToken token)
        {
            if (line < 1 || line > _starts.Count || position < 1) return (line, position);
            if (token is JsonToken.StartObject or JsonToken.StartArray) return (line, position);
            var lineStart = _starts[line - 1];
            var i = lineStart + position - 1;
            if (i >= _text.Length) return (line, position);
            if (token == JsonToken.PropertyName)
            {
                // The reader stops on the ':' after the name.
                if (_text[i] == ':') i--;
                while (i > lineStart && char.IsWhiteSpace(_text[i])) i--;
            }
            var c = _text[i];
            if (c is '"' or '\'')
            {
                for (var j = i - 1; j >= lineStart; j--)
                {
                    if (_text[j] != c) continue;
                    var backslashes = 0;
                    for (var k = j - 1; k >= lineStart && _text[k] == '\\'; k--) backslashes++;
                    if (backslashes % 2 == 0) return (line, j - lineStart + 1);
                }
                return (line, position);
            }
            var start = i;
            while (start > lineStart && !char.IsWhiteSpace(_text[start - 1]) && _text[start - 1] is not (',' or ':' or '[' or '{'))
                start--;
            return (line, start - lineStart + 1);
        }
    }

    // ==================================================================== the guard over the whole document

    /// <summary>Reports every identifier field and identifier-looking key or string value, anywhere (PR4009).</summary>
    private static void Inspect(Node node, List<Diagnostic> diagnostics)
    {
        switch (node)
        {
            case ObjectNode obj:
                foreach (var member in obj.Members)
                {
                    if (AnonymizationGuard.KeyDiagnostic(obj.Path, member.Path, member.Name, member.Line, member.Column) is { } d)
                    {
                        diagnostics.Add(d); // one diagnostic for the field; what it holds is not looked at
                        continue;
                    }
                    if (member.Value is not null) Inspect(member.Value, diagnostics);
                }
                break;
            case ArrayNode array:
                foreach (var item in array.Items) Inspect(item, diagnostics);
                break;
            case ValueNode { Token: JsonToken.String, Value: string text } value:
                if (AnonymizationGuard.ValueKind(text) is { } kind)
                    diagnostics.Add(AnonymizationGuard.ValueDiagnostic(value.Path, kind, value.Line, value.Column));
                break;
        }
    }

    // ==================================================================== reading parts of the tree

    /// <summary>
    /// Reads parts of a case's tree with the structural checks every part shares: unknown keys (PR4003), keys given
    /// twice (PR4008), values of the wrong type (PR4002). Messages are <see cref="SafeText"/>: never a value of the
    /// case. Collects into the list it is given; not thread-safe (one per run). The case builder derives from it, and so
    /// does PlanRules.Testing's reader of the <c>expect</c> block.
    /// </summary>
    internal abstract class NodeReader(List<Diagnostic> diagnostics)
    {
        /// <summary>Where diagnostics go.</summary>
        public List<Diagnostic> Diagnostics { get; } = diagnostics;

        /// <summary>Adds an error.</summary>
        public void Report(string code, SafeText message, CaseValidator.Location at, SafeText? suggestion = null) =>
            Diagnostics.Add(CaseDiagnostic.Error(code, message, at.Path, at.Line, at.Column, suggestion));

        // ------------------------------------------------------------ structure (shared with the readers of other parts, e.g. expect)

        /// <summary>
        /// The members of an object by name, first occurrence only: identifier keys are skipped (the guard reported
        /// them), unknown keys are PR4003, a key given twice is PR4008.
        /// </summary>
        public Dictionary<string, Member> Members(ObjectNode obj, string[] known)
        {
            var result = new Dictionary<string, Member>(StringComparer.Ordinal);
            foreach (var member in obj.Members)
            {
                if (AnonymizationGuard.IsIdentifierKey(member.Name)) continue;
                if (!known.Contains(member.Name, StringComparer.Ordinal))
                {
                    var closest = Suggestions.Closest(member.Name, known);
                    Report(DiagnosticCodes.UnknownCaseKey, $"unknown key ({SafeText.KeyShape(member.Name)}) in {CaseValidator.Where(obj.Path)}", member.Location,
                        closest is not null
                            ? (SafeText)$"did you mean '{SafeText.OneOf(closest, CaseFormatKeys.All)}'?"
                            : (SafeText)$"remove it; allowed keys: {SafeText.List(known, CaseFormatKeys.All)}");
                    continue;
                }
                if (!result.TryAdd(member.Name, member))
                    Report(DiagnosticCodes.DuplicateCaseCode, $"key '{SafeText.OneOf(member.Name, CaseFormatKeys.All)}' is given twice in {CaseValidator.Where(obj.Path)}", member.Location, $"give it once");
            }
            return result;
        }

        public void WrongType(SafeText expected, SafeText what, Node? node, CaseValidator.Location at)
        {
            var isNull = node is ValueNode { Token: JsonToken.Null or JsonToken.Undefined };
            Report(DiagnosticCodes.CaseWrongType, $"expected {expected} for {what} but found {Describe(node)}", at,
                isNull ? (SafeText)$"leave it out when it is unknown" : null);
        }

        /// <summary>A key of the case format, quoted, for messages.</summary>
        public static SafeText Key(Member member) => $"'{SafeText.OneOf(member.Name, CaseFormatKeys.All)}'";

        public ObjectNode? ReadObject(Member member, SafeText what)
        {
            if (member.Value is ObjectNode obj) return obj;
            WrongType($"an object", what, member.Value, ValueLocation(member));
            return null;
        }

        public static CaseValidator.Location ValueLocation(Member member) => member.Value?.Location ?? member.Location;

        public string? ReadString(Member member, SafeText what)
        {
            if (member.Value is ValueNode { Token: JsonToken.String, Value: string text }) return text;
            WrongType($"a string", what, member.Value, ValueLocation(member));
            return null;
        }

        public double? ReadNumber(Member member, SafeText what)
        {
            if (member.Value is ValueNode { Token: JsonToken.Integer or JsonToken.Float } value) return Number(value);
            WrongType($"a number", what, member.Value, ValueLocation(member));
            return null;
        }

        public bool? ReadBoolean(Member member, SafeText what)
        {
            if (member.Value is ValueNode { Token: JsonToken.Boolean, Value: bool b }) return b;
            WrongType($"true or false", what, member.Value, ValueLocation(member));
            return null;
        }

        public static double Number(ValueNode value) => value.Value switch
        {
            long l => l,
            int i => i,
            double d => d,
            BigInteger b => (double)b,
            decimal m => (double)m,
            IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
            _ => double.NaN,
        };
    }

    // ==================================================================== building the case

    private sealed class Builder(Vocabulary vocabulary, List<Diagnostic> diagnostics) : NodeReader(diagnostics)
    {
        private readonly CaseValidator _check = new(vocabulary, diagnostics, reportIdentifiers: false);

        public PatientCase? Build(Node root)
        {
            if (root is not ObjectNode obj)
            {
                _check.Report(DiagnosticCodes.CaseWrongType, $"expected a JSON object for the case but found {Describe(root)}", root.Location);
                return null;
            }
            var members = Members(obj, RootKeys);

            ReadSchema(members.GetValueOrDefault("schema"), obj);
            string? caseId = null;
            if (members.TryGetValue("caseId", out var caseIdMember) && ReadString(caseIdMember, $"'caseId'") is { } id)
            {
                var before = Diagnostics.Count;
                _check.CheckCaseId(id, ValueLocation(caseIdMember));
                if (Diagnostics.Count == before) caseId = id;
            }

            var patient = members.TryGetValue("patient", out var p) ? ReadPatient(p) : new PatientInfo();
            var findings = members.TryGetValue("findings", out var f) ? ReadFindings(f) : new Dictionary<string, FactValue>(StringComparer.Ordinal);
            var history = members.TryGetValue("history", out var h) ? ReadHistory(h) : new CaseHistory();
            var labs = members.TryGetValue("labs", out var l) ? ReadLabs(l) : new Dictionary<string, double>(StringComparer.Ordinal);
            var goals = members.TryGetValue("goals", out var g) ? ReadCodes(g, "goal") : null;

            return new PatientCase
            {
                CaseId = caseId,
                Patient = patient ?? new PatientInfo(),
                Findings = (findings ?? new Dictionary<string, FactValue>(StringComparer.Ordinal)).AsReadOnly(),
                History = history ?? new CaseHistory(),
                Labs = (labs ?? new Dictionary<string, double>(StringComparer.Ordinal)).AsReadOnly(),
                Goals = goals,
            };
        }

        /// <summary>The members of a map (findings, labs) that may be checked: identifier keys skipped, repeated keys PR4008.</summary>
        private IEnumerable<Member> MapMembers(ObjectNode obj, string section)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in obj.Members)
            {
                if (AnonymizationGuard.IsIdentifierKey(member.Name)) continue;
                if (!seen.Add(member.Name))
                {
                    _check.Report(DiagnosticCodes.DuplicateCaseCode, $"{CaseValidator.Noun(section)} '{_check.Code(section, member.Name)}' is given twice in {CaseValidator.Place(section)}",
                        member.Location, $"give it once");
                    continue;
                }
                yield return member;
            }
        }

        // ------------------------------------------------------------ sections

        private void ReadSchema(Member? member, ObjectNode root)
        {
            var expected = SafeText.Trusted(PatientCase.Schema);
            SafeText fix = $"add \"schema\": \"{expected}\"";
            if (member is null)
            {
                _check.Report(DiagnosticCodes.UnsupportedCaseSchema, $"the case has no \"schema\"; expected '{expected}'", root.Location, fix);
                return;
            }
            var at = ValueLocation(member);
            if (member.Value is not ValueNode { Token: JsonToken.String, Value: string schema })
            {
                _check.Report(DiagnosticCodes.UnsupportedCaseSchema, $"expected the string '{expected}' for \"schema\" but found {Describe(member.Value)}", at, fix);
                return;
            }
            if (schema == PatientCase.Schema || AnonymizationGuard.ValueKind(schema) is not null) return;
            _check.Report(DiagnosticCodes.UnsupportedCaseSchema, $"unsupported schema ({SafeText.Shape(schema)}); this library reads '{expected}'", at,
                $"use \"schema\": \"{expected}\"");
        }

        private PatientInfo? ReadPatient(Member member)
        {
            if (ReadObject(member, $"'patient'") is not { } obj) return null;
            var members = Members(obj, PatientKeys);
            double? age = null;
            string? sex = null;
            bool? pregnant = null;
            if (members.TryGetValue("ageYears", out var a) && ReadNumber(a, $"'patient.ageYears'") is { } ageValue)
            {
                _check.CheckNumber($"'patient.ageYears'", ageValue, Fact("patient.ageYears"), ValueLocation(a));
                age = ageValue;
            }
            if (members.TryGetValue("sex", out var s) && ReadString(s, $"'patient.sex'") is { } sexValue)
            {
                _check.CheckWord($"'patient.sex'", sexValue, Fact("patient.sex"), ValueLocation(s));
                sex = sexValue;
            }
            if (members.TryGetValue("pregnant", out var pr)) pregnant = ReadBoolean(pr, $"'patient.pregnant'");
            return new PatientInfo { AgeYears = age, Sex = sex, Pregnant = pregnant };
        }

        private FactDefinition? Fact(string name) => vocabulary.TryGetFact(name, out var definition) ? definition : null;

        private Dictionary<string, FactValue>? ReadFindings(Member member)
        {
            if (ReadObject(member, $"'findings'") is not { } obj) return null;
            var findings = new Dictionary<string, FactValue>(StringComparer.Ordinal);
            foreach (var finding in MapMembers(obj, "finding"))
            {
                var code = finding.Name;
                var definition = _check.CheckCode("finding", code, finding.Location);
                var at = ValueLocation(finding);
                var what = _check.Fact("finding", code);
                var expected = definition is null ? (SafeText)$"a number, true/false or a word" : CaseValidator.Expected(definition.Type);
                FactValue? value = null;
                switch (finding.Value)
                {
                    case ValueNode { Token: JsonToken.Integer or JsonToken.Float } number:
                        var n = Number(number);
                        if (double.IsFinite(n)) value = FactValue.Number(n);
                        else _check.CheckNumber(what, n, definition, at);
                        break;
                    case ValueNode { Token: JsonToken.Boolean, Value: bool b }:
                        value = FactValue.Boolean(b);
                        break;
                    case ValueNode { Token: JsonToken.String, Value: string text }:
                        if (AnonymizationGuard.ValueKind(text) is not null) break; // reported by the guard; never echoed
                        if (!string.IsNullOrWhiteSpace(text)) value = FactValue.Word(text);
                        else if (definition is { Type: FactType.Word }) _check.CheckWord(what, text, definition, at);
                        else if (definition is not null) _check.Report(DiagnosticCodes.CaseWrongType, $"expected {expected} for {what} but found an empty string", at);
                        break;
                    default:
                        _check.Report(DiagnosticCodes.CaseWrongType, $"expected {expected} for {what} but found {Describe(finding.Value)}", at,
                            finding.Value is ValueNode { Token: JsonToken.Null or JsonToken.Undefined } ? (SafeText)$"leave the finding out when it is unknown" : null);
                        break;
                }
                if (value is null) continue;
                if (definition is not null) _check.CheckFindingValue(code, definition, value, at);
                findings[code] = value;
            }
            return findings;
        }

        private Dictionary<string, double>? ReadLabs(Member member)
        {
            if (ReadObject(member, $"'labs'") is not { } obj) return null;
            var labs = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var lab in MapMembers(obj, "lab"))
            {
                var definition = _check.CheckCode("lab", lab.Name, lab.Location);
                var what = _check.Fact("lab", lab.Name);
                if (ReadNumber(lab, what) is not { } value) continue;
                if (definition is not null || !double.IsFinite(value)) _check.CheckNumber(what, value, definition, ValueLocation(lab));
                labs[lab.Name] = value;
            }
            return labs;
        }

        private CaseHistory? ReadHistory(Member member)
        {
            if (ReadObject(member, $"'history'") is not { } obj) return null;
            var members = Members(obj, HistoryKeys);
            return new CaseHistory
            {
                // A list that is absent stays null: unknown, not "none".
                Conditions = members.TryGetValue("conditions", out var c) ? ReadCodes(c, "condition") : null,
                Medications = members.TryGetValue("medications", out var m) ? ReadMedications(m) : null,
                Allergies = members.TryGetValue("allergies", out var a) ? ReadCodes(a, "allergy") : null,
                Devices = members.TryGetValue("devices", out var d) ? ReadCodes(d, "device") : null,
                Procedures = members.TryGetValue("procedures", out var p) ? ReadProcedures(p) : null,
            };
        }

        private IReadOnlyList<string>? ReadCodes(Member member, string section)
        {
            if (member.Value is not ArrayNode array)
            {
                WrongType($"an array of {CaseValidator.Noun(section)} codes", Key(member), member.Value, ValueLocation(member));
                return null;
            }
            var codes = new List<string>(array.Items.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in array.Items)
            {
                if (item is not ValueNode { Token: JsonToken.String, Value: string code })
                {
                    WrongType($"a string ({CaseValidator.Noun(section)} code)", $"{item.Path}", item, item.Location);
                    continue;
                }
                if (_check.CheckCode(section, code, item.Location) is not null) _check.CheckDuplicate(seen, section, code, item.Location);
                codes.Add(code);
            }
            return codes.AsReadOnly();
        }

        private IEnumerable<ObjectNode> Entries(Member member, string section)
        {
            if (member.Value is not ArrayNode array)
            {
                WrongType($"an array of {CaseValidator.Noun(section)} entries", Key(member), member.Value, ValueLocation(member));
                yield break;
            }
            foreach (var item in array.Items)
            {
                if (item is ObjectNode obj)
                {
                    yield return obj;
                    continue;
                }
                SafeText? hint = item is ValueNode { Token: JsonToken.String, Value: string code } && AnonymizationGuard.ValueKind(code) is null
                    ? (SafeText)$"write {{ \"code\": \"{_check.Code(section, code)}\" }}"
                    : null;
                _check.Report(DiagnosticCodes.CaseWrongType, $"expected an object ({CaseValidator.Noun(section)} entry) at {item.Path} but found {Describe(item)}", item.Location, hint);
            }
        }

        private string? ReadEntryCode(ObjectNode entry, Dictionary<string, Member> members, string section, HashSet<string>? seen)
        {
            if (!members.TryGetValue("code", out var member))
            {
                _check.Report(DiagnosticCodes.CaseWrongType, $"expected a string for 'code' in {entry.Path} but it is missing", entry.Location,
                    $"every {CaseValidator.Noun(section)} entry needs a code");
                return null;
            }
            if (ReadString(member, $"'code' in {entry.Path}") is not { } code) return null;
            var at = ValueLocation(member);
            if (_check.CheckCode(section, code, at) is not null && seen is not null) _check.CheckDuplicate(seen, section, code, at);
            return code;
        }

        private IReadOnlyList<MedicationEntry>? ReadMedications(Member member)
        {
            var medications = new List<MedicationEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var ok = member.Value is ArrayNode;
            foreach (var entry in Entries(member, "medication"))
            {
                var members = Members(entry, MedicationKeys);
                var code = ReadEntryCode(entry, members, "medication", seen);
                double? hours = null;
                string? dose = null, indication = null;
                if (members.TryGetValue("lastDoseHoursAgo", out var h) && ReadNumber(h, $"'lastDoseHoursAgo'") is { } hoursValue)
                {
                    _check.CheckAttribute("medication", "lastDoseHoursAgo", code, hoursValue, ValueLocation(h));
                    hours = hoursValue;
                }
                if (members.TryGetValue("dose", out var d) && ReadString(d, $"'dose'") is { } doseValue)
                {
                    _check.CheckAttribute("medication", "dose", code, doseValue, ValueLocation(d));
                    dose = doseValue;
                }
                if (members.TryGetValue("indication", out var i) && ReadString(i, $"'indication'") is { } indicationValue)
                {
                    _check.CheckAttribute("medication", "indication", code, indicationValue, ValueLocation(i));
                    indication = indicationValue;
                }
                if (code is not null)
                    medications.Add(new MedicationEntry(code) { LastDoseHoursAgo = hours, Dose = dose, Indication = indication });
            }
            return ok ? medications.AsReadOnly() : null;
        }

        private IReadOnlyList<ProcedureEntry>? ReadProcedures(Member member)
        {
            var procedures = new List<ProcedureEntry>();
            var ok = member.Value is ArrayNode;
            foreach (var entry in Entries(member, "procedure"))
            {
                var members = Members(entry, ProcedureKeys);
                // The same procedure may be listed more than once: each entry is a separate session.
                var code = ReadEntryCode(entry, members, "procedure", seen: null);
                var weeksAgo = ReadAttribute(members, "weeksAgo", code);
                var reliefPercent = ReadAttribute(members, "reliefPercent", code);
                var reliefWeeks = ReadAttribute(members, "reliefWeeks", code);
                if (code is not null)
                    procedures.Add(new ProcedureEntry(code) { WeeksAgo = weeksAgo, ReliefPercent = reliefPercent, ReliefWeeks = reliefWeeks });
            }
            return ok ? procedures.AsReadOnly() : null;
        }

        private double? ReadAttribute(Dictionary<string, Member> members, string attribute, string? code)
        {
            if (!members.TryGetValue(attribute, out var member) || ReadNumber(member, Key(member)) is not { } value) return null;
            _check.CheckAttribute("procedure", attribute, code, value, ValueLocation(member));
            return value;
        }
    }
}
