using System.Net;
using System.Text;

namespace Hospital.API.Application.Education;

/// <summary>Renders an article body (a Markdown subset: "## " headings, "- " lists, paragraphs) to HTML, encoding
/// every character of the text so markup in an article can never reach a browser as markup.</summary>
public static class ArticleBody
{
    public static string Render(string markdown)
    {
        var html = new StringBuilder();
        var inList = false;
        foreach (var raw in markdown.Replace("\r", "").Split('\n'))
        {
            var line = raw.Trim();
            var isItem = line.StartsWith("- ", StringComparison.Ordinal);
            if (inList && !isItem) { html.Append("</ul>"); inList = false; }
            if (line.Length == 0) continue;
            if (isItem)
            {
                if (!inList) { html.Append("<ul>"); inList = true; }
                html.Append("<li>").Append(WebUtility.HtmlEncode(line[2..].Trim())).Append("</li>");
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
                html.Append("<h3>").Append(WebUtility.HtmlEncode(line[3..].Trim())).Append("</h3>");
            else
                html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }
        if (inList) html.Append("</ul>");
        return html.ToString();
    }
}
