using Consultation.API.Domain;
using Consultation.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Consultation.API.Application;

/// <summary>Where media bytes live. The local default is PostgreSQL; an object store (MinIO/S3) implements the same
/// two calls in production.</summary>
public interface IMediaStore
{
    /// <summary>Stages the bytes; they are committed with the caller's unit of work when the store shares it.</summary>
    Task PutAsync(Guid id, string contentType, byte[] bytes, CancellationToken ct);

    Task<(string ContentType, byte[] Bytes)?> GetAsync(Guid id, CancellationToken ct);
}

public sealed class PostgresMediaStore(ConsultationDbContext db) : IMediaStore
{
    public Task PutAsync(Guid id, string contentType, byte[] bytes, CancellationToken ct)
    {
        db.MediaBlobs.Add(new MediaBlob { Id = id, ContentType = contentType, Bytes = bytes });
        return Task.CompletedTask;
    }

    public async Task<(string ContentType, byte[] Bytes)?> GetAsync(Guid id, CancellationToken ct)
    {
        var blob = await db.MediaBlobs.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        return blob is null ? null : (blob.ContentType, blob.Bytes);
    }
}
