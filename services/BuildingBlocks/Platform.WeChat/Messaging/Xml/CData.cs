using System.Text;
using System.Xml;

namespace Platform.WeChat.Messaging.Xml;

/// <summary>Writes text as CDATA that survives any content, including "]]>" and control characters.</summary>
public static class CData
{
    public static void Append(StringBuilder sb, string? text)
    {
        sb.Append("<![CDATA[");
        var value = RemoveInvalidXmlChars(text ?? string.Empty);
        // "]]>" would close the section early; split it across two sections so the text reads back unchanged.
        sb.Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal));
        sb.Append("]]>");
    }

    public static string Wrap(string? text)
    {
        var sb = new StringBuilder();
        Append(sb, text);
        return sb.ToString();
    }

    private static string RemoveInvalidXmlChars(string text)
    {
        if (text.AsSpan().IndexOfAnyExcept(ValidBmpChars) < 0) return text;

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> ValidBmpChars = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(XmlConvert.IsXmlChar).ToArray());
}
