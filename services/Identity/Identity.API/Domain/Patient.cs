namespace Identity.API.Domain;

public static class PatientRelation
{
    public const string Self = "self";
    public static readonly string[] All = [Self, "parent", "child", "spouse", "other"];
}

public static class VerificationMethod
{
    public const string IdCard = "id_card";
    public const string SocialSecurityCard = "social_security_card";
    public const string BankCard = "bank_card";
    public static readonly string[] All = [IdCard, SocialSecurityCard, BankCard];
}

/// <summary>A real-name verified person (就诊人) an account may book and pay for. The same person (by ID hash) is bound
/// to one account only, unless the account holding them consented to sharing.</summary>
public sealed class Patient
{
    public const int MaxPerAccount = 5;
    public const int GuardianAgeLimit = 14;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AccountId { get; init; }
    public required string Relation { get; init; }
    public required string Name { get; set; }
    public required string IdType { get; init; }
    public required string IdNumberEncrypted { get; set; }
    public required string IdNumberHash { get; set; }
    public required string PhoneEncrypted { get; set; }
    public required string Gender { get; init; }
    public DateOnly BirthDate { get; init; }
    public required string VerifiedBy { get; init; }
    public DateTimeOffset VerifiedAt { get; init; }
    public bool GuardianConsent { get; init; }
    public bool SharingConsent { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool IsSelf => Relation == PatientRelation.Self;
}
