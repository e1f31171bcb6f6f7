using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Notification.API.Apis;

/// <summary>Channel choices and quiet hours ("22:00"–"07:00", China Standard Time) of the signed-in account.</summary>
public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notification/preferences").WithTags("通知设置").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/", GetPreferences).WithName("GetNotificationPreferences").WithSummary("通知渠道与免打扰时段");
        api.MapPut("/", PutPreferences).WithName("PutNotificationPreferences").WithSummary("修改通知渠道与免打扰时段（危急值不受限制）");
        return app;
    }

    public sealed record QuietHoursDto(string Start, string End);

    public sealed record PreferencesDto(bool InApp, bool WeChat, bool Sms, QuietHoursDto? QuietHours);

    public static async Task<Ok<PreferencesDto>> GetPreferences(ClaimsPrincipal user, NotificationDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var accountId = user.AccountId();
        var preferences = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct)
            ?? NotificationPreferences.DefaultsFor(accountId, clock.GetUtcNow());
        return TypedResults.Ok(ToDto(preferences));
    }

    public static async Task<Ok<PreferencesDto>> PutPreferences(PreferencesDto body, ClaimsPrincipal user, NotificationDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var accountId = user.AccountId();
        var validation = new Validation();
        TimeOnly? start = null, end = null;
        if (body.QuietHours is { } quiet)
        {
            start = ParseTime(quiet.Start);
            end = ParseTime(quiet.End);
            if (start is null) validation.Add("quietHours.start", "免打扰开始时间格式应为 HH:mm");
            if (end is null) validation.Add("quietHours.end", "免打扰结束时间格式应为 HH:mm");
            if (start is not null && start == end) validation.Add("quietHours", "免打扰开始与结束时间不能相同");
        }
        validation.ThrowIfAny();

        var preferences = await db.Preferences.FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        if (preferences is null)
        {
            preferences = NotificationPreferences.DefaultsFor(accountId, clock.GetUtcNow());
            db.Preferences.Add(preferences);
        }
        preferences.InApp = body.InApp;
        preferences.WeChat = body.WeChat;
        preferences.Sms = body.Sms;
        preferences.QuietStart = start;
        preferences.QuietEnd = end;
        preferences.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(preferences));
    }

    private static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private static PreferencesDto ToDto(NotificationPreferences p) => new(p.InApp, p.WeChat, p.Sms,
        p.QuietStart is { } s && p.QuietEnd is { } e ? new QuietHoursDto(s.ToString("HH:mm"), e.ToString("HH:mm")) : null);
}
