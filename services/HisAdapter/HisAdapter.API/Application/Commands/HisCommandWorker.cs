using System.Text.Json;
using HisAdapter.API.Domain;
using HisAdapter.API.Extensions;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Workers;

namespace HisAdapter.API.Application.Commands;

/// <summary>Wakes the <see cref="HisCommandWorker"/> before its next poll.</summary>
public sealed class HisCommandSignal : WorkerSignal;

/// <summary>Sends due HIS commands, up to HisOptions.CommandConcurrency at once, without holding a transaction or a row
/// lock while the HIS answers: claim commands with a short lease (SKIP LOCKED lets replicas share the table), run each
/// handler in its own scope, then record its outcome and changes in one short transaction, only if the lease is still
/// ours. A command is claimed only when no command queued before it that shares one of its ordering keys is pending, so
/// one HIS slot's commands keep their order across workers and replicas. A worker that dies
/// mid-call leaves a lease that expires, and the command runs again (the handlers are idempotent at the HIS). A HIS
/// that is down or failing only postpones a command, with the shared backoff.</summary>
public sealed class HisCommandWorker(
    IServiceScopeFactory scopes, HisReachability reachability, IOptions<HisOptions> options, TimeProvider clock,
    HisCommandSignal signal, ILogger<HisCommandWorker> logger) : PollingWorker(signal, logger)
{
    private readonly string _owner = LeaseOwner.New("his-command");

    protected override TimeSpan Interval => options.Value.CommandPollInterval;

    /// <summary>Processes the due commands that may run now; true when there were some (more may be due).</summary>
    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        List<HisCommand> claimed;
        await using (var scope = scopes.CreateAsyncScope())
            claimed = await ClaimAsync(scope.ServiceProvider.GetRequiredService<HisAdapterDbContext>(), ct);
        await Task.WhenAll(claimed.Select(command => RunAsync(command, ct)));
        return claimed.Count > 0;
    }

    private async Task RunAsync(HisCommand command, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HisAdapterDbContext>();
        db.Commands.Attach(command);
        CommandOutcome outcome;
        try
        {
            outcome = await DispatchAsync(scope.ServiceProvider, command, ct);
            reachability.Reachable();
        }
        catch (Exception ex) when (HisFailure.IsTransient(ex))
        {
            reachability.Unreachable(ex.Message);
            outcome = CommandOutcome.RetryLater(ex.Message);
        }
        catch (Exception ex) when (ex is Hl7.Fhir.Rest.FhirOperationException or Platform.Fhir.Validation.FhirResourceInvalidException)
        {
            outcome = await RefuseAsync(scope.ServiceProvider, command, ex.Message, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "HIS command {Kind} {Id} failed unexpectedly", command.Kind, command.Id);
            outcome = CommandOutcome.RetryLater(ex.GetType().Name + ": " + ex.Message);
        }
        await RecordAsync(db, command, outcome, ct);
    }

    /// <summary>One statement, so its own short transaction; counts the attempt, so one that died mid-call counts too. Of
    /// the pending commands sharing an ordering key only the oldest may run (a later one waits, even for a retry's backoff).</summary>
    private async Task<List<HisCommand>> ClaimAsync(HisAdapterDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Commands
            .FromSql($"""
                UPDATE his_commands SET leased_until = {now + options.Value.CommandLease}, lease_owner = {_owner}, attempts = attempts + 1
                WHERE id IN (
                    SELECT c.id FROM his_commands c
                    WHERE c.status = 'pending' AND c.next_attempt_at <= {now} AND (c.leased_until IS NULL OR c.leased_until <= {now})
                      AND NOT EXISTS (
                          SELECT 1 FROM his_commands e
                          WHERE e.status = 'pending' AND (e.created_at, e.id) < (c.created_at, c.id)
                            AND e.ordering_keys && c.ordering_keys)
                    ORDER BY c.created_at, c.id LIMIT {Math.Max(1, options.Value.CommandConcurrency)}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <summary>The outcome, the handler's changes and its events commit together, guarded by the lease: a command
    /// another worker took over after our lease ran out is left to it.</summary>
    private async Task RecordAsync(HisAdapterDbContext db, HisCommand command, CommandOutcome outcome, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stillOurs = await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM his_commands WHERE id = {command.Id} AND lease_owner = {_owner} FOR UPDATE")
            .ToListAsync(ct);
        if (stillOurs.Count == 0)
        {
            logger.LogWarning("HIS command {Kind} {Id}: lease lost before the outcome was recorded; left to its new holder",
                command.Kind, command.Id);
            return;
        }
        Apply(command, outcome);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static Task<CommandOutcome> DispatchAsync(IServiceProvider services, HisCommand command, CancellationToken ct) =>
        command.Kind switch
        {
            HisCommandKind.RegisterPatient => services.GetRequiredService<RegisterPatientHandler>()
                .HandleAsync(Payload<RegisterPatientCommand>(command), ct),
            HisCommandKind.BookAppointment => services.GetRequiredService<BookAppointmentHandler>()
                .HandleAsync(Payload<BookAppointmentCommand>(command), command.Attempts, ct),
            HisCommandKind.CancelAppointment => services.GetRequiredService<CancelAppointmentHandler>()
                .HandleAsync(Payload<CancelAppointmentCommand>(command), ct),
            HisCommandKind.StopSession => services.GetRequiredService<CloseSlotsHandler>()
                .StopSessionAsync(Payload<StopSessionCommand>(command), ct),
            HisCommandKind.CloseSlots => services.GetRequiredService<CloseSlotsHandler>()
                .CloseSlotsAsync(Payload<CloseSlotsCommand>(command), ct),
            HisCommandKind.ReopenSlots => services.GetRequiredService<CloseSlotsHandler>()
                .ReopenSlotsAsync(Payload<ReopenSlotsCommand>(command), ct),
            HisCommandKind.AddSession => services.GetRequiredService<AddSessionHandler>()
                .HandleAsync(Payload<AddSessionCommand>(command), ct),
            HisCommandKind.RecordPayment => services.GetRequiredService<RecordPaymentHandler>()
                .HandleAsync(Payload<RecordPaymentCommand>(command), ct),
            HisCommandKind.RecordConsultationNote => services.GetRequiredService<RecordConsultationNoteHandler>()
                .HandleAsync(Payload<RecordConsultationNoteCommand>(command), command.Attempts, ct),
            _ => Task.FromResult(CommandOutcome.Refused($"unknown command kind {command.Kind}")),
        };

    /// <summary>The HIS refused the write outright (4xx other than a conflict), or our validator refused to send it: a booking
    /// gets a rejection the patient sees.</summary>
    private static async Task<CommandOutcome> RefuseAsync(IServiceProvider services, HisCommand command, string reason, CancellationToken ct)
    {
        if (command.Kind == HisCommandKind.BookAppointment)
        {
            var booking = Payload<BookAppointmentCommand>(command);
            var db = services.GetRequiredService<HisAdapterDbContext>();
            var appointment = await db.Appointments.FindAsync([booking.AppointmentId], ct);
            if (appointment is { Status: HisAppointmentStatus.AwaitingHospital })
            {
                appointment.Status = HisAppointmentStatus.Rejected;
                services.GetRequiredService<Platform.Messaging.Outbox.IIntegrationEventOutbox>().Add(
                    new Platform.Contracts.His.HisAppointmentRejectedIntegrationEvent(booking.AppointmentId, "his_refused", "医院系统拒绝了该预约，请联系医院"));
            }
        }
        return CommandOutcome.Refused(reason);
    }

    private void Apply(HisCommand command, CommandOutcome outcome)
    {
        var now = clock.GetUtcNow();
        command.LeasedUntil = null;
        command.LeaseOwner = null;
        switch (outcome)
        {
            case RetryOutcome retry:
                var settings = options.Value;
                var delay = new RetryBackoff(settings.CommandRetryBase, settings.CommandRetryMax).After(command.Attempts);
                command.NextAttemptAt = now + delay;
                command.LastError = retry.Reason;
                logger.LogWarning("HIS command {Kind} {Id} postponed by {Delay} (attempt {Attempt}): {Reason}",
                    command.Kind, command.Id, delay, command.Attempts, retry.Reason);
                break;
            case RefusedOutcome refused:
                command.Status = HisCommandStatus.Refused;
                command.LastError = refused.Reason;
                command.CompletedAt = now;
                logger.LogWarning("HIS command {Kind} {Id} refused for good after {Attempts} attempt(s): {Reason}",
                    command.Kind, command.Id, command.Attempts, refused.Reason);
                break;
            default:
                command.Status = HisCommandStatus.Done;
                command.CompletedAt = now;
                break;
        }
        // The ID number was only needed to reach the HIS; it is not kept in clear once the command is over.
        if (command.Kind == HisCommandKind.RegisterPatient && command.Status != HisCommandStatus.Pending)
            command.Payload = "{}";
    }

    private static T Payload<T>(HisCommand command) =>
        JsonSerializer.Deserialize<T>(command.Payload, HisCommandQueue.Json)
        ?? throw new InvalidOperationException($"HIS command {command.Id} has no payload");
}
