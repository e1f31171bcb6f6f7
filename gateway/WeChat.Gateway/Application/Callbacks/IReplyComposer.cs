using Platform.WeChat.Messaging;

namespace WeChat.Gateway.Application.Callbacks;

/// <summary>Decides what to answer a message or event with; null means no reply.</summary>
public interface IReplyComposer
{
    Task<Reply?> ComposeAsync(InboundMessage message, CancellationToken ct);
}
