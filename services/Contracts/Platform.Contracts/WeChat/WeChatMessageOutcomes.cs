namespace Platform.Contracts.WeChat;

/// <summary>WeChat accepted the message; <paramref name="WeChatMsgId"/> is set for template messages.</summary>
public record WeChatMessageDeliveredIntegrationEvent(Guid MessageId, long? WeChatMsgId) : IntegrationEvent;

/// <summary>The message was not sent. <paramref name="Permanent"/> means sending it again unchanged cannot succeed
/// (bad openid, user unsubscribed, invalid field); otherwise it may be requested again later.</summary>
public record WeChatMessageFailedIntegrationEvent(Guid MessageId, int ErrCode, string ErrMsg, bool Permanent) : IntegrationEvent;
