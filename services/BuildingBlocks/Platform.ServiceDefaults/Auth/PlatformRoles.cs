namespace Platform.ServiceDefaults.Auth;

public static class PlatformRoles
{
    public const string Patient = "patient";
    public const string Doctor = "doctor";
    public const string Pharmacist = "pharmacist";
    public const string Staff = "staff";
    public const string Integration = "integration";

    public static readonly string[] All = [Patient, Doctor, Pharmacist, Staff, Integration];
}

public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Name = "name";

    /// <summary>The patients (就诊人) the account may act for; an array claim.</summary>
    public const string PatientIds = "pid";

    /// <summary>A clinician account's HIS Practitioner (logical id): what a doctor may act on (their own clinic's
    /// queue, their own patients' records) follows from it. Set by Identity from the account's confirmed link.</summary>
    public const string PractitionerId = "practitioner_id";
}
