namespace HisAdapter.API.Domain;

/// <summary>A write the HIS must receive. Stored before anything is sent, so a HIS outage only delays it; the worker
/// retries with backoff until it is done or definitely refused.</summary>
public sealed class HisCommand
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Kind { get; init; }

    /// <summary>One command per intent (e.g. "book:{appointmentId}"): a redelivered request adds nothing.</summary>
    public required string CommandKey { get; init; }
    public required string Payload { get; set; }

    /// <summary>What the command touches at the HIS (its slots, its patient, its session): commands sharing a key reach the
    /// HIS in the order they were queued (one slot's cancel before the booking of the unit it freed); others run side by side.</summary>
    public string[] OrderingKeys { get; init; } = [];
    public string Status { get; set; } = HisCommandStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Until when a worker holds the command while it calls the HIS outside any transaction; an expired lease
    /// (a worker that died) makes the command claimable again.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    public string? LeaseOwner { get; set; }
}

public static class HisCommandStatus
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Refused = "refused";
}

public static class HisCommandKind
{
    public const string RegisterPatient = "register-patient";
    public const string BookAppointment = "book-appointment";
    public const string CancelAppointment = "cancel-appointment";
    public const string StopSession = "stop-session";
    public const string CloseSlots = "close-slots";
    public const string ReopenSlots = "reopen-slots";
    public const string AddSession = "add-session";
    public const string RecordPayment = "record-payment";
    public const string RecordConsultationNote = "record-consultation-note";
}
