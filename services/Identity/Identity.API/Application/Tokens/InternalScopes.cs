namespace Identity.API.Application.Tokens;

/// <summary>Scopes an integration client must hold, on top of its role, for Identity's internal endpoints.</summary>
public static class InternalScopes
{
    /// <summary>Read a patient's clear identifiers (ID number, phone): the HIS adapter and Notification, never a person.</summary>
    public const string PatientIdentifiers = "patient_identifiers";

    public static readonly string[] All = [PatientIdentifiers];
}
