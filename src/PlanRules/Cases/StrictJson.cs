using PlanRules.Privacy;

namespace PlanRules.Cases;

/// <summary>
/// Checks that a text is one JSON value as RFC 8259 defines it — nothing more lenient: no comments, no single
/// quotes, no unquoted keys, no trailing commas, no hexadecimal, octal, <c>NaN</c> or <c>Infinity</c> numbers, no
/// constructors such as <c>new Date(1)</c>, no <c>undefined</c>, no control characters inside strings. Newtonsoft's
/// reader accepts all of those, so a case is checked here first. Iterative (no recursion, whatever the nesting),
/// linear in the text, never throws. The problem it reports describes the text, never repeats it.
/// </summary>
internal static class StrictJson
{
    /// <summary>The first departure from RFC 8259, or <c>null</c> when the text is strict JSON.</summary>
    /// <param name="text">The document.</param>
    /// <param name="maxDepth">The deepest nesting of objects and arrays accepted.</param>
    public static (int Line, int Column, SafeText Problem)? Check(string text, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = new Scanner(text, maxDepth);
        return s.Run();
    }

    private sealed class Scanner(string text, int maxDepth)
    {
        private bool _first;
        private int _i;
        private int _line = 1;
        private int _lineStart;
        // What each open container expects next.
        private readonly Stack<char> _open = new();

        private (int, int, SafeText)? Fail(SafeText problem) => (_line, _i - _lineStart + 1, problem);

        public (int, int, SafeText)? Run()
        {
            if (text.Length > 0 && text[0] == '\uFEFF') _i = 1;
            SkipSpace();
            if (Value() is { } e) return e;
            while (true)
            {
                SkipSpace();
                if (_open.Count == 0) break;
                var container = _open.Peek();
                if (_i >= text.Length) return Fail(container == '{' ? (SafeText)$"the text ends before an object is closed" : (SafeText)$"the text ends before an array is closed");
                var c = text[_i];
                if (_first)
                {
                    _first = false;
                    if (c == (container == '{' ? '}' : ']'))
                    {
                        _i++;
                        _open.Pop();
                        continue;
                    }
                    if (container == '{' && Key() is { } firstKey) return firstKey;
                    if (Value() is { } first) return first;
                    continue;
                }
                if (c == ',')
                {
                    _i++;
                    SkipSpace();
                    if (_i < text.Length && (text[_i] == '}' || text[_i] == ']')) return Fail($"a comma before a closing bracket (trailing commas are not JSON)");
                    if (container == '{' && Key() is { } k) return k;
                    if (Value() is { } v) return v;
                    continue;
                }
                if ((container == '{' && c == '}') || (container == '[' && c == ']'))
                {
                    _i++;
                    _open.Pop();
                    continue;
                }
                if (c == '/') return Fail($"a comment is not allowed (JSON has no comments)");
                return Fail(container == '{' ? (SafeText)$"expected ',' or '}}' after a member of an object" : (SafeText)$"expected ',' or ']' after an element of an array");
            }
            if (_i < text.Length)
                return Fail(text[_i] == '/' ? (SafeText)$"a comment is not allowed (JSON has no comments)" : (SafeText)$"unexpected content after the end of the JSON value");
            return null;
        }

        private void SkipSpace()
        {
            while (_i < text.Length)
            {
                var c = text[_i];
                if (c == '\n') { _i++; _line++; _lineStart = _i; }
                else if (c == '\r')
                {
                    _i++;
                    if (_i < text.Length && text[_i] == '\n') _i++;
                    _line++;
                    _lineStart = _i;
                }
                else if (c is ' ' or '\t') _i++;
                else break;
            }
        }

        private (int, int, SafeText)? Key()
        {
            SkipSpace();
            if (_i >= text.Length) return Fail($"the text ends where a key was expected");
            if (text[_i] != '"')
                return Fail(text[_i] == '\'' ? (SafeText)$"a key in single quotes (JSON keys use double quotes)" : (SafeText)$"expected a key in double quotes");
            if (String() is { } e) return e;
            SkipSpace();
            if (_i >= text.Length || text[_i] != ':') return Fail($"expected ':' after a key");
            _i++;
            SkipSpace();
            return null;
        }

