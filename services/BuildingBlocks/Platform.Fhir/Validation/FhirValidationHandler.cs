using Microsoft.Extensions.Logging;

namespace Platform.Fhir.Validation;

/// <summary>
/// Validates the resource of every POST and PUT before it leaves the process. An invalid one is logged (type, paths
/// and issue kinds only: resources carry personal data) and refused with <see cref="FhirResourceInvalidException"/>.
/// Until the validator is warm, a write waits for it.
/// </summary>
public sealed class FhirValidationHandler(FhirResourceValidator validator, ILogger<FhirValidationHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if ((request.Method == HttpMethod.Post || request.Method == HttpMethod.Put) && request.Content is not null)
        {
            var json = await request.Content.ReadAsStringAsync(cancellationToken);
            var (resourceType, issues) = await validator.ValidateJsonAsync(json, cancellationToken);
            if (issues.Count > 0)
            {
                logger.LogWarning("Refused to {Method} an invalid {ResourceType} to the FHIR server: {Issues}",
                    request.Method, resourceType, string.Join("; ", issues));
                throw new FhirResourceInvalidException(resourceType, issues);
            }
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
