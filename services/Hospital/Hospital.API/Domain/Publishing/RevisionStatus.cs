namespace Hospital.API.Domain.Publishing;

/// <summary>Draft and InReview are "open": an item has at most one open revision at a time.</summary>
public enum RevisionStatus
{
    Draft,
    InReview,
    Published,
    Discarded,
}
