using Platform.Contracts.WeChat;
using Platform.WeChat.Messaging;

namespace WeChat.Gateway.Application.Callbacks;

/// <summary>What the account answers a user with: a text, or one news article linking into the H5 app.</summary>
public sealed record Reply(string Text, NewsArticle? Article = null)
{
    public static Reply Plain(string text) => new(text);

    public static Reply News(string title, string description, string url) => new(description, new NewsArticle(title, description, null, url));

    public string ToPassiveXml(InboundMessage to, DateTimeOffset now) =>
        Article is null
            ? ReplyXml.Text(to.FromUserName, to.ToUserName, now.ToUnixTimeSeconds(), Text)
            : ReplyXml.News(to.FromUserName, to.ToUserName, now.ToUnixTimeSeconds(), [Article]);

    /// <summary>The same answer sent later through the customer-service API, for replies that missed WeChat's 5 s.</summary>
    public WeChatCustomerServiceMessageRequestedIntegrationEvent ToCustomerServiceRequest(Guid weChatUserId) =>
        new(Guid.CreateVersion7(), weChatUserId, Text, Article?.Title, Article?.Url, Article?.PicUrl);
}
