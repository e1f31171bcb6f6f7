using System.Xml;
using System.Xml.Linq;

namespace Platform.WeChat.Messaging.Xml;

public sealed class WeChatXmlException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Parses callback XML with DTDs prohibited, no resolver and a size cap, so XXE, entity expansion
/// (billion laughs) and oversized bodies are rejected before anything reads them.
/// </summary>
public static class SafeXml
{
    /// <summary>WeChat's own callbacks are a few kilobytes; 64K leaves room for long text without inviting abuse.</summary>
    public const int DefaultMaxCharacters = 64 * 1024;

    public static XElement ParseRoot(string xml, int maxCharacters = DefaultMaxCharacters)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > maxCharacters)
            throw new WeChatXmlException($"XML body exceeds {maxCharacters} characters.");

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreProcessingInstructions = true,
            IgnoreComments = true,
            CloseInput = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var document = XDocument.Load(reader, LoadOptions.None);
            return document.Root ?? throw new WeChatXmlException("XML has no root element.");
        }
        catch (XmlException ex)
        {
            throw new WeChatXmlException("XML body rejected: " + ex.Message, ex);
        }
    }

    public static string? Child(this XElement element, string name) => element.Element(name)?.Value;

    public static string RequiredChild(this XElement element, string name) =>
        element.Element(name)?.Value ?? throw new WeChatXmlException($"Missing <{name}>.");

    public static long? ChildInt64(this XElement element, string name) =>
        long.TryParse(element.Element(name)?.Value, out var value) ? value : null;

    public static double? ChildDouble(this XElement element, string name) =>
        double.TryParse(element.Element(name)?.Value, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
