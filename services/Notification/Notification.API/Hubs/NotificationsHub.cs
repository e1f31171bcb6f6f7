using Microsoft.AspNetCore.SignalR;

namespace Notification.API.Hubs;

/// <summary>One connection per open app. Everyone hears public announcements (hospital information changes);
/// a signed-in user also joins a group of their own, which per-user messages target.</summary>
public sealed class NotificationsHub : Hub
{
    public const string PublicGroup = "public";

    public static string UserGroup(string subject) => "user:" + subject;

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, PublicGroup);
        if (Context.UserIdentifier is { } subject)
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(subject));
        await base.OnConnectedAsync();
    }
}

/// <summary>JwtBearer keeps claim names as issued (MapInboundClaims = false), so the user id is "sub".</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst("sub")?.Value;
}
