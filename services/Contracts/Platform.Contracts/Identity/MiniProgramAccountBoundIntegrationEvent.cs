namespace Platform.Contracts.Identity;

/// <summary>An account is known to this WeChat user of the hospital's mini-program (bound by its owner, or the same person as
/// the account's service-account WeChat by unionid). Mini-program messages and payments for the account go to this user,
/// named by its opaque id (WeChatUserIds of the mini-program openid), never by the openid. Unbinding is announced by
/// <see cref="WeChatAccountUnboundIntegrationEvent"/> for both apps.</summary>
public record MiniProgramAccountBoundIntegrationEvent(Guid AccountId, Guid WeChatUserId) : IntegrationEvent;
