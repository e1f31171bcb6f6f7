using System.Net.Http.Headers;

namespace Platform.Fhir.Client;

/// <summary>One FHIR interaction, turned into a fresh HttpRequestMessage for every attempt.</summary>
internal sealed record FhirRequest(HttpMethod Method, string Url)
{
    public byte[]? Body { get; init; }
    public string? IfMatch { get; init; }
    public string? IfNoneExist { get; init; }
    public bool PreferRepresentation { get; init; }

    /// <summary>
    /// Only requests that cannot duplicate work are retried: GET, PUT and DELETE are idempotent;
    /// a POST is retried only as a conditional create, which the server deduplicates.
    /// </summary>
    public bool IsRetryable => Method != HttpMethod.Post && Method != HttpMethod.Patch || IfNoneExist is not null;

    public HttpRequestMessage ToHttpRequest(Uri baseAddress, string? accessToken)
    {
        var message = new HttpRequestMessage(Method, new Uri(baseAddress, Url));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson.MediaType));
        if (accessToken is not null)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (IfMatch is not null)
            message.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        if (IfNoneExist is not null)
            message.Headers.TryAddWithoutValidation("If-None-Exist", IfNoneExist);
        if (PreferRepresentation)
            message.Headers.TryAddWithoutValidation("Prefer", "return=representation");
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(FhirJson.MediaType) { CharSet = "utf-8" };
        }
        return message;
    }
}
