using System.Net;
using System.Runtime.CompilerServices;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace Platform.Fhir.Client;

/// <summary>
/// Paging with a guard Firely's ContinueAsync lacks: paging links come from the server, and a link to another origin
/// would carry our bearer token to a stranger, so only links under the client's base address are followed.
/// </summary>
public static class FhirPaging
{
    /// <summary>The next page of a searchset, or null on the last page.</summary>
    public static async Task<Bundle?> NextPageAsync(this BaseFhirClient client, Bundle page, CancellationToken cancellationToken = default)
    {
        if (page.NextLink is not { } next) return null;
        var target = next.IsAbsoluteUri ? next : new Uri(client.Endpoint, next);
        if (!client.Endpoint.IsBaseOf(target))
            throw new FhirOperationException($"Refusing to follow a paging link outside {client.Endpoint}", HttpStatusCode.BadGateway);
        return await client.ContinueAsync(page, PageDirection.Next, cancellationToken);
    }

    /// <summary>Every resource the search matched, following the Bundle's next links page by page.</summary>
    public static async IAsyncEnumerable<TResource> SearchAllAsync<TResource>(
        this BaseFhirClient client, SearchParams query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TResource : Resource
    {
        for (var page = await client.SearchAsync<TResource>(query, cancellationToken);
             page is not null;
             page = await client.NextPageAsync(page, cancellationToken))
        {
            foreach (var match in page.Matches<TResource>())
                yield return match;
        }
    }

    /// <summary>The resources a search matched, without _include'd or outcome entries; none for a missing bundle
    /// (Firely's search answers null when the server sent no body).</summary>
    public static IEnumerable<TResource> Matches<TResource>(this Bundle? bundle) where TResource : Resource =>
        bundle is null ? [] : bundle.Entry.Where(e => e.Search?.Mode is null or Bundle.SearchEntryMode.Match).Select(e => e.Resource).OfType<TResource>();

    /// <summary>Every resource of a type in the bundle, e.g. the Observations an _include brought along.</summary>
    public static IEnumerable<TResource> ResourcesOf<TResource>(this Bundle? bundle) where TResource : Resource =>
        bundle is null ? [] : bundle.Entry.Select(e => e.Resource).OfType<TResource>();
}
