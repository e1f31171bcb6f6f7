using System.Text.Json;

namespace Notification.API.Application;

/// <summary>Internal to the Notification service: fanned out to every replica, each delivering to the connections
/// it holds. <see cref="Group"/> is a hub group (public, or user:&lt;sub&gt;); <see cref="MoreGroups"/> get the same
/// payload in the same broker message (one queue move reaches all its patients' accounts at once).</summary>
public sealed record PushRequested(Guid Id, string Group, string Method, JsonElement Payload, IReadOnlyList<string>? MoreGroups = null)
{
    public IReadOnlyList<string> Groups => MoreGroups is { Count: > 0 } more ? [Group, .. more] : [Group];
}
