using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Application;

namespace Scheduling.API.Apis;

public sealed record BookExamRequest(Guid? SlotId);

/// <summary>检查检验集中预约 (R16): the orders a doctor made for the caller's patients, their windows, a plan, bookings.</summary>
public static class ExamsApi
{
    public static IEndpointRouteBuilder MapExamsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scheduling/exams").WithTags("检查检验预约").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/orders", Orders).WithName("ListExamOrders").WithSummary("就诊人的检查检验申请（含准备事项）");
        api.MapGet("/orders/{id:guid}/slots", Slots).WithName("ListExamSlots").WithSummary("检查申请可预约的时段");
        api.MapPost("/orders/{id:guid}/appointments", Book).WithName("BookExam").WithSummary("预约检查时段（需 Idempotency-Key）");
        api.MapGet("/plan", Plan).WithName("PlanExams").WithSummary("一键排程：为全部待约检查建议互不重叠的时段");
        api.MapGet("/appointments", Appointments).WithName("ListExamAppointments").WithSummary("就诊人的检查预约");
        api.MapPost("/appointments/{id:guid}/cancel", Cancel).WithName("CancelExamAppointment").WithSummary("取消检查预约");
        return app;
    }

    public static async Task<Ok<List<ExamOrderDto>>> Orders(Guid? patientId, ClaimsPrincipal user, ExamBooking exams, CancellationToken ct) =>
        TypedResults.Ok(await exams.OrdersAsync(user.AccountId(), RequirePatient(patientId), ct));

    public static async Task<Ok<List<ExamSlotDto>>> Slots(Guid id, string? date, ClaimsPrincipal user, ExamBooking exams, CancellationToken ct)
    {
        DateOnly? day = null;
        if (!string.IsNullOrEmpty(date))
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                throw ProblemException.Invalid(new Dictionary<string, string[]> { ["date"] = ["日期格式应为 yyyy-MM-dd"] });
            day = parsed;
        }
        return TypedResults.Ok(await exams.SlotsAsync(user.AccountId(), id, day, ct));
    }

    public static async Task<Accepted<ExamAppointmentDto>> Book(Guid id, BookExamRequest? body,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, ExamBooking exams, CancellationToken ct)
    {
        var key = IdempotencyKeys.Require(idempotencyKey);
        if (body?.SlotId is null || body.SlotId == Guid.Empty)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["slotId"] = ["请选择检查时段"] });
        var dto = await exams.BookAsync(user.AccountId(), key, id, body.SlotId.Value, ct);
        return TypedResults.Accepted($"/api/scheduling/exams/appointments?patientId={dto.PatientId}", dto);
    }

    public static async Task<Ok<ExamPlanDto>> Plan(Guid? patientId, ClaimsPrincipal user, ExamBooking exams, CancellationToken ct) =>
        TypedResults.Ok(await exams.PlanAsync(user.AccountId(), RequirePatient(patientId), ct));

    public static async Task<Ok<List<ExamAppointmentDto>>> Appointments(Guid? patientId, ClaimsPrincipal user, ExamBooking exams,
        CancellationToken ct) =>
        TypedResults.Ok(await exams.AppointmentsAsync(user.AccountId(), RequirePatient(patientId), ct));

    public static async Task<Ok<ExamAppointmentDto>> Cancel(Guid id, ClaimsPrincipal user, ExamBooking exams, CancellationToken ct) =>
        TypedResults.Ok(await exams.CancelAsync(user.AccountId(), id, ct));

    private static Guid RequirePatient(Guid? patientId) =>
        patientId is { } id && id != Guid.Empty
            ? id
            : throw ProblemException.Invalid(new Dictionary<string, string[]> { ["patientId"] = ["请选择就诊人"] });
}
