namespace FollowUp.API.Extensions;

public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";
    /// <summary>The hospital's frequency cap: at most this many targeted surveys or invitations per patient in 30 days
    /// (follow-up plans are care, not surveys, and are not capped).</summary>
    public int SurveyCapPer30Days { get; set; } = 2;
    /// <summary>How long a routed complaint may wait for acknowledgement when no routing rule says otherwise.</summary>
    public TimeSpan DefaultAcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>How many times an unacknowledged complaint is escalated (each after <see cref="DefaultAcknowledgeWithin"/>).</summary>
    public int MaxEscalations { get; set; } = 3;
    /// <summary>Where complaints go when no routing rule matches.</summary>
    public string DefaultHandlerGroup { get; set; } = "客户服务中心";
    public TimeSpan WorkerInterval { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Per photo, after the phone shrank it; four stay under the edge's 10 MB body limit.</summary>
    public int PhotoMaxBytes { get; set; } = 1536 * 1024;
    public int PhotoMaxCount { get; set; } = 4;
    public int SmsMaxAttempts { get; set; } = 5;
    /// <summary>The SMS provider's registered notice template and its one text parameter (as Notification uses).</summary>
    public string SmsTemplate { get; set; } = "notice";
    public string SmsTextParameter { get; set; } = "text";
}
