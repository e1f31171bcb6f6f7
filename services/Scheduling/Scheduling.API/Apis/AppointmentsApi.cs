using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Application;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Apis;

public sealed record BookAppointmentRequest(Guid? SlotId, Guid? PatientId);

public sealed record CancelAppointmentRequest(string? Reason);

public sealed record RescheduleAppointmentRequest(Guid? SlotId);

/// <summary>A patient's bookings, for the patients (就诊人) linked to the signed-in account.</summary>
public static class AppointmentsApi
{
    public static IEndpointRouteBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scheduling/appointments").WithTags("预约").RequireAuthorization(PlatformRoles.Patient);
        api.MapPost("/", Book).WithName("BookAppointment").WithSummary("预约挂号（需 Idempotency-Key）");
        api.MapGet("/", List).WithName("ListAppointments").WithSummary("我的预约（含家人）");
        api.MapGet("/{id:guid}", Get).WithName("GetAppointment").WithSummary("预约详情与进度");
        api.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelAppointment").WithSummary("取消预约");
        api.MapPost("/{id:guid}/reschedule", Reschedule).WithName("RescheduleAppointment").WithSummary("改约（需 Idempotency-Key）");
        return app;
    }

    public static async Task<Accepted<AppointmentDto>> Book(BookAppointmentRequest? body,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, AppointmentBooking booking,
        CancellationToken ct)
    {
        var account = user.AccountId();
        var key = IdempotencyKeys.Require(idempotencyKey);
        var errors = new Validation();
        if (body?.SlotId is null || body.SlotId == Guid.Empty) errors.Add("slotId", "请选择号源");
        if (body?.PatientId is null || body.PatientId == Guid.Empty) errors.Add("patientId", "请选择就诊人");
        errors.ThrowIfAny();
        var dto = await booking.BookAsync(account, key, body!.SlotId!.Value, body.PatientId!.Value, ct);
        return TypedResults.Accepted($"/api/scheduling/appointments/{dto.Id}", dto);
    }

    public static async Task<Ok<List<AppointmentDto>>> List(ClaimsPrincipal user, SchedulingDbContext db, AppointmentViews views,
        CancellationToken ct)
    {
        var account = user.AccountId();
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.AccountId == account)
            .OrderByDescending(a => a.CreatedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(appointments.Select(views.ToDto).ToList());
    }

    public static async Task<Ok<AppointmentDto>> Get(Guid id, ClaimsPrincipal user, AppointmentBooking booking, AppointmentViews views,
        SchedulingDbContext db, CancellationToken ct)
    {
        var appointment = await booking.OwnAsync(user.AccountId(), id, ct);
        var remindedAt = await db.Reminders.AsNoTracking().Where(r => r.AppointmentId == id).Select(r => (DateTimeOffset?)r.RemindedAt)
            .FirstOrDefaultAsync(ct);
        return TypedResults.Ok(views.ToDto(appointment) with { RemindedAt = remindedAt });
    }

    public static async Task<Ok<AppointmentDto>> Cancel(Guid id, CancelAppointmentRequest? body, ClaimsPrincipal user,
        AppointmentBooking booking, OfferSignal freed, CancellationToken ct)
    {
        var account = user.AccountId();
        new Validation().Length("reason", body?.Reason, "取消原因", 0, 200).PlainText("reason", body?.Reason, "取消原因").ThrowIfAny();
        var dto = await booking.CancelAsync(account, id, body?.Reason, ct);
        freed.Nudge(); // the unit goes to the session's waitlist first
        return TypedResults.Ok(dto);
    }

    public static async Task<Accepted<AppointmentDto>> Reschedule(Guid id, RescheduleAppointmentRequest? body,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, AppointmentBooking booking,
        CancellationToken ct)
    {
        var account = user.AccountId();
        var key = IdempotencyKeys.Require(idempotencyKey);
        if (body?.SlotId is null || body.SlotId == Guid.Empty)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["slotId"] = ["请选择新的号源"] });
        var dto = await booking.RescheduleAsync(account, key, id, body.SlotId.Value, ct);
        return TypedResults.Accepted($"/api/scheduling/appointments/{dto.Id}", dto);
    }
}
