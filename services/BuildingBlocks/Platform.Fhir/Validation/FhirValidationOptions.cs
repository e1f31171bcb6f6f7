namespace Platform.Fhir.Validation;

/// <summary>Configuration section Fhir:Validation.</summary>
public sealed class FhirValidationOptions
{
    public const string Section = "Fhir:Validation";

    /// <summary>How long the loaded specification is kept without a write to validate; zero keeps it for good.</summary>
    public TimeSpan ReleaseAfterIdle { get; set; } = TimeSpan.FromMinutes(5);
}
