using System.Security.Claims;
using Identity.API.Application;
using Identity.API.Application.Patients;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.RateLimiting;

namespace Identity.API.Apis;

public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/me/patients").WithTags("就诊人").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/", List).WithName("ListPatients").WithSummary("我的就诊人");
        api.MapPost("/", Add).WithName("AddPatient").WithSummary("添加就诊人（实名认证）")
            .RequireRateLimiting(RateLimitingSetup.Sensitive);
        api.MapGet("/{id:guid}", Get).WithName("GetPatient").WithSummary("就诊人详情");
        api.MapPut("/{id:guid}", Update).WithName("UpdatePatient").WithSummary("修改就诊人手机号");
        api.MapPut("/{id:guid}/sharing", SetSharing).WithName("SetPatientSharing").WithSummary("同意或撤回该就诊人被其他账号添加");
        api.MapDelete("/{id:guid}", Remove).WithName("RemovePatient").WithSummary("删除就诊人（本人除外）");
        return app;
    }

    public static async Task<Ok<List<PatientDto>>> List(ClaimsPrincipal user, IdentityDbContext db, IFieldEncryptor encryptor,
        CancellationToken ct)
    {
        var accountId = user.AccountId();
        var patients = await db.Patients.AsNoTracking().Where(p => p.AccountId == accountId)
            .OrderByDescending(p => p.Relation == PatientRelation.Self).ThenBy(p => p.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(patients.Select(p => PatientDto.From(p, encryptor)).ToList());
    }

    public static async Task<Created<PatientDto>> Add(PatientRequest request, ClaimsPrincipal user, PatientBinding binding,
        IFieldEncryptor encryptor, CancellationToken ct)
    {
        var patient = await binding.AddAsync(user.AccountId(), request, ct);
        return TypedResults.Created($"/api/identity/me/patients/{patient.Id}", PatientDto.From(patient, encryptor));
    }

    public static async Task<Ok<PatientDto>> Get(Guid id, ClaimsPrincipal user, IdentityDbContext db, IFieldEncryptor encryptor,
        CancellationToken ct) =>
        TypedResults.Ok(PatientDto.From(await OwnAsync(id, user, db, ct), encryptor));

    public static async Task<Ok<PatientDto>> Update(Guid id, PatientUpdate update, ClaimsPrincipal user, IdentityDbContext db,
        PatientBinding binding, IFieldEncryptor encryptor, CancellationToken ct)
    {
        update.Validate();
        var patient = await binding.UpdatePhoneAsync(await OwnAsync(id, user, db, ct), update.Phone!.Trim(), ct);
        return TypedResults.Ok(PatientDto.From(patient, encryptor));
    }

    public static async Task<NoContent> SetSharing(Guid id, SharingUpdate update, ClaimsPrincipal user, IdentityDbContext db,
        CancellationToken ct)
    {
        var patient = await OwnAsync(id, user, db, ct);
        patient.SharingConsent = update.Allowed;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> Remove(Guid id, ClaimsPrincipal user, IdentityDbContext db, PatientBinding binding,
        CancellationToken ct)
    {
        await binding.RemoveAsync(await OwnAsync(id, user, db, ct), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Another account's patient answers exactly as one that does not exist, so an id reveals nothing.</summary>
    private static async Task<Patient> OwnAsync(Guid id, ClaimsPrincipal user, IdentityDbContext db, CancellationToken ct)
    {
        var accountId = user.AccountId();
        return await db.Patients.FirstOrDefaultAsync(p => p.Id == id && p.AccountId == accountId, ct)
            ?? throw ProblemException.NotFound("就诊人");
    }
}
