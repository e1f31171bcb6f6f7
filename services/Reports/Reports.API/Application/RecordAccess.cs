using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging.PatientLinks;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Reports.API.Domain;
using Reports.API.Infrastructure;

namespace Reports.API.Application;

/// <summary>Who is reading, in AuditEvent terms: the agent and the purpose of use.</summary>
public sealed record Reader(Guid? AccountId, string Role, string Name, string? PractitionerId, string PurposeCode, string PurposeText);

/// <summary>What the read was of (AuditEvent.entity).</summary>
public sealed record Entity(string Type, string? Id = null, string? Title = null);

/// <summary>Appends AuditEvent-shaped rows; never updates or deletes one (the table refuses both).</summary>
public sealed class AccessAudit(ReportsDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(Reader reader, Guid patientId, Entity entity, string subtype, string? refusal, CancellationToken ct)
    {
        db.AccessEvents.Add(new AccessEvent
        {
            Id = Guid.CreateVersion7(),
            RecordedAt = clock.GetUtcNow(),
            PatientId = patientId,
            Outcome = refusal is null ? "0" : "4",
            OutcomeText = refusal,
            Subtype = subtype,
            AgentAccountId = reader.AccountId,
            AgentRole = reader.Role,
            AgentName = reader.Name,
            AgentPractitionerId = reader.PractitionerId,
            PurposeCode = reader.PurposeCode,
            PurposeText = reader.PurposeText,
            EntityType = entity.Type,
            EntityId = entity.Id,
            EntityTitle = entity.Title,
        });
        await db.SaveChangesAsync(ct);
    }

    public Task ReadAsync(Reader reader, Guid patientId, Entity entity, CancellationToken ct) =>
        RecordAsync(reader, patientId, entity, entity.Id is null ? "search" : "read", null, ct);
}

/// <summary>Whether this account may read this patient's record: the patient themselves or an account they authorised
/// (the <c>pid</c> claim), a doctor with a care relationship (their HIS Practitioner in <c>practitioner_id</c>, checked
/// against the HIS), or staff stating why. Every refusal is audited and says nothing about the record.</summary>
public sealed class RecordAccess(HisRecords his, AccessAudit audit, ReportsDbContext db, TimeProvider clock)
{
    /// <summary>The patients this account acts for: the token's <c>pid</c> claim and the links Identity announced since.</summary>
    public Task<IReadOnlySet<Guid>> PatientsOfAsync(ClaimsPrincipal user, CancellationToken ct) => db.PatientLinks.ActedForAsync(user, ct);

    public Task<bool> ActsForAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct) =>
        db.PatientLinks.ActsForAsync(user, patientId, ct);

    public static Reader ReaderOf(ClaimsPrincipal user, string? purpose = null)
    {
        var account = user.AccountId();
        var name = user.FindFirst(PlatformClaims.Name)?.Value ?? "";
        if (user.IsInRole(PlatformRoles.Doctor))
            return new Reader(account, PlatformRoles.Doctor, name, user.FindFirst(PlatformClaims.PractitionerId)?.Value, "TREAT", "诊疗需要");
        if (user.IsInRole(PlatformRoles.Staff))
            return new Reader(account, PlatformRoles.Staff, name, null, "HOPERAT", string.IsNullOrWhiteSpace(purpose) ? "未说明事由" : purpose.Trim());
        return new Reader(account, PlatformRoles.Patient, name, null, "PATRQT", "本人或家属查询");
    }

    public async Task<Reader> AuthorizeAsync(ClaimsPrincipal user, Guid patientId, Entity entity, string? purpose, CancellationToken ct)
    {
        var reader = ReaderOf(user, purpose);
        var refusal = ReaderRefusal(reader, purpose);
        if (refusal is null && reader.Role == PlatformRoles.Patient && !await ActsForAsync(user, patientId, ct))
            refusal = new ProblemException(403, "record_forbidden", "您无权查看该就诊人的病历资料");
        else if (refusal is null && reader.Role == PlatformRoles.Doctor && !await CaresForAsync(patientId, reader.PractitionerId!, ct))
            refusal = new ProblemException(403, "no_care_relationship", "您与该患者没有诊疗关系，无法查看其病历");
        if (refusal is null) return reader;
        await audit.RecordAsync(reader, patientId, entity, entity.Id is null ? "search" : "read", refusal.Code, ct);
        throw refusal;
    }

    /// <summary>What keeps this reader from every record, whichever it is (checked before a record named by its id is
    /// looked up, so that the answer cannot tell whether it exists).</summary>
    public static ProblemException? ReaderRefusal(Reader reader, string? purpose) => reader.Role switch
    {
        PlatformRoles.Doctor when string.IsNullOrEmpty(reader.PractitionerId) =>
            new ProblemException(403, "practitioner_required", "您的账号尚未关联医院医生身份，无法查看患者病历"),
        PlatformRoles.Staff when string.IsNullOrWhiteSpace(purpose) => new ProblemException(403, "purpose_required", "工作人员查阅病历须填写查阅事由"),
        _ => null,
    };

    /// <summary>A record named by its own id (a report, its PDF, a key image): refused exactly as one that does not exist,
    /// while the refusal still lands in the owner's 谁查看了我的病历.</summary>
    public async Task<Reader> AuthorizeByIdAsync(ClaimsPrincipal user, Guid patientId, Entity entity, string? purpose, string what,
        CancellationToken ct)
    {
        try
        {
            return await AuthorizeAsync(user, patientId, entity, purpose, ct);
        }
        catch (ProblemException e) when (e.Code is "record_forbidden" or "no_care_relationship")
        {
            throw ProblemException.NotFound(what);
        }
    }

    /// <summary>Refuses, before any look-up, a reader who may read no record at all.</summary>
    public static void EnsureMayRead(ClaimsPrincipal user, string? purpose)
    {
        if (ReaderRefusal(ReaderOf(user, purpose), purpose) is { } refusal) throw refusal;
    }

    /// <summary>An open online consultation with the patient (known here from Consultation's events), else a visit or
    /// admission the HIS knows of.</summary>
    private async Task<bool> CaresForAsync(Guid patientId, string practitionerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.ConsultationCare.AnyAsync(c => c.PatientId == patientId && c.PractitionerHisId == practitionerId && c.CareUntil > now, ct)
            || await his.CareRelationshipAsync(patientId, practitionerId, ct);
    }
}
