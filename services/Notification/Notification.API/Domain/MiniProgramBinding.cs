namespace Notification.API.Domain;

/// <summary>The mini-program user (opaque id of the mini-program openid) an account signed in with, announced by
/// Identity (MiniProgramAccountBoundIntegrationEvent). Separate from <see cref="WeChatBinding"/>: the same person has a
/// different openid in the mini-program than in the service account.</summary>
public sealed class MiniProgramBinding
{
    public Guid AccountId { get; init; }
    public required Guid WeChatUserId { get; set; }
    public required DateTimeOffset BoundAt { get; set; }
}
