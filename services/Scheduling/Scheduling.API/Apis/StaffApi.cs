using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Application;

namespace Scheduling.API.Apis;

public sealed record StopSessionRequest(string? Reason);

public sealed record LimitSessionRequest(int? Remaining, string? Reason);

/// <summary>The admin console's view of each day's sessions and bookings, and its 停诊 and 限号.</summary>
public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scheduling/admin").WithTags("排班管理").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/sessions", Sessions).WithName("ListStaffSessions").WithSummary("某日出诊");
        api.MapGet("/bookings", Bookings).WithName("ListStaffBookings").WithSummary("某日预约");
        api.MapPost("/sessions/{id:guid}/stop", Stop).WithName("StopSession").WithSummary("停诊");
        api.MapPost("/sessions/{id:guid}/limit", Limit).WithName("LimitSession").WithSummary("临时限号");
        return app;
    }

    public static async Task<Ok<List<StaffSessionDto>>> Sessions(DateOnly? date, Guid? departmentId, StaffActions staff, ClinicClock clinic,
        CancellationToken ct) =>
        TypedResults.Ok(await staff.SessionsAsync(date ?? clinic.Today, departmentId, ct));

    public static async Task<Ok<List<StaffBookingDto>>> Bookings(DateOnly? date, Guid? departmentId, StaffActions staff, ClinicClock clinic,
        AppointmentViews views, CancellationToken ct) =>
        TypedResults.Ok(await staff.BookingsAsync(date ?? clinic.Today, departmentId, views, ct));

    public static async Task<Ok<StaffSessionDto>> Stop(Guid id, StopSessionRequest? body, StaffActions staff, CancellationToken ct)
    {
        var reason = body?.Reason?.Trim();
        new Validation().Required("reason", reason, "停诊原因").Length("reason", reason, "停诊原因", 1, 200)
            .PlainText("reason", reason, "停诊原因").ThrowIfAny();
        return TypedResults.Ok(await staff.StopAsync(id, reason!, ct));
    }

    public static async Task<Ok<StaffSessionDto>> Limit(Guid id, LimitSessionRequest? body, StaffActions staff, CancellationToken ct)
    {
        var reason = body?.Reason?.Trim();
        var errors = new Validation().Required("reason", reason, "限号原因").Length("reason", reason, "限号原因", 1, 200)
            .PlainText("reason", reason, "限号原因");
        if (body?.Remaining is not (>= 0 and <= 1000)) errors.Add("remaining", "剩余号数应为0-1000");
        errors.ThrowIfAny();
        return TypedResults.Ok(await staff.LimitAsync(id, body!.Remaining!.Value, reason!, ct));
    }
}
