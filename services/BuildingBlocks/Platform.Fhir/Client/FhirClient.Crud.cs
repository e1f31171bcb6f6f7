using System.Net;
using Platform.Fhir.Search;
using Platform.Fhir.Serialization;

namespace Platform.Fhir.Client;

public sealed partial class FhirClient
{
    public async Task<TResource> ReadAsync<TResource>(string id, CancellationToken cancellationToken = default)
        where TResource : Resource =>
        await GetResourceAsync<TResource>($"{TypeName<TResource>()}/{EscapeId(id)}", cancellationToken);

    public async Task<TResource> VReadAsync<TResource>(string id, string versionId, CancellationToken cancellationToken = default)
        where TResource : Resource =>
        await GetResourceAsync<TResource>(
            $"{TypeName<TResource>()}/{EscapeId(id)}/_history/{EscapeId(versionId)}", cancellationToken);

    /// <summary>Reads what a relative reference such as <c>Patient/123</c> points at.</summary>
    public async Task<TResource> ResolveAsync<TResource>(Reference reference, CancellationToken cancellationToken = default)
        where TResource : Resource =>
        reference.IdFor(TypeName<TResource>()) is { } id
            ? await ReadAsync<TResource>(id, cancellationToken)
            : throw new ArgumentException($"'{reference.Value}' is not a reference to a {TypeName<TResource>()}.", nameof(reference));

    public async Task<TResource> CreateAsync<TResource>(TResource resource, CancellationToken cancellationToken = default)
        where TResource : Resource =>
        (await CreateCoreAsync(resource, ifNoneExist: null, cancellationToken)).Resource;

    /// <summary>
    /// Conditional create: the server creates the resource only if nothing matches <paramref name="ifNoneExist"/>,
    /// so a retried or repeated call never makes a duplicate.
    /// </summary>
    public Task<FhirCreateResult<TResource>> CreateIfNoneExistAsync<TResource>(
        TResource resource, SearchParameters ifNoneExist, CancellationToken cancellationToken = default)
        where TResource : Resource =>
        CreateCoreAsync(resource, ifNoneExist.ToQueryString(), cancellationToken);

    /// <summary>
    /// Updates a resource. When <paramref name="versionAware"/> (the default) the update carries
    /// <c>If-Match: W/"meta.versionId"</c> and fails with <see cref="FhirPreconditionFailedException"/>
    /// if someone changed the resource since it was read.
    /// </summary>
    public async Task<TResource> UpdateAsync<TResource>(
        TResource resource, bool versionAware = true, CancellationToken cancellationToken = default)
        where TResource : Resource
    {
        var id = resource.Id ?? throw new ArgumentException("A resource needs an id to be updated.", nameof(resource));
        string? ifMatch = null;
        if (versionAware)
        {
            var version = resource.Meta?.VersionId ?? throw new InvalidOperationException(
                $"{resource.ResourceType}/{id} has no meta.versionId; read it first or update with versionAware: false.");
            ifMatch = ETagForVersion(version);
        }

        var request = new FhirRequest(HttpMethod.Put, $"{resource.ResourceType}/{EscapeId(id)}")
        {
            Body = FhirJson.SerializeToUtf8Bytes(resource),
            IfMatch = ifMatch,
            PreferRepresentation = true,
        };
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, cancellationToken);
        return await ReadResourceAsync<TResource>(response, cancellationToken)
               ?? await ReadAsync<TResource>(id, cancellationToken);
    }

    public async Task DeleteAsync<TResource>(string id, CancellationToken cancellationToken = default)
        where TResource : Resource
    {
        var request = new FhirRequest(HttpMethod.Delete, $"{TypeName<TResource>()}/{EscapeId(id)}");
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, cancellationToken);
    }

    /// <summary>
    /// Posts a transaction or batch Bundle to the base URL. A transaction is all-or-nothing on the server;
    /// it is never retried because a lost response cannot tell whether it was applied.
    /// </summary>
    public async Task<Bundle> TransactionAsync(Bundle bundle, CancellationToken cancellationToken = default)
    {
        if (bundle.Type is not ("transaction" or "batch"))
            throw new ArgumentException("Only a Bundle of type transaction or batch can be posted.", nameof(bundle));
        if (bundle.Entry.Any(e => e.Request?.Method is null || e.Request.Url is null))
            throw new ArgumentException("Every entry of a transaction needs request.method and request.url.", nameof(bundle));

        var request = new FhirRequest(HttpMethod.Post, "") { Body = FhirJson.SerializeToUtf8Bytes(bundle), PreferRepresentation = true };
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, cancellationToken);
        return await ReadResourceAsync<Bundle>(response, cancellationToken)
               ?? throw new FhirParseException("The server answered the transaction without a response Bundle.");
    }

    private async Task<FhirCreateResult<TResource>> CreateCoreAsync<TResource>(
        TResource resource, string? ifNoneExist, CancellationToken cancellationToken)
        where TResource : Resource
    {
        var request = new FhirRequest(HttpMethod.Post, resource.ResourceType)
        {
            Body = FhirJson.SerializeToUtf8Bytes(resource),
            IfNoneExist = ifNoneExist,
            PreferRepresentation = true,
        };
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, cancellationToken);

        var created = response.StatusCode == HttpStatusCode.Created;
        var stored = await ReadResourceAsync<TResource>(response, cancellationToken);
        if (stored is null && response.Headers.Location is { } location)
            stored = await GetResourceAsync<TResource>(location.ToString(), cancellationToken);
        return new FhirCreateResult<TResource>(
            stored ?? throw new FhirParseException("The server answered the create with neither a body nor a Location."),
            created);
    }

    private async Task<TResource> GetResourceAsync<TResource>(string url, CancellationToken cancellationToken)
        where TResource : Resource
    {
        var request = new FhirRequest(HttpMethod.Get, url);
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, cancellationToken);
        return await ReadResourceAsync<TResource>(response, cancellationToken)
               ?? throw new FhirParseException($"GET {url} answered with an empty body.");
    }

    private static string TypeName<TResource>() where TResource : Resource => ResourceTypeRegistry.NameOf<TResource>();

    private static string EscapeId(string id) => string.IsNullOrWhiteSpace(id)
        ? throw new ArgumentException("A resource id cannot be empty.", nameof(id))
        : Uri.EscapeDataString(id);
}

/// <summary>The stored resource, and whether the server created it (201) or found a match (200).</summary>
public sealed record FhirCreateResult<TResource>(TResource Resource, bool Created) where TResource : Resource;
