namespace HisAdapter.API.Application.Commands;

/// <summary>What became of one attempt: done, refused for good, or to be tried again later.</summary>
public abstract record CommandOutcome
{
    public static readonly CommandOutcome Done = new DoneOutcome();

    public static CommandOutcome Refused(string reason) => new RefusedOutcome(reason);

    public static CommandOutcome RetryLater(string reason) => new RetryOutcome(reason);
}

public sealed record DoneOutcome : CommandOutcome;

public sealed record RefusedOutcome(string Reason) : CommandOutcome;

public sealed record RetryOutcome(string Reason) : CommandOutcome;
