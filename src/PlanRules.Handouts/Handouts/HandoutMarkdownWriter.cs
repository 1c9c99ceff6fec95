using System.Text;

namespace PlanRules.Handouts;

/// <summary>Writes a <see cref="HandoutDocument"/> as Markdown (CommonMark with pipe tables), <c>\n</c> line ends. Stateless.</summary>
internal static class HandoutMarkdownWriter
{
    public static string Write(HandoutDocument document)
    {
        var sb = new StringBuilder();
        foreach (var block in document.Blocks) WriteBlock(sb, block);
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static void WriteBlock(StringBuilder sb, HandoutBlock block)
    {
        switch (block)
        {
            case HandoutSection s:
                foreach (var b in s.Blocks) WriteBlock(sb, b);
                break;
            case HandoutHeading h:
                sb.Append('#', h.Level).Append(' ').Append(Escape(h.Text)).Append("\n\n");
                break;
            case HandoutParagraph p:
                sb.Append(p.Small ? "*" + Escape(p.Text) + "*" : Escape(p.Text)).Append("\n\n");
                break;
            case HandoutList l:
                foreach (var i in l.Items)
                    sb.Append("- ").Append(i.Lead is null ? "" : "**" + Escape(i.Lead) + "** ").Append(Escape(i.Text)).Append('\n');
                sb.Append('\n');
                break;
            case HandoutTable t:
                sb.Append("| ").Append(string.Join(" | ", t.Headers.Select(Cell))).Append(" |\n");
                sb.Append('|').Append(string.Concat(t.Headers.Select(_ => " --- |"))).Append('\n');
                foreach (var row in t.Rows)
                    sb.Append("| **").Append(Cell(row[0])).Append("** | ").Append(string.Join(" | ", row.Skip(1).Select(Cell))).Append(" |\n");
                sb.Append('\n');
                break;
            case HandoutCallout c:
                sb.Append("> **").Append(Escape(c.Title)).Append(c.Urgent ? "**\n>\n" : "**\n>\n");
                foreach (var line in c.Lines) sb.Append("> ").Append(Escape(line)).Append("\n>\n");
                sb.Length -= 2;
                sb.Append('\n');
                break;
            case HandoutGlossaryBlock g:
                foreach (var (term, meaning) in g.Terms) sb.Append("- **").Append(Escape(term)).Append(":** ").Append(Escape(meaning)).Append('\n');
                sb.Append('\n');
                break;
        }
    }

    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);

    // Plain text stays plain: characters that Markdown would read as markup are escaped.
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '*' or '_' or '`' or '<' or '>' or '[' or ']' or '#' or '\\') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
