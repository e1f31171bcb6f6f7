using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Application;
using Notification.API.Infrastructure;
using Platform.ServiceDefaults.Auth;

namespace Notification.API.Hubs;

/// <summary>One connection per open app. Everyone hears public announcements (hospital information changes);
/// a signed-in user also joins a group of their own, which their messages target, and one per patient they act for;
/// clinicians join their practitioner's group and staff the staff group.</summary>
public sealed class NotificationsHub(NotificationDbContext db, IOptions<NotificationOptions> options) : Hub
{
    public const string PublicGroup = "public";

    /// <summary>Staff consoles: their work lists' changes (ids only).</summary>
    public const string StaffGroup = "staff";

    public static string UserGroup(string subject) => "user:" + subject;

    public static string PatientGroup(Guid patientId) => "patient:" + patientId;

    /// <summary>A clinician's workstation: the moves of the clinics of the HIS Practitioner in their token.</summary>
    public static string PractitionerGroup(string practitionerHisId) => "practitioner:" + practitionerHisId;

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, PublicGroup);
        if (Context.UserIdentifier is { } subject)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(subject));
            if (Context.User?.FindFirst(PlatformClaims.PractitionerId)?.Value is { Length: > 0 } practitioner
                && (Context.User.IsInRole(PlatformRoles.Doctor) || Context.User.IsInRole(PlatformRoles.Pharmacist)))
                await Groups.AddToGroupAsync(Context.ConnectionId, PractitionerGroup(practitioner));
            if (Context.User?.IsInRole(PlatformRoles.Staff) == true)
                await Groups.AddToGroupAsync(Context.ConnectionId, StaffGroup);
            if (Guid.TryParse(subject, out var accountId))
            {
                var patients = await db.PatientAccounts.AsNoTracking().Where(p => p.AccountId == accountId)
                    .Select(p => p.PatientId).ToListAsync(Context.ConnectionAborted);
                foreach (var patientId in patients)
                    await Groups.AddToGroupAsync(Context.ConnectionId, PatientGroup(patientId));
            }
        }
        await base.OnConnectedAsync();
    }

    /// <summary>Called by the app after (re)connecting with the newest message it has (an id, or an ISO time): sends
    /// what it missed, oldest first and at most <see cref="NotificationOptions.CatchUpLimit"/>, as <c>message</c>
    /// events, then the unread count. Returns how many messages were sent.</summary>
    public async Task<int> CatchUp(string? since)
    {
        if (Context.UserIdentifier is not { } subject || !Guid.TryParse(subject, out var accountId)) return 0;
        var ct = Context.ConnectionAborted;
        var mine = db.Messages.AsNoTracking().Where(m => m.AccountId == accountId);
        var missed = mine;
        if (Guid.TryParse(since, out var lastSeenId))
        {
            var last = await mine.FirstOrDefaultAsync(m => m.Id == lastSeenId, ct);
            if (last is not null)
                // Siblings created in the same instant come again; the app drops ids it already holds.
                missed = mine.Where(m => m.CreatedAt >= last.CreatedAt && m.Id != last.Id);
        }
        else if (DateTimeOffset.TryParse(since, out var lastSeenAt))
            missed = mine.Where(m => m.CreatedAt > lastSeenAt.ToUniversalTime());

        var newest = await missed.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(options.Value.CatchUpLimit).ToListAsync(ct);
        foreach (var message in Enumerable.Reverse(newest))
            await Clients.Caller.SendAsync(HubMethods.Message, HubMethods.MessagePayload(message), ct);
        var unread = await mine.CountAsync(m => m.ReadAt == null, ct);
        await Clients.Caller.SendAsync(HubMethods.UnreadCount, HubMethods.UnreadPayload(unread), ct);
        return newest.Count;
    }
}

/// <summary>JwtBearer keeps claim names as issued (MapInboundClaims = false), so the user id is "sub".</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst("sub")?.Value;
}
