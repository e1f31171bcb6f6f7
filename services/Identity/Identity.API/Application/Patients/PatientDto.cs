using Identity.API.Domain;
using Platform.Security.Encryption;
using Platform.Security.Masking;

namespace Identity.API.Application.Patients;

/// <summary>A patient as the account holder sees it: identifiers masked, and only the birth year beside the masked ID
/// number (a full birth date fills in the digits the mask hides).</summary>
public sealed record PatientDto(Guid Id, string Relation, string Name, string IdType, string IdNumberMasked, string PhoneMasked,
    string Gender, int BirthYear, bool Verified, string VerifiedBy, bool IsSelf, bool SharingConsent)
{
    public static PatientDto From(Patient p, IFieldEncryptor encryptor) => new(
        p.Id, p.Relation, p.Name, p.IdType,
        Mask.IdNumber(encryptor.Decrypt(p.IdNumberEncrypted, PatientContexts.IdNumber(p.Id))),
        Mask.Phone(encryptor.Decrypt(p.PhoneEncrypted, PatientContexts.Phone(p.Id))),
        p.Gender, p.BirthDate.Year, true, p.VerifiedBy, p.IsSelf, p.SharingConsent);
}

public static class PatientContexts
{
    public static string IdNumber(Guid patientId) => "patient-id:" + patientId.ToString("N");
    public static string Phone(Guid patientId) => "patient-phone:" + patientId.ToString("N");
}

/// <summary>A patient in clear, for the internal services that must reach the HIS or the patient's phone.</summary>
public sealed record PatientIdentifiers(Guid Id, Guid AccountId, string Name, string Gender, DateOnly BirthDate, string IdType,
    string IdNumber, string Phone)
{
    public static PatientIdentifiers From(Patient p, IFieldEncryptor encryptor) => new(
        p.Id, p.AccountId, p.Name, p.Gender, p.BirthDate, p.IdType,
        encryptor.Decrypt(p.IdNumberEncrypted, PatientContexts.IdNumber(p.Id)),
        encryptor.Decrypt(p.PhoneEncrypted, PatientContexts.Phone(p.Id)));
}
