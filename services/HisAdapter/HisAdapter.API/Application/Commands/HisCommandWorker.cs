using System.Text.Json;
using HisAdapter.API.Domain;
using HisAdapter.API.Extensions;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HisAdapter.API.Application.Commands;

/// <summary>Sends due HIS commands one at a time, each in its own transaction with the row locked (SKIP LOCKED lets
/// replicas share the table). A HIS that is down or failing only postpones a command, with exponential backoff.</summary>
public sealed class HisCommandWorker(
    IServiceScopeFactory scopes, HisReachability reachability, IOptions<HisOptions> options, TimeProvider clock,
    ILogger<HisCommandWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessNextAsync(stoppingToken)) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "HIS command worker failed; continuing");
            }
            await Task.Delay(options.Value.CommandPollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Processes one due command; false when none is due.</summary>
    private async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HisAdapterDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var command = await db.Commands
            .FromSql($"SELECT * FROM his_commands WHERE status = 'pending' AND next_attempt_at <= {clock.GetUtcNow()} ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .FirstOrDefaultAsync(ct);
        if (command is null) return false;

        command.Attempts++;
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

        Apply(command, outcome);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
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
        switch (outcome)
        {
            case RetryOutcome retry:
                var settings = options.Value;
                var delay = TimeSpan.FromTicks(Math.Min(settings.CommandRetryBase.Ticks << Math.Min(command.Attempts - 1, 20),
                    settings.CommandRetryMax.Ticks));
                command.NextAttemptAt = now + delay;
                command.LastError = retry.Reason;
                logger.LogWarning("HIS command {Kind} {Id} postponed by {Delay} (attempt {Attempt}): {Reason}",
                    command.Kind, command.Id, delay, command.Attempts, retry.Reason);
                break;
            case RefusedOutcome refused:
                command.Status = HisCommandStatus.Refused;
                command.LastError = refused.Reason;
                command.CompletedAt = now;
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
