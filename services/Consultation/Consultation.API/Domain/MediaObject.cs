namespace Consultation.API.Domain;

/// <summary>What the consultation knows of an uploaded file; the bytes live in the <c>IMediaStore</c>.</summary>
public sealed class MediaObject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Null while the file is attached to a consultation not yet created (the patient's first description).</summary>
    public Guid? ConsultationId { get; set; }
    public Guid UploadedByAccount { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The PostgreSQL-backed media store's row.</summary>
public sealed class MediaBlob
{
    public Guid Id { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Bytes { get; set; }
}
