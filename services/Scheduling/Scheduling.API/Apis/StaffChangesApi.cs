using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Application;

namespace Scheduling.API.Apis;

public sealed record AddSessionRequest(Guid? DoctorId, Guid? DepartmentId, DateOnly? Date, string? Period, int? Units);

public sealed record ExamOutageRequest(DateTimeOffset? From, DateTimeOffset? To, string? Reason);

/// <summary>The admin console's 加诊 (a request the HIS answers) and an exam room's 设备故障 / 设备恢复.</summary>
public static class StaffChangesApi
{
    private const int MaxOutageDays = 14;

    public static IEndpointRouteBuilder MapStaffChangesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scheduling/admin").WithTags("排班管理").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/session-requests", Requests).WithName("ListSessionRequests").WithSummary("某日加诊申请");
        api.MapPost("/sessions", AddSession).WithName("AddSession").WithSummary("加诊");
        api.MapGet("/exam-rooms", Rooms).WithName("ListStaffExamRooms").WithSummary("某日检查室与设备故障");
        api.MapPost("/exam-rooms/{id:guid}/outage", StartOutage).WithName("StartExamRoomOutage").WithSummary("设备故障");
        api.MapPost("/exam-rooms/{id:guid}/outage/{outageId:guid}/end", EndOutage).WithName("EndExamRoomOutage").WithSummary("设备恢复");
        return app;
    }

    public static async Task<Ok<List<SessionRequestDto>>> Requests(DateOnly? date, Guid? departmentId, SessionRequests requests, ClinicClock clinic,
        CancellationToken ct) =>
        TypedResults.Ok(await requests.ListAsync(date ?? clinic.Today, departmentId, ct));

    public static async Task<Accepted<SessionRequestDto>> AddSession(AddSessionRequest? body, ClaimsPrincipal user, SessionRequests requests,
        CancellationToken ct)
    {
        var errors = new Validation();
        if (body?.DoctorId is null || body.DoctorId == Guid.Empty) errors.Add("doctorId", "请选择医生");
        if (body?.Date is null) errors.Add("date", "请选择加诊日期");
        if (body?.Period is not ("AM" or "PM")) errors.Add("period", "时段应为上午（AM）或下午（PM）");
        if (body?.Units is { } units && units is < 1 or > 100) errors.Add("units", "号源数应为1-100");
        errors.ThrowIfAny();
        var dto = await requests.RequestAsync(StaffId(user), body!.DoctorId!.Value, body.DepartmentId, body.Date!.Value, body.Period!,
            body.Units, ct);
        return TypedResults.Accepted($"/api/scheduling/admin/session-requests?date={dto.Date:yyyy-MM-dd}", dto);
    }

    public static async Task<Ok<List<StaffExamRoomDto>>> Rooms(DateOnly? date, ExamOutages outages, ClinicClock clinic, CancellationToken ct) =>
        TypedResults.Ok(await outages.RoomsAsync(date ?? clinic.Today, ct));

    public static async Task<Ok<ExamOutageDto>> StartOutage(Guid id, ExamOutageRequest? body, ClaimsPrincipal user, ExamOutages outages,
        ClinicClock clinic, CancellationToken ct)
    {
        var reason = body?.Reason?.Trim();
        var errors = new Validation().Required("reason", reason, "故障原因").Length("reason", reason, "故障原因", 1, 200)
            .PlainText("reason", reason, "故障原因");
        if (body?.From is null) errors.Add("from", "请填写故障开始时间");
        if (body?.To is null) errors.Add("to", "请填写预计恢复时间");
        if (body is { From: { } from, To: { } to })
        {
            if (to <= from) errors.Add("to", "预计恢复时间应晚于故障开始时间");
            else if (to <= clinic.Now) errors.Add("to", "预计恢复时间已过，无需登记故障");
            else if (to - from > TimeSpan.FromDays(MaxOutageDays)) errors.Add("to", $"一次故障最长登记{MaxOutageDays}天");
        }
        errors.ThrowIfAny();
        return TypedResults.Ok(await outages.StartAsync(StaffId(user), id, body!.From!.Value, body.To!.Value, reason!, ct));
    }

    /// <summary>Who acted, for the record; a staff token whose subject is not an id is still staff.</summary>
    private static Guid StaffId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.Subject)?.Value, out var id) ? id : Guid.Empty;

    public static async Task<Ok<ExamOutageDto>> EndOutage(Guid id, Guid outageId, ExamOutages outages, CancellationToken ct) =>
        TypedResults.Ok(await outages.EndAsync(id, outageId, ct));
}
