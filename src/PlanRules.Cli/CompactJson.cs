using System.Text;

namespace PlanRules.Cli;

/// <summary>Writes JSON on one line: the same document with the whitespace between tokens removed (strings untouched).</summary>
internal static class CompactJson
{
    public static string Minify(string json)
    {
        var sb = new StringBuilder(json.Length);
        var inString = false;
        var escaped = false;
        foreach (var c in json)
        {
            if (inString)
            {
                sb.Append(c);
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            }
            else if (c == '"')
            {
                inString = true;
                sb.Append(c);
            }
            else if (c is not (' ' or '\n' or '\r' or '\t'))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
