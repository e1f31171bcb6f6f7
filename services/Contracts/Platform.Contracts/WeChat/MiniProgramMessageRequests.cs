namespace Platform.Contracts.WeChat;

/// <summary>Asks the WeChat gateway for a mini-program subscribe message (POST /cgi-bin/message/subscribe/send with the
/// mini-program's own access token). Like the template request: <paramref name="MessageId"/> is the sender's id, sent at
/// most once and answered with WeChatMessageDelivered/Failed under it; the recipient is the opaque id of the
/// mini-program openid; field keys carry WeChat's keyword types (thing1, time2, phrase3 …).</summary>
public record WeChatMiniProgramSubscribeMessageRequestedIntegrationEvent(
    Guid MessageId,
    Guid WeChatUserId,
    string TemplateId,
    string? Page,
    Dictionary<string, string> Fields) : IntegrationEvent;
