namespace Hospital.API.Domain;

/// <summary>An image staff uploaded (a doctor's photo…), served from the database: small, few, and backed up with it.</summary>
public sealed class MediaFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string ContentType { get; init; }
    public required byte[] Data { get; init; }
    public required string FileName { get; init; }
    public required Guid UploadedBy { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }
}
