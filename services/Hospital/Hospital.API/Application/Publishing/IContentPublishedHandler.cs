namespace Hospital.API.Application.Publishing;

/// <summary>Runs when a document of type <typeparamref name="T"/> is published, inside the same transaction: keep a
/// search projection in step, add an outbox event… <paramref name="document"/> holds Markdown, not HTML.</summary>
public interface IContentPublishedHandler<in T> where T : IContentDocument
{
    Task OnPublishedAsync(string key, T document, CancellationToken ct);
}
