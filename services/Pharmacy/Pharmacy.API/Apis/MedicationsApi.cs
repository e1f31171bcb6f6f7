using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pharmacy.API.Application;
using Pharmacy.API.Domain;
using Pharmacy.API.Infrastructure;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Pharmacy.API.Apis;

public sealed record ReminderRequest(bool Enabled, IReadOnlyList<string>? Times);

public sealed record QuestionRequest(string? Question, Guid? AlertId);

/// <summary>处方查询 (R31), 带药查询 (R32) and 合理用药提醒 (R34) for the patient and authorised family members.</summary>
public static class MedicationsApi
{
    public static IEndpointRouteBuilder MapMedicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pharmacy/patients/{patientId:guid}").WithTags("我的用药").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/prescriptions", Prescriptions).WithName("MyPrescriptions").WithSummary("处方及药品说明书（category=discharge 为出院带药）");
        api.MapGet("/prescriptions/{id:guid}", Prescription).WithName("MyPrescription").WithSummary("一张处方的药品、说明书与用药提醒");
        api.MapPut("/prescriptions/{id:guid}/reminder", SetReminder).WithName("SetDoseReminder").WithSummary("设置服药提醒");
        api.MapGet("/alerts", Alerts).WithName("MySafetyAlerts").WithSummary("合理用药提醒");
        api.MapPost("/questions", Ask).WithName("AskPharmacist").WithSummary("向药师提问");
        api.MapGet("/questions", Questions).WithName("MyQuestions").WithSummary("我的用药咨询");
        return app;
    }

    public static async Task<Ok<List<PrescriptionDto>>> Prescriptions(Guid patientId, string? category, ClaimsPrincipal user, Access access,
        MedicationViews views, PharmacyDbContext db, CancellationToken ct)
    {
        access.RequirePatient(user, patientId, category == "discharge" ? "discharge-medications" : "prescriptions");
        var list = await views.PrescriptionsAsync(patientId, category, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<PrescriptionDetailDto>, NotFound>> Prescription(Guid patientId, Guid id, ClaimsPrincipal user, Access access,
        MedicationViews views, PharmacyDbContext db, CancellationToken ct)
    {
        access.RequirePatient(user, patientId, $"prescription:{id}");
        var detail = await views.PrescriptionAsync(patientId, id, ct);
        await db.SaveChangesAsync(ct);
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }

    public static async Task<Ok<ReminderDto>> SetReminder(Guid patientId, Guid id, ReminderRequest request, ClaimsPrincipal user, Access access,
        DoseSchedules schedules, CancellationToken ct)
    {
        access.RequirePatient(user, patientId, $"reminder:{id}");
        var r = await schedules.SetAsync(patientId, id, request.Enabled, request.Times, ct);
        return TypedResults.Ok(new ReminderDto(r.Enabled, r.Times, r.NextDueAt));
    }

    public static async Task<Ok<List<AlertDto>>> Alerts(Guid patientId, ClaimsPrincipal user, Access access, MedicationViews views,
        PharmacyDbContext db, CancellationToken ct)
    {
        access.RequirePatient(user, patientId, "alerts");
        var list = await views.AlertsAsync(patientId, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list);
    }

    public static async Task<Ok<QuestionDto>> Ask(Guid patientId, QuestionRequest request, ClaimsPrincipal user, Access access,
        PharmacyDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var account = access.RequirePatient(user, patientId, "question");
        var text = request.Question?.Trim() ?? "";
        if (text.Length is 0 or > 500)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["question"] = ["请填写问题（不超过500字）"] });
        var q = new PharmacistQuestion { PatientId = patientId, AccountId = account, AlertId = request.AlertId, Question = text, AskedAt = clock.GetUtcNow() };
        db.Questions.Add(q);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(QuestionDto.From(q));
    }

    public static async Task<Ok<List<QuestionDto>>> Questions(Guid patientId, ClaimsPrincipal user, Access access, PharmacyDbContext db, CancellationToken ct)
    {
        access.RequirePatient(user, patientId, "questions");
        var list = db.Questions.Where(q => q.PatientId == patientId).OrderByDescending(q => q.AskedAt).Take(50).ToList();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list.Select(QuestionDto.From).ToList());
    }
}

public sealed record QuestionDto(Guid Id, Guid PatientId, Guid? AlertId, string Question, DateTimeOffset AskedAt, string? Answer, string? AnsweredBy,
    DateTimeOffset? AnsweredAt)
{
    public static QuestionDto From(PharmacistQuestion q) => new(q.Id, q.PatientId, q.AlertId, q.Question, q.AskedAt, q.Answer, q.AnsweredBy, q.AnsweredAt);
}
