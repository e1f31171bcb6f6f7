using System.Text.Json;
using Hospital.API.Domain.Publishing;

namespace Hospital.API.Application.Publishing;

public sealed record ContentTypeView(string Slug, string Label, IReadOnlyList<string>? FixedKeys, IReadOnlyList<ContentField> Fields);

public sealed record ContentItemSummary(
    string Key, string Title, int? PublishedRevision, DateTimeOffset? PublishedAt, string PublishedByName,
    RevisionSummary? OpenRevision);

public sealed record RevisionSummary(int Number, string Status, string CreatedByName, DateTimeOffset UpdatedAt)
{
    public static RevisionSummary From(ContentRevision r) => new(r.Number, Statuses.Of(r.Status), r.CreatedByName, r.UpdatedAt);
}

public sealed record RevisionView(
    int Number, string Status, JsonElement Content, int Version, int? BaseRevision, string CreatedByName,
    IReadOnlyList<Guid> AuthorIds, DateTimeOffset? SubmittedAt, string ReviewedByName, string ReviewNote, DateTimeOffset UpdatedAt)
{
    public static RevisionView From(ContentRevision r) => new(
        r.Number, Statuses.Of(r.Status), JsonDocument.Parse(r.Body).RootElement.Clone(), r.Version, r.BaseRevision, r.CreatedByName,
        r.AuthorIds, r.SubmittedAt, r.ReviewedByName, r.ReviewNote, r.UpdatedAt);
}

public sealed record ContentItemView(
    string ContentType, string Key, string Title, JsonElement? Published, int? PublishedRevision, DateTimeOffset? PublishedAt,
    string PublishedByName, RevisionView? OpenRevision);

public sealed record AuditEntryView(
    string ContentType, string Key, int RevisionNumber, string Action, string ActionLabel, Guid ActorId, string ActorName,
    DateTimeOffset At, string Note, JsonElement Changes)
{
    public static AuditEntryView From(ContentAuditEntry a) => new(
        a.ContentType, a.Key, a.RevisionNumber, a.Action, Statuses.ActionLabel(a.Action), a.ActorId, a.ActorName, a.At, a.Note,
        JsonDocument.Parse(a.Changes).RootElement.Clone());
}

public static class Statuses
{
    public static string Of(RevisionStatus status) => status switch
    {
        RevisionStatus.Draft => "draft",
        RevisionStatus.InReview => "in_review",
        RevisionStatus.Published => "published",
        _ => "discarded",
    };

    public static string ActionLabel(string action) => action switch
    {
        AuditActions.Created => "新建草稿",
        AuditActions.Edited => "修改草稿",
        AuditActions.Submitted => "提交审核",
        AuditActions.Withdrawn => "撤回审核",
        AuditActions.Published => "审核发布",
        AuditActions.Rejected => "审核退回",
        AuditActions.Discarded => "废弃草稿",
        AuditActions.Seeded => "初始化发布",
        _ => action,
    };
}

/// <summary>A state change of a revision: <see cref="Version"/> is the revision version the client last saw.</summary>
public sealed record RevisionAction(int? Version, string? Note);

/// <summary>A new draft, or an edit of the open one (then <see cref="Version"/> is required).</summary>
public sealed record DraftInput(JsonElement Content, int? Version);
