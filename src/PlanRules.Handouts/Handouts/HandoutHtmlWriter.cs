using System.Net;
using System.Text;

namespace PlanRules.Handouts;

/// <summary>
/// Writes a <see cref="HandoutDocument"/> as one self-contained HTML page: inline CSS (screen and
/// <c>@media print</c>), no scripts, no external assets or links. Stateless.
/// </summary>
internal static class HandoutHtmlWriter
{
    private const string Style = """
        :root { color-scheme: light; }
        body { font-family: Verdana, Arial, Helvetica, sans-serif; font-size: 17px; line-height: 1.6; color: #1a1a1a; background: #fff; max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.8rem; margin: 0 0 0.5rem; color: #123c69; }
        h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; color: #123c69; border-bottom: 2px solid #c9d6e3; padding-bottom: 0.2rem; }
        h3 { font-size: 1.1rem; margin: 1.2rem 0 0.3rem; }
        p, li { max-width: 46rem; }
        ul { padding-left: 1.4rem; }
        li { margin: 0.3rem 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; font-size: 0.95rem; }
        caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
        th, td { border: 1px solid #8a9bb0; padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; }
        thead th { background: #e8eef5; }
        tbody th { background: #f5f7fa; width: 12rem; }
        .callout { border: 3px solid #123c69; border-radius: 6px; padding: 0.8rem 1.1rem; margin: 1.2rem 0; background: #f2f6fa; }
        .urgent { border-color: #b00020; background: #fff1f1; }
        .urgent strong.title { color: #b00020; font-size: 1.3rem; }
        .small { font-size: 0.85rem; color: #444; margin-top: 2rem; }
        dl dt { font-weight: bold; margin-top: 0.6rem; }
        dl dd { margin: 0 0 0 1.2rem; }
        @media print {
          body { font-size: 12pt; max-width: none; padding: 0; color: #000; }
          h1, h2, h3 { color: #000; page-break-after: avoid; break-after: avoid; }
          h2 { border-bottom: 1px solid #000; }
          section, table, .callout, li { page-break-inside: avoid; break-inside: avoid; }
          .callout, .urgent { background: #fff; border-color: #000; }
          th, td { border-color: #000; }
          thead th, tbody th { background: #fff; }
          @page { margin: 2cm; }
        }
        """;

    public static string Write(HandoutDocument document)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"robots\" content=\"noindex\">\n");
        sb.Append("<title>").Append(E(document.Title)).Append("</title>\n");
        sb.Append("<style>\n").Append(Style.Replace("\r\n", "\n", StringComparison.Ordinal)).Append("\n</style>\n</head>\n<body>\n<main>\n");
        foreach (var block in document.Blocks) WriteBlock(sb, block);
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void WriteBlock(StringBuilder sb, HandoutBlock block)
    {
        switch (block)
        {
            case HandoutSection s:
                sb.Append("<section id=\"").Append(E(s.Id)).Append("\">\n");
                foreach (var b in s.Blocks) WriteBlock(sb, b);
                sb.Append("</section>\n");
                break;
            case HandoutHeading h:
                sb.Append("<h").Append(h.Level).Append('>').Append(E(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                break;
            case HandoutParagraph p:
                sb.Append(p.Small ? "<p class=\"small\">" : "<p>").Append(E(p.Text)).Append("</p>\n");
                break;
            case HandoutList l:
                sb.Append("<ul>\n");
                foreach (var i in l.Items)
                    sb.Append("<li>").Append(i.Lead is null ? "" : "<strong>" + E(i.Lead) + "</strong> ").Append(E(i.Text)).Append("</li>\n");
                sb.Append("</ul>\n");
                break;
            case HandoutTable t:
                sb.Append("<table>\n<caption>").Append(E(t.Caption)).Append("</caption>\n<thead><tr>");
                for (var i = 0; i < t.Headers.Count; i++)
                    sb.Append(i == 0 ? "<td></td>" : "<th scope=\"col\">" + E(t.Headers[i]) + "</th>");
                sb.Append("</tr></thead>\n<tbody>\n");
                foreach (var row in t.Rows)
                {
                    sb.Append("<tr><th scope=\"row\">").Append(E(row[0])).Append("</th>");
                    foreach (var cell in row.Skip(1)) sb.Append("<td>").Append(E(cell)).Append("</td>");
                    sb.Append("</tr>\n");
                }
                sb.Append("</tbody>\n</table>\n");
                break;
            case HandoutCallout c:
                sb.Append(c.Urgent ? "<div class=\"callout urgent\" role=\"alert\">\n" : "<div class=\"callout\">\n");
                sb.Append("<p><strong class=\"title\">").Append(E(c.Title)).Append("</strong></p>\n");
                foreach (var line in c.Lines) sb.Append("<p>").Append(E(line)).Append("</p>\n");
                sb.Append("</div>\n");
                break;
            case HandoutGlossaryBlock g:
                sb.Append("<dl>\n");
                foreach (var (term, meaning) in g.Terms) sb.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(meaning)).Append("</dd>\n");
                sb.Append("</dl>\n");
                break;
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
