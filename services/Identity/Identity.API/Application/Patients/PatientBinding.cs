using Identity.API.Domain;
using Identity.API.Infrastructure;
using Identity.API.Infrastructure.RealName;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Messaging.Outbox;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Patients;

/// <summary>Adds a real-name verified patient to an account and tells the other services (by ids only), through the outbox, in the same commit.</summary>
public sealed class PatientBinding(IdentityDbContext db, IRealNameVerifier verifier, IdentityHashes hashes, IFieldEncryptor encryptor,
    IIntegrationEventOutbox outbox, TimeProvider clock)
{
    public async Task<Patient> AddAsync(Guid accountId, PatientRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (idNumber, gender, birthDate) = request.Validate(DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime));
        var name = request.Name!.Trim();
        var phone = request.Phone!.Trim();
        var idHash = hashes.IdNumber(request.IdType!, idNumber);

        var mine = await db.Patients.Where(p => p.AccountId == accountId).ToListAsync(ct);
        if (mine.Count >= Patient.MaxPerAccount) throw ProblemException.Conflict("patient_limit", "每个账号最多添加5名就诊人");
        if (request.Relation == PatientRelation.Self && mine.Any(p => p.IsSelf))
            throw ProblemException.Conflict("self_exists", "账号下已有“本人”就诊人");
        if (mine.Any(p => p.IdNumberHash == idHash)) throw ProblemException.Conflict("already_added", "该就诊人已在您的账号下");

        // The authority first: whether this ID number is registered elsewhere is told only to someone who has just
        // proved the name that goes with it; every earlier refusal is the same for registered and unknown people.
        var kind = request.Method switch
        {
            VerificationMethod.BankCard => RealNameCheckKind.BankCard,
            VerificationMethod.SocialSecurityCard => RealNameCheckKind.SocialSecurityCard,
            _ => RealNameCheckKind.IdCard,
        };
        var result = await verifier.VerifyAsync(new RealNameCheck(kind, name, idNumber, request.CardNumber?.Trim(), phone), ct);
        if (result.Outcome == RealNameOutcome.Unavailable)
            throw new ProblemException(503, "realname_unavailable", "实名认证服务繁忙，请稍后重试");
        if (result.Outcome == RealNameOutcome.Mismatch)
            throw new ProblemException(422, "realname_mismatch", "信息不一致：姓名与证件号码（或卡号、预留手机号）不匹配，请核对后重试");
        if (await db.Patients.AnyAsync(p => p.IdNumberHash == idHash && p.AccountId != accountId && !p.SharingConsent, ct))
            throw ProblemException.Conflict("already_bound", "该就诊人已绑定其他账号，需该就诊人在原账号中同意共享后才能添加");

        var patient = new Patient
        {
            AccountId = accountId, Relation = request.Relation!, Name = name, IdType = request.IdType!,
            IdNumberEncrypted = "", IdNumberHash = idHash, PhoneEncrypted = "", Gender = gender, BirthDate = birthDate,
            VerifiedBy = request.Method!, VerifiedAt = now, GuardianConsent = request.GuardianConsent == true, CreatedAt = now,
        };
        patient.IdNumberEncrypted = encryptor.Encrypt(idNumber, PatientContexts.IdNumber(patient.Id));
        patient.PhoneEncrypted = encryptor.Encrypt(phone, PatientContexts.Phone(patient.Id));
        db.Patients.Add(patient);
        outbox.Add(new PatientRegisteredIntegrationEvent(patient.Id, accountId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw ProblemException.Conflict("already_added", "该就诊人已在您的账号下");
        }
        return patient;
    }

    public async Task<Patient> UpdatePhoneAsync(Patient patient, string phone, CancellationToken ct)
    {
        patient.PhoneEncrypted = encryptor.Encrypt(phone, PatientContexts.Phone(patient.Id));
        outbox.Add(new PatientUpdatedIntegrationEvent(patient.Id, patient.AccountId));
        await db.SaveChangesAsync(ct);
        return patient;
    }

    public async Task RemoveAsync(Patient patient, CancellationToken ct)
    {
        if (patient.IsSelf) throw ProblemException.Conflict("cannot_remove_self", "“本人”就诊人不能删除");
        db.Patients.Remove(patient);
        outbox.Add(new PatientRemovedIntegrationEvent(patient.Id, patient.AccountId));
        await db.SaveChangesAsync(ct);
    }
}
