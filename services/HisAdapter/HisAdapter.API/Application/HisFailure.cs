using System.Net;
using Hl7.Fhir.Rest;
using Platform.Fhir.Client;
using Polly;

namespace HisAdapter.API.Application;

public static class HisFailure
{
    /// <summary>The HIS could not be reached or is failing: trying again later may succeed.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        HttpRequestException or TimeoutException or ExecutionRejectedException => true,
        FhirOperationException f => (int)f.Status >= 500 || f.Status is HttpStatusCode.TooManyRequests
            or HttpStatusCode.Unauthorized or HttpStatusCode.RequestTimeout,
        _ => false,
    };

    public static bool IsUnreachable(Exception ex) => IsTransient(ex) || ex is FhirCapabilityException;
}
