using System.Runtime.CompilerServices;
using Platform.Fhir.Search;

namespace Platform.Fhir.Client;

public sealed partial class FhirClient
{
    public Task<Bundle> SearchAsync<TResource>(SearchParameters? parameters = null, CancellationToken cancellationToken = default)
        where TResource : Resource =>
        SearchAsync(TypeName<TResource>(), parameters, cancellationToken);

    public Task<Bundle> SearchAsync(string resourceType, SearchParameters? parameters = null, CancellationToken cancellationToken = default)
    {
        var query = parameters?.ToQueryString();
        return GetResourceAsync<Bundle>(string.IsNullOrEmpty(query) ? resourceType : $"{resourceType}?{query}", cancellationToken);
    }

    /// <summary>The next page of a searchset, or null on the last page.</summary>
    public async Task<Bundle?> NextPageAsync(Bundle page, CancellationToken cancellationToken = default)
    {
        if (page.NextLink is not { } next) return null;
        return await GetResourceAsync<Bundle>(CheckSameServer(next), cancellationToken);
    }

    /// <summary>Every resource the search matched, following the Bundle's next links page by page.</summary>
    public async IAsyncEnumerable<TResource> SearchAllAsync<TResource>(
        SearchParameters? parameters = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TResource : Resource
    {
        for (Bundle? page = await SearchAsync<TResource>(parameters, cancellationToken);
             page is not null;
             page = await NextPageAsync(page, cancellationToken))
        {
            foreach (var match in page.Matches<TResource>())
                yield return match;
        }
    }

    /// <summary>
    /// Paging links come from the server; a link to another origin would carry our bearer token
    /// to a stranger, so only links under our base address are followed.
    /// </summary>
    private string CheckSameServer(string link)
    {
        var target = new Uri(baseAddress, link);
        return baseAddress.IsBaseOf(target)
            ? target.AbsoluteUri
            : throw new FhirOperationException(
                System.Net.HttpStatusCode.BadGateway, null, $"Refusing to follow paging link outside {baseAddress}: {link}");
    }
}