        /// <summary>Reads one value; an object or array is only opened (pushed), its members are read by the loop.</summary>
        private (int, int, SafeText)? Value()
        {
            SkipSpace();
            if (_i >= text.Length) return Fail(_open.Count == 0 && _i == 0 ? (SafeText)$"the text is empty: expected a JSON value" : (SafeText)$"the text ends where a value was expected");
            var c = text[_i];
            switch (c)
            {
                case '{':
                case '[':
                    if (_open.Count >= maxDepth) return Fail($"the document is nested more than {maxDepth} levels deep");
                    _i++;
                    _open.Push(c);
                    _first = true;
                    return null;
                case '"':
                    return String();
                case '\'':
                    return Fail($"a string in single quotes (JSON strings use double quotes)");
                case 't': return Literal("true");
                case 'f': return Literal("false");
                case 'n':
                    if (Match("new")) return Fail($"a constructor (such as new Date(…)) is not JSON");
                    return Literal("null");
                case '/':
                    return Fail($"a comment is not allowed (JSON has no comments)");
                default:
                    if (c == '-' || char.IsAsciiDigit(c)) return Number();
                    if (c is 'N' or 'I') return Fail($"NaN and Infinity are not JSON numbers");
                    if (c == 'u' && Match("undefined")) return Fail($"undefined is not a JSON value");
                    return Fail($"unexpected character: expected a JSON value");
            }
        }

        private bool Match(string word) => string.CompareOrdinal(text, _i, word, 0, word.Length) == 0;

        private (int, int, SafeText)? Literal(string word)
        {
            if (!Match(word)) return Fail($"unexpected word: expected true, false or null");
            _i += word.Length;
            return null;
        }

        private (int, int, SafeText)? Number()
        {
            if (text[_i] == '-') _i++;
            if (_i >= text.Length) return Fail($"a number ends after its sign");
            if (text[_i] == '0')
            {
                _i++;
                if (_i < text.Length && (text[_i] is 'x' or 'X')) return Fail($"a hexadecimal number is not JSON");
                if (_i < text.Length && char.IsAsciiDigit(text[_i])) return Fail($"a number with a leading zero is not JSON");
            }
            else if (char.IsAsciiDigit(text[_i]))
            {
                while (_i < text.Length && char.IsAsciiDigit(text[_i])) _i++;
            }
            else if (text[_i] == 'I') return Fail($"NaN and Infinity are not JSON numbers");
            else return Fail($"a number must start with a digit");
            if (_i < text.Length && text[_i] == '.')
            {
                _i++;
                if (_i >= text.Length || !char.IsAsciiDigit(text[_i])) return Fail($"a number needs a digit after its decimal point");
                while (_i < text.Length && char.IsAsciiDigit(text[_i])) _i++;
            }
            if (_i < text.Length && text[_i] is 'e' or 'E')
            {
                _i++;
                if (_i < text.Length && text[_i] is '+' or '-') _i++;
                if (_i >= text.Length || !char.IsAsciiDigit(text[_i])) return Fail($"a number needs a digit in its exponent");
                while (_i < text.Length && char.IsAsciiDigit(text[_i])) _i++;
            }
            return null;
        }

        private (int, int, SafeText)? String()
        {
            _i++; // the opening quote
            while (_i < text.Length)
            {
                var c = text[_i];
                if (c == '"') { _i++; return null; }
                if (c < ' ') return Fail($"a control character (such as a line break) inside a string must be escaped");
                if (c == '\\')
                {
                    _i++;
                    if (_i >= text.Length) break;
                    var e = text[_i];
                    if (e == 'u')
                    {
                        for (var k = 1; k <= 4; k++)
                            if (_i + k >= text.Length || !char.IsAsciiHexDigit(text[_i + k])) return Fail($"a \\u escape needs four hexadecimal digits");
                        _i += 5;
                        continue;
                    }
                    if (e is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't')) return Fail($"an escape that JSON does not define");
                    _i++;
                    continue;
                }
                _i++;
            }
            return Fail($"the text ends inside a string");
        }
    }
}
