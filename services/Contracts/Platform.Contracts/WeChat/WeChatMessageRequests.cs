namespace Platform.Contracts.WeChat;

/// <summary>Asks the WeChat gateway to send a service-account template message. <paramref name="MessageId"/> is the
/// sender's own id: the gateway sends each id at most once and reports the outcome under it.
/// The recipient is the opaque <paramref name="WeChatUserId"/>; the gateway alone turns it back into an openid.
/// Field keys follow WeChat's types (thing1, time2, character_string3 …) so the gateway can apply their rules.</summary>
public record WeChatTemplateMessageRequestedIntegrationEvent(
    Guid MessageId,
    Guid WeChatUserId,
    string TemplateId,
    string? Url,
    Dictionary<string, string> Fields,
    string? ClientMsgId = null) : IntegrationEvent;

/// <summary>A one-time or long-term subscription notice the user agreed to receive.</summary>
public record WeChatSubscribeMessageRequestedIntegrationEvent(
    Guid MessageId,
    Guid WeChatUserId,
    string TemplateId,
    string? Page,
    Dictionary<string, string> Fields) : IntegrationEvent;

/// <summary>A customer-service message (within 48 h of the user's last interaction): text, or one news article when
/// <paramref name="ArticleUrl"/> is set.</summary>
public record WeChatCustomerServiceMessageRequestedIntegrationEvent(
    Guid MessageId,
    Guid WeChatUserId,
    string Text,
    string? ArticleTitle = null,
    string? ArticleUrl = null,
    string? ArticlePicUrl = null) : IntegrationEvent;
