namespace Queue.API.Domain;

/// <summary>Each 叫号 of a next patient; the gaps between them tell how fast the clinic works today.</summary>
public sealed class QueueCall
{
    public required Guid Id { get; init; }
    public required Guid QueueId { get; init; }
    public required Guid TicketId { get; init; }
    public required DateTimeOffset CalledAt { get; init; }
}
