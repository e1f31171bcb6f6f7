using System.Text.Json.Nodes;

namespace Platform.WeChat.Templates;

/// <summary>Payloads of POST /cgi-bin/message/custom/send, allowed within 48 hours of the user's last interaction.</summary>
public static class CustomerServiceMessage
{
    /// <summary>WeChat's documented limit for a customer-service text is 2048 bytes of UTF-8.</summary>
    public const int MaxTextBytes = 2048;

    public static JsonObject Text(string toUser, string content)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(content) > MaxTextBytes)
            throw new ArgumentException($"Text content exceeds {MaxTextBytes} bytes.", nameof(content));
        return Envelope(toUser, "text", new JsonObject { ["content"] = content });
    }

    public static JsonObject Image(string toUser, string mediaId) =>
        Envelope(toUser, "image", new JsonObject { ["media_id"] = mediaId });

    /// <summary>Only one article is shown by WeChat for customer-service news.</summary>
    public static JsonObject News(string toUser, string title, string description, string url, string picUrl) =>
        Envelope(toUser, "news", new JsonObject
        {
            ["articles"] = new JsonArray(new JsonObject
            {
                ["title"] = title, ["description"] = description, ["url"] = url, ["picurl"] = picUrl,
            }),
        });

    public static JsonObject MiniProgramPage(string toUser, string title, string appId, string pagePath, string thumbMediaId) =>
        Envelope(toUser, "miniprogrampage", new JsonObject
        {
            ["title"] = title, ["appid"] = appId, ["pagepath"] = pagePath, ["thumb_media_id"] = thumbMediaId,
        });

    private static JsonObject Envelope(string toUser, string msgType, JsonObject body) =>
        new() { ["touser"] = toUser, ["msgtype"] = msgType, [msgType] = body };
}
