namespace Hospital.API.Domain.Publishing;

/// <summary>One piece of staff-managed content (the hospital profile, a department's description, a guide…) of a
/// registered content type. Patients only ever see <see cref="PublishedBody"/>; edits live in revisions until a
/// second staff member publishes them.</summary>
public sealed class ContentItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string ContentType { get; init; }
    public required string Key { get; init; }
    public string Title { get; set; } = "";
    /// <summary>The published document as JSON (Markdown in rich-text fields, already sanitised on save).</summary>
    public string? PublishedBody { get; set; }
    public int? PublishedRevision { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string PublishedByName { get; set; } = "";
    public int LastRevisionNumber { get; set; }
    public int Version { get; set; } = 1;
    public required DateTimeOffset UpdatedAt { get; set; }

    public ContentRevision OpenRevision(string body, Guid author, string authorName, DateTimeOffset now)
    {
        LastRevisionNumber++;
        Version++;
        UpdatedAt = now;
        return new ContentRevision
        {
            ItemId = Id, Number = LastRevisionNumber, Body = body, BaseRevision = PublishedRevision, CreatedBy = author,
            CreatedByName = authorName, AuthorIds = [author], CreatedAt = now, UpdatedAt = now,
        };
    }

    public void Publish(ContentRevision revision, string title, string reviewerName, DateTimeOffset now)
    {
        PublishedBody = revision.Body;
        PublishedRevision = revision.Number;
        PublishedAt = now;
        PublishedByName = reviewerName;
        Title = title;
        Version++;
        UpdatedAt = now;
    }
}
