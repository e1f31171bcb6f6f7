using System.Net;
using System.Net.Http.Headers;

namespace Platform.Fhir.Authentication;

/// <summary>
/// Puts the SMART backend-services bearer token on every request FhirClient sends. A 401 means the server revoked a
/// token we still thought fresh: the cached token is dropped and the request is sent once more with a new one.
/// </summary>
public sealed class SmartBackendTokenHandler(IFhirAccessTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken);
        if (token is null) return await base.SendAsync(request, cancellationToken);

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        tokens.Invalidate();
        var fresh = await tokens.GetAccessTokenAsync(cancellationToken);
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken);
    }
}
