using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Triage.API.Application.PreVisit;
using Triage.API.Domain.PreVisit;
using Triage.API.Infrastructure;

namespace Triage.API.Apis;

/// <summary>Before the visit: the patient's health profile (R12), the screening form after booking (X12) and the doctor's
/// pre-consultation summary (X17). Every read of health data is audited.</summary>
public static class PreVisitApi
{
    public static IEndpointRouteBuilder MapPreVisitApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/triage/health-vocabulary", Vocabulary).WithTags("健康档案").AllowAnonymous()
            .WithName("HealthVocabulary").WithSummary("健康档案的选项（过敏类别、亲属关系、生活习惯）");

        var mine = app.MapGroup("/api/triage/patients/{patientId:guid}").WithTags("健康档案").RequireAuthorization(PlatformRoles.Patient);
        mine.MapGet("/health-profile", GetProfile).WithName("GetHealthProfile").WithSummary("就诊人的健康档案");
        mine.MapPut("/health-profile", SaveProfile).WithName("SaveHealthProfile").WithSummary("保存健康档案（症状、既往史、家族史、过敏史、生活习惯）");

        app.MapGet("/api/triage/patients/{patientId:guid}/health-profile/fhir", Fhir).WithTags("健康档案")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Patient, PlatformRoles.Integration))
            .WithName("HealthProfileFhir").WithSummary("健康档案（FHIR R4 Bundle）");
        app.MapGet("/api/triage/internal/patients/{patientId:guid}/allergies", Allergies).WithTags("内部接口")
            .RequireAuthorization(PlatformRoles.Integration).WithName("PatientAllergies").WithSummary("患者过敏史（含过敏类别，供药房审方）");

        var screenings = app.MapGroup("/api/triage/screenings").WithTags("诊前筛查").RequireAuthorization(PlatformRoles.Patient);
        screenings.MapGet("/", MyScreenings).WithName("MyScreenings").WithSummary("我的诊前筛查问卷（含家人）");
        screenings.MapGet("/{id:guid}", Screening).WithName("GetScreening").WithSummary("诊前筛查问卷");
        screenings.MapPost("/{id:guid}/answers", Answer).WithName("AnswerScreening").WithSummary("提交诊前筛查，返回能否来院");

        var doctor = app.MapGroup("/api/triage/pre-consultations").WithTags("预问诊").RequireAuthorization(PlatformRoles.Doctor);
        doctor.MapGet("/", Day).WithName("MyPreConsultations").WithSummary("我今天（或某天）接诊患者的预问诊");
        doctor.MapGet("/{appointmentId:guid}", One).WithName("GetPreConsultation").WithSummary("一次就诊的预问诊");
        return app;
    }

    public static Ok<HealthVocabularyDto> Vocabulary() => TypedResults.Ok(new HealthVocabularyDto(
        AllergyClasses.All, AllergySeverities.All, FamilyRelations.All, BehaviourOptions.All));

    public static async Task<Ok<HealthProfileDto>> GetProfile(Guid patientId, ClaimsPrincipal user, HealthProfiles profiles, CareAccess access,
        TriageDbContext db, CancellationToken ct)
    {
        await access.EnsureActsForAsync(user, patientId, ct);
        var profile = await profiles.FindAsync(patientId, ct);
        access.Audit(user, patientId, "health-profile");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(profiles.ToDto(patientId, profile));
    }

    public static async Task<Ok<HealthProfileDto>> SaveProfile(Guid patientId, HealthProfileInput input, ClaimsPrincipal user,
        HealthProfiles profiles, CareAccess access, CancellationToken ct)
    {
        await access.EnsureActsForAsync(user, patientId, ct);
        return TypedResults.Ok(await profiles.SaveAsync(patientId, input, user.AccountId(), ct));
    }

    public static async Task<ContentHttpResult> Fhir(Guid patientId, ClaimsPrincipal user, HealthProfiles profiles, CareAccess access,
        TriageDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!user.IsInRole(PlatformRoles.Integration)) await access.EnsureActsForAsync(user, patientId, ct);
        var profile = await profiles.FindAsync(patientId, ct);
        access.Audit(user, patientId, "health-profile-fhir");
        await db.SaveChangesAsync(ct);
        var bundle = profile?.FhirBundle
                     ?? HealthProfileFhir.Serialize(HealthProfileFhir.Bundle(patientId, HealthProfileData.Empty(), clock.GetUtcNow()));
        return TypedResults.Content(bundle, "application/fhir+json");
    }

    public static async Task<Ok<PatientAllergiesDto>> Allergies(Guid patientId, ClaimsPrincipal user, HealthProfiles profiles,
        CareAccess access, TriageDbContext db, CancellationToken ct)
    {
        var profile = await profiles.FindAsync(patientId, ct);
        access.Audit(user, patientId, "allergies");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PatientAllergiesDto(patientId, profile is not null,
            profile is null ? [] : HealthProfiles.Allergies(profile.Data), profile?.UpdatedAt));
    }

    public static async Task<Ok<List<ScreeningDto>>> MyScreenings(ClaimsPrincipal user, Screenings screenings, CancellationToken ct)
    {
        user.AccountId();
        return TypedResults.Ok(await screenings.MineAsync(user, ct));
    }

    public static async Task<Ok<ScreeningDto>> Screening(Guid id, ClaimsPrincipal user, Screenings screenings, CancellationToken ct) =>
        TypedResults.Ok(await screenings.GetAsync(user, id, ct));

    public static async Task<Ok<ScreeningDto>> Answer(Guid id, ScreeningAnswersInput input, ClaimsPrincipal user, Screenings screenings,
        CancellationToken ct) =>
        TypedResults.Ok(await screenings.AnswerAsync(user, id, input, ct));

    public static async Task<Ok<List<PreConsultationDto>>> Day(DateOnly? date, ClaimsPrincipal user, PreConsultations summaries,
        CancellationToken ct) =>
        TypedResults.Ok(await summaries.DayAsync(user, date, ct));

    public static async Task<Ok<PreConsultationDto>> One(Guid appointmentId, ClaimsPrincipal user, PreConsultations summaries,
        CancellationToken ct) =>
        TypedResults.Ok(await summaries.OneAsync(user, appointmentId, ct));
}
