using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Domain.Publishing;

/// <summary>A proposed version of a content item: edited as a draft, submitted for review, then published or sent
/// back by a reviewer who did not write it (two-person rule).</summary>
public sealed class ContentRevision
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ItemId { get; init; }
    public required int Number { get; init; }
    public RevisionStatus Status { get; private set; } = RevisionStatus.Draft;
    public required string Body { get; set; }
    /// <summary>The published revision this one started from (null: nothing was published yet).</summary>
    public int? BaseRevision { get; init; }
    public required Guid CreatedBy { get; init; }
    public required string CreatedByName { get; init; }
    /// <summary>Everyone who wrote, edited or submitted this revision: none of them may publish it.</summary>
    public List<Guid> AuthorIds { get; set; } = [];
    public Guid? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? ReviewedBy { get; private set; }
    public string ReviewedByName { get; private set; } = "";
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string ReviewNote { get; private set; } = "";
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public bool IsOpen => Status is RevisionStatus.Draft or RevisionStatus.InReview;

    public void Edit(string body, Guid editor, DateTimeOffset now)
    {
        Require(RevisionStatus.Draft, "revision_not_draft", "只有草稿可以修改，请先撤回审核或新建草稿");
        Body = body;
        Touch(editor, now);
    }

    public void Submit(Guid editor, DateTimeOffset now)
    {
        Require(RevisionStatus.Draft, "revision_not_draft", "只有草稿可以提交审核");
        Status = RevisionStatus.InReview;
        SubmittedBy = editor;
        SubmittedAt = now;
        Touch(editor, now);
    }

    public void Withdraw(Guid editor, DateTimeOffset now)
    {
        Require(RevisionStatus.InReview, "revision_not_in_review", "该版本不在审核中");
        Status = RevisionStatus.Draft;
        Touch(editor, now);
    }

    public void Publish(Guid reviewer, string reviewerName, DateTimeOffset now)
    {
        Require(RevisionStatus.InReview, "revision_not_in_review", "只有提交审核的版本可以发布");
        EnsureNotAuthor(reviewer);
        Status = RevisionStatus.Published;
        Review(reviewer, reviewerName, "", now);
    }

    /// <summary>Sends the revision back to its editors as a draft, with the reviewer's reason.</summary>
    public void Reject(Guid reviewer, string reviewerName, string note, DateTimeOffset now)
    {
        Require(RevisionStatus.InReview, "revision_not_in_review", "只有提交审核的版本可以退回");
        EnsureNotAuthor(reviewer);
        Status = RevisionStatus.Draft;
        Review(reviewer, reviewerName, note, now);
    }

    public void Discard(Guid editor, DateTimeOffset now)
    {
        if (!IsOpen) throw ProblemException.Conflict("revision_closed", "该版本已发布或已废弃");
        Status = RevisionStatus.Discarded;
        UpdatedAt = now;
        Version++;
        _ = editor;
    }

    /// <summary>Seeded content is published by the system without review.</summary>
    public void PublishAsSystem(DateTimeOffset now)
    {
        Status = RevisionStatus.Published;
        Review(Guid.Empty, "系统初始化", "", now);
    }

    private void EnsureNotAuthor(Guid reviewer)
    {
        if (AuthorIds.Contains(reviewer))
            throw new ProblemException(403, "reviewer_is_editor", "不能审核自己编辑的内容，请由另一位工作人员审核发布");
    }

    private void Review(Guid reviewer, string reviewerName, string note, DateTimeOffset now)
    {
        ReviewedBy = reviewer;
        ReviewedByName = reviewerName;
        ReviewedAt = now;
        ReviewNote = note;
        UpdatedAt = now;
        Version++;
    }

    private void Touch(Guid editor, DateTimeOffset now)
    {
        if (!AuthorIds.Contains(editor)) AuthorIds = [.. AuthorIds, editor];
        UpdatedAt = now;
        Version++;
    }

    private void Require(RevisionStatus status, string code, string message)
    {
        if (Status != status) throw ProblemException.Conflict(code, message);
    }
}
