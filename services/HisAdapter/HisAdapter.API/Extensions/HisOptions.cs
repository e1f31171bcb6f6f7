namespace HisAdapter.API.Extensions;

/// <summary>Section "His": where the HIS is, how we authenticate to it, and the secrets it uses to reach us.</summary>
public sealed class HisOptions
{
    public const string Section = "His";

    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:5301/fhir");
    public Uri? TokenUrl { get; set; }
    public string ClientId { get; set; } = "platform";
    public string ClientSecret { get; set; } = "";

    /// <summary>HMAC key of X-His-Signature on HIS pushes (the HIS side's HIS_PUSH_SECRET).</summary>
    public string PushSecret { get; set; } = "";

    /// <summary>Put in the Subscription endpoint path and header, so only the HIS can notify us.</summary>
    public string SubscriptionSecret { get; set; } = "";

    /// <summary>Our address as the HIS reaches it (the Subscription endpoint is built on it); empty: no Subscriptions.</summary>
    public string CallbackBaseUrl { get; set; } = "";

    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many days of slots, from today, the sync keeps the platform informed about.</summary>
    public int SlotDays { get; set; } = 28;

    /// <summary>Pushes whose occurredAt is older than this are refused as replays.</summary>
    public TimeSpan PushMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public int MaxPushBytes { get; set; } = 256 * 1024;

    public TimeSpan CommandRetryBase { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan CommandRetryMax { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan CommandPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Commands sent to the HIS at once (a release-time rush is hundreds of bookings); ones on the same HIS slot
    /// still go one after another.</summary>
    public int CommandConcurrency { get; set; } = 8;

    /// <summary>How long a claimed command is held while the HIS is called; past it, another worker may run it again
    /// (the handlers are idempotent at the HIS).</summary>
    public TimeSpan CommandLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The hospital's own Organization at the HIS: the recipient of the payments patients make on the platform.</summary>
    public string HospitalOrganizationId { get; set; } = "org-jcsy";

    /// <summary>A booking whose patient has no HIS link yet waits this many attempts for PatientRegistered to land.</summary>
    public int MaxAttemptsWaitingForPatient { get; set; } = 8;
}
