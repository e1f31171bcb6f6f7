namespace Platform.ServiceDefaults.Patients;

/// <summary>Section "PatientDirectory": how a service reaches Identity for a patient's identifiers. The client must be
/// registered in Identity (<c>Identity:Clients:&lt;ClientId&gt;</c>) with the <c>patient_identifiers</c> scope.</summary>
public sealed class PatientDirectoryOptions
{
    public const string Section = "PatientDirectory";
    public const string Scope = "patient_identifiers";

    /// <summary>Identity's base address; defaults to <c>Endpoints:identity</c>.</summary>
    public string? BaseUrl { get; set; }
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A cached token is replaced this long before it expires.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);
}
