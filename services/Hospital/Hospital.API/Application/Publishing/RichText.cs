using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Hospital.API.Application.Publishing;

/// <summary>Rich text is Markdown without raw HTML. On save, raw HTML and unsafe links are cut out of the source; on
/// render, Markdig escapes any HTML left and HtmlSanitizer cleans the output, so neither layer alone has to be perfect.</summary>
public static class RichText
{
    private static readonly MarkdownPipeline SourcePipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UsePipeTables().Build();
    private static readonly MarkdownPipeline RenderPipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string SanitizeSource(string markdown)
    {
        var source = markdown.Replace("\0", "");
        for (var round = 0; round < 5; round++)
        {
            var cuts = UnsafeSpans(source);
            if (cuts.Count == 0) return source;
            foreach (var (start, end) in cuts.OrderByDescending(c => c.Start))
                source = source[..start] + source[Math.Min(end + 1, source.Length)..];
        }
        // Cutting kept producing new markup (nested tricks): escape every angle bracket instead.
        return source.Replace("<", "\\<").Replace(">", "\\>");
    }

    public static string Render(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(SanitizeSource(markdown), RenderPipeline));

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        if (trimmed.StartsWith('/') || trimmed.StartsWith('#')) return !trimmed.StartsWith("//", StringComparison.Ordinal);
        var colon = trimmed.IndexOf(':');
        if (colon < 0) return !trimmed.Contains('\\');
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }

    private static List<(int Start, int End)> UnsafeSpans(string source)
    {
        var cuts = new List<(int, int)>();
        var document = Markdown.Parse(source, SourcePipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock block: cuts.Add((block.Span.Start, block.Span.End)); break;
                case HtmlInline inline: cuts.Add((inline.Span.Start, inline.Span.End)); break;
                case HtmlEntityInline: break;
                case LinkInline link when !IsSafeUrl(link.Url):
                    cuts.Add(link.UrlSpan.IsEmpty ? (link.Span.Start, link.Span.End) : (link.UrlSpan.Start, link.UrlSpan.End));
                    break;
                case AutolinkInline auto when !IsSafeUrl(auto.Url): cuts.Add((auto.Span.Start, auto.Span.End)); break;
                case LinkReferenceDefinition definition when !IsSafeUrl(definition.Url):
                    cuts.Add((definition.Span.Start, definition.Span.End)); break;
            }
        }
        var merged = new List<(int Start, int End)>();
        foreach (var (start, end) in cuts.Where(c => c.Item1 >= 0 && c.Item2 >= c.Item1).OrderBy(c => c.Item1))
        {
            if (merged.Count > 0 && start <= merged[^1].End + 1) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            else merged.Add((start, end));
        }
        return merged;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        return sanitizer;
    }
}
