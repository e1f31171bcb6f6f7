using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Navigation;

/// <summary>Keeps only drawing from an uploaded SVG: an allow-list of shape and text elements, no scripts, no event
/// handlers, no links or styles that reach outside the document. Patients see maps as images as well, so a missed
/// trick still could not run; this keeps what we store clean.</summary>
public static class SvgSanitizer
{
    public const int MaxLength = 2_000_000;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "title", "desc", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "text",
        "tspan", "use", "symbol", "linearGradient", "radialGradient", "stop", "clipPath", "marker", "pattern",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal)
    {
        "id", "class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "d", "points",
        "viewBox", "preserveAspectRatio", "transform", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
        "stroke-opacity", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "opacity", "font-size", "font-family",
        "font-weight", "text-anchor", "dominant-baseline", "dx", "dy", "offset", "stop-color", "stop-opacity",
        "gradientUnits", "gradientTransform", "clip-path", "clipPathUnits", "marker-end", "marker-start", "markerWidth",
        "markerHeight", "refX", "refY", "orient", "patternUnits", "style", "href", "version",
    };

    public sealed record Result(string Svg, double Width, double Height);

    public static Result Sanitize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) throw Invalid("请上传 SVG 格式的楼层图");
        if (input.Length > MaxLength) throw new ProblemException(413, "svg_too_large", "楼层图不能超过 2MB");
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(input),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreProcessingInstructions = true, IgnoreComments = true });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            throw Invalid("楼层图不是有效的 SVG 文件");
        }
        var root = document.Root;
        if (root is null || root.Name != Svg + "svg") throw Invalid("楼层图不是有效的 SVG 文件");

        Clean(root);
        var (width, height) = Size(root);
        root.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {width} {height}"));
        return new Result(root.ToString(SaveOptions.DisableFormatting), width, height);
    }

    private static void Clean(XElement element)
    {
        foreach (var child in element.Elements().ToList())
        {
            if (child.Name.Namespace != Svg || !AllowedElements.Contains(child.Name.LocalName)) child.Remove();
            else Clean(child);
        }
        foreach (var attribute in element.Attributes().ToList())
            if (!IsSafe(attribute)) attribute.Remove();
    }

    private static bool IsSafe(XAttribute attribute)
    {
        if (attribute.IsNamespaceDeclaration) return attribute.Value == Svg.NamespaceName || attribute.Value == XLink.NamespaceName;
        var name = attribute.Name;
        var value = attribute.Value;
        if (name.LocalName == "href") return (name.Namespace == XNamespace.None || name.Namespace == XLink) && value.TrimStart().StartsWith('#');
        if (name.Namespace != XNamespace.None || !AllowedAttributes.Contains(name.LocalName)) return false;
        return !ReachesOutside(value);
    }

    /// <summary>Only same-document references (<c>url(#id)</c>) are kept; anything with a scheme, an import or a CSS
    /// expression is dropped.</summary>
    private static bool ReachesOutside(string value)
    {
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        if (compact.Contains("javascript:") || compact.Contains("data:") || compact.Contains("@import") || compact.Contains("expression(")
            || compact.Contains('\\'))
            return true;
        var at = compact.IndexOf("url(", StringComparison.Ordinal);
        while (at >= 0)
        {
            var target = compact[(at + 4)..].TrimStart('\'', '"');
            if (!target.StartsWith('#')) return true;
            at = compact.IndexOf("url(", at + 4, StringComparison.Ordinal);
        }
        return false;
    }

    private static (double Width, double Height) Size(XElement root)
    {
        var viewBox = root.Attribute("viewBox")?.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (viewBox is { Length: 4 } && Number(viewBox[2]) is { } w && Number(viewBox[3]) is { } h)
        {
            if (viewBox[0] != "0" || viewBox[1] != "0") throw Invalid("楼层图的 viewBox 须从 0 0 开始");
            return (w, h);
        }
        if (Number(root.Attribute("width")?.Value) is { } width && Number(root.Attribute("height")?.Value) is { } height) return (width, height);
        throw Invalid("楼层图缺少 viewBox 或宽高，无法标注位置");
    }

    private static double? Number(string? text) =>
        double.TryParse(text?.Replace("px", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && n < 100_000 ? n : null;

    private static ProblemException Invalid(string message) =>
        ProblemException.Invalid(new Dictionary<string, string[]> { ["svg"] = [message] });
}
