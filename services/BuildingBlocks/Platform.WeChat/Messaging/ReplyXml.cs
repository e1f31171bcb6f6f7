using System.Text;
using Platform.WeChat.Messaging.Xml;

namespace Platform.WeChat.Messaging;

public sealed record NewsArticle(string Title, string? Description, string? PicUrl, string Url);

/// <summary>Passive replies returned in the HTTP response to a callback.</summary>
public static class ReplyXml
{
    /// <summary>WeChat treats "success" (or an empty body) as "received, no reply"; anything else unparsable shows an error to the user.</summary>
    public const string NoReply = "success";

    /// <summary>WeChat shows at most one article in a passive news reply since 2018.</summary>
    public const int MaxNewsArticles = 1;

    public static string Text(string toUser, string fromUser, long createTime, string content)
    {
        var sb = Header(toUser, fromUser, createTime, "text");
        Element(sb, "Content", content);
        return sb.Append("</xml>").ToString();
    }

    public static string News(string toUser, string fromUser, long createTime, IReadOnlyList<NewsArticle> articles)
    {
        if (articles.Count is 0 or > MaxNewsArticles)
            throw new ArgumentException($"A news reply carries 1..{MaxNewsArticles} articles.", nameof(articles));

        var sb = Header(toUser, fromUser, createTime, "news");
        sb.Append("<ArticleCount>").Append(articles.Count).Append("</ArticleCount><Articles>");
        foreach (var article in articles)
        {
            sb.Append("<item>");
            Element(sb, "Title", article.Title);
            Element(sb, "Description", article.Description);
            Element(sb, "PicUrl", article.PicUrl);
            Element(sb, "Url", article.Url);
            sb.Append("</item>");
        }
        return sb.Append("</Articles></xml>").ToString();
    }

    public static string EncryptedEnvelope(string encrypt, string msgSignature, string timestamp, string nonce)
    {
        if (timestamp.Length == 0 || !timestamp.All(char.IsAsciiDigit))
            throw new ArgumentException("TimeStamp must be decimal seconds.", nameof(timestamp));
        var sb = new StringBuilder("<xml>");
        Element(sb, "Encrypt", encrypt);
        Element(sb, "MsgSignature", msgSignature);
        sb.Append("<TimeStamp>").Append(timestamp).Append("</TimeStamp>");
        Element(sb, "Nonce", nonce);
        return sb.Append("</xml>").ToString();
    }

    private static StringBuilder Header(string toUser, string fromUser, long createTime, string msgType)
    {
        var sb = new StringBuilder("<xml>");
        Element(sb, "ToUserName", toUser);
        Element(sb, "FromUserName", fromUser);
        sb.Append("<CreateTime>").Append(createTime).Append("</CreateTime>");
        Element(sb, "MsgType", msgType);
        return sb;
    }

    private static void Element(StringBuilder sb, string name, string? value)
    {
        sb.Append('<').Append(name).Append('>');
        CData.Append(sb, value);
        sb.Append("</").Append(name).Append('>');
    }
}
