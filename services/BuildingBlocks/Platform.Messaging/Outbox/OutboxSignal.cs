using Platform.ServiceDefaults.Workers;

namespace Platform.Messaging.Outbox;

/// <summary>Wakes the dispatcher right after a commit instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : WorkerSignal;
