using System.Text.Json;

namespace Notification.API.Application;

/// <summary>Internal to the Notification service: fanned out to every replica, each delivering to the connections
/// it holds. <see cref="Group"/> is a hub group (public, or user:&lt;sub&gt;).</summary>
public sealed record PushRequested(Guid Id, string Group, string Method, JsonElement Payload);
