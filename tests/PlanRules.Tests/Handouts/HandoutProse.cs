using System.Text.RegularExpressions;

namespace PlanRules.Tests.Handouts;

/// <summary>
/// The prose of a Markdown handout, as the readability test measures it: paragraphs, list items, callouts and the
/// glossary. Headings and the comparison table (labels, not sentences) and the small print (the plan reference
/// and rule-set version) are left out; Markdown markup and escapes are removed.
/// </summary>
internal static partial class HandoutProse
{
    public static string FromMarkdown(string markdown)
    {
        var lines = new List<string>();
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith('|') || line == ">") continue;
            if (line.StartsWith('*') && !line.StartsWith("**", StringComparison.Ordinal) && line.EndsWith('*')) continue; // small print
            if (line.StartsWith("> ", StringComparison.Ordinal)) line = line[2..];
            if (line.StartsWith("- ", StringComparison.Ordinal)) line = line[2..];
            line = line.Replace("**", "", StringComparison.Ordinal);
            line = Escape().Replace(line, "$1");
            lines.Add(line);
        }
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Escape();
}
