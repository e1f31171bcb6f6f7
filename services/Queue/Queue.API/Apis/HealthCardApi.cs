using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Messaging.PatientLinks;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Queue.API.Application;
using Queue.API.Infrastructure;

namespace Queue.API.Apis;

public sealed record HealthCardDto(Guid PatientId, string Code, DateTimeOffset ExpiresAt, int RefreshAfterSeconds);

public sealed record KioskCheckInRequest(string? Code);

/// <summary>电子健康卡 (X15): a patient's own short-lived QR code, and the kiosk / staff check-in that reads it.</summary>
public static class HealthCardApi
{
    public static IEndpointRouteBuilder MapHealthCardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/queue/health-card", Card).WithTags("电子健康卡").RequireAuthorization(PlatformRoles.Patient)
            .WithName("HealthCard").WithSummary("本人或家人的电子健康卡二维码（短时有效）");
        app.MapPost("/api/queue/kiosk/check-ins", KioskCheckIn).WithTags("电子健康卡")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Staff, PlatformRoles.Pharmacist))
            .WithName("KioskCheckIn").WithSummary("自助机 / 服务台扫电子健康卡报到");
        return app;
    }

    public static async Task<Ok<HealthCardDto>> Card(Guid? patientId, ClaimsPrincipal user, QueueDbContext db, HealthCardCodes cards,
        IOptions<QueueOptions> options, CancellationToken ct)
    {
        if (patientId is not { } id || id == Guid.Empty) throw new ProblemException(400, "patient_required", "请选择就诊人");
        if (!await db.PatientLinks.MayActForAsync(user.AccountId(), id, ct))
            throw new ProblemException(403, "patient_not_yours", "只能查看本人或已添加就诊人的电子健康卡");
        var (code, expiresAt) = cards.Issue(id);
        // Refreshed a little before it lapses, so the code on screen always scans.
        var refreshAfter = (int)options.Value.HealthCardLifetime.TotalSeconds * 3 / 4;
        return TypedResults.Ok(new HealthCardDto(id, code, expiresAt, Math.Max(10, refreshAfter)));
    }

    public static async Task<Ok<KioskCheckInDto>> KioskCheckIn(KioskCheckInRequest? body, KioskCheckIn kiosk, CancellationToken ct) =>
        TypedResults.Ok(await kiosk.CheckInAsync(body?.Code, ct));
}
