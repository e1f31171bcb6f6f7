using Platform.ServiceDefaults.Workers;

namespace Notification.API.Domain;

/// <summary>A message on one channel. (message, channel) is unique, so a channel never carries a message twice;
/// attempts and the next attempt time drive retries with backoff.</summary>
public sealed class Delivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MessageId { get; init; }
    public required string Channel { get; init; }
    public string Status { get; private set; } = DeliveryStatus.Pending;
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <param name="now">The clock's time (TimeProvider), when the delivery is planned.</param>
    public static Delivery Create(Guid messageId, string channel, DateTimeOffset now, DateTimeOffset notBefore) =>
        new() { MessageId = messageId, Channel = channel, CreatedAt = now, NextAttemptAt = notBefore };

    public void MarkSent(DateTimeOffset at)
    {
        Attempts++;
        Status = DeliveryStatus.Sent;
        SentAt = at;
        LastError = null;
    }

    /// <summary>Handed to a party that confirms later (the WeChat gateway): stays pending, and is asked again if no
    /// answer has come by <paramref name="askAgainAt"/>.</summary>
    public void MarkRequested(DateTimeOffset askAgainAt)
    {
        Attempts++;
        NextAttemptAt = askAgainAt;
    }

    public void Confirm(DateTimeOffset at)
    {
        Status = DeliveryStatus.Sent;
        SentAt ??= at;
        LastError = null;
    }

    /// <summary>Records a failed attempt: retried after an exponential backoff until <paramref name="maxAttempts"/>,
    /// or given up at once when the failure is permanent.</summary>
    public void Fail(string error, DateTimeOffset now, int maxAttempts, TimeSpan maxBackoff, bool permanent = false, bool countAttempt = true)
    {
        if (Status == DeliveryStatus.Sent) return;
        if (countAttempt) Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (permanent || Attempts >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
            return;
        }
        NextAttemptAt = now + new RetryBackoff(TimeSpan.FromSeconds(1), maxBackoff).After(Attempts);
    }

    /// <summary>Until when a worker holds the delivery while it calls the provider outside any transaction; an
    /// expired lease (a worker that died) makes it claimable again.</summary>
    public DateTimeOffset? LeasedUntil { get; private set; }
    public string? LeaseOwner { get; private set; }

    public void ReleaseLease()
    {
        LeasedUntil = null;
        LeaseOwner = null;
    }
}

public static class DeliveryChannel
{
    public const string InApp = "in-app";
    public const string WeChat = "wechat";
    /// <summary>A mini-program subscribe message: for an account that holds a grant, instead of (never besides) <see cref="WeChat"/>.</summary>
    public const string MiniProgram = "miniprogram";
    public const string Sms = "sms";
}

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
