using System.Text.Json;
using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HisAdapter.API.Application.Commands;

/// <summary>Stores a HIS write in the caller's transaction; the <see cref="HisCommandWorker"/> sends it.</summary>
public sealed class HisCommandQueue(HisAdapterDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the command unless one with the same key exists; returns whether it was added.</summary>
    public async Task<bool> EnqueueAsync<TPayload>(string kind, string key, TPayload payload, CancellationToken ct)
    {
        if (await db.Commands.AnyAsync(c => c.CommandKey == key, ct)) return false;
        var now = clock.GetUtcNow();
        db.Commands.Add(new HisCommand
        {
            Kind = kind,
            CommandKey = key,
            Payload = JsonSerializer.Serialize(payload, Json),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return true;
    }
}

/// <summary>Only the id: the handler reads the identifiers from Identity when it runs, so none sits in his_commands.</summary>
public sealed record RegisterPatientCommand(Guid PatientId);

/// <summary><paramref name="OrderHisId"/>: the exam order (ServiceRequest) an exam booking carries out; null for a clinic visit.</summary>
public sealed record BookAppointmentCommand(Guid AppointmentId, Guid PatientId, string SlotHisId, string? Note, string? OrderHisId = null);

public sealed record CancelAppointmentCommand(Guid AppointmentId, string Reason);

/// <summary><paramref name="Period"/> is AM or PM (a slot starting before 13:00 Shanghai time is AM, as the HIS counts it).</summary>
public sealed record StopSessionCommand(string ScheduleHisId, DateOnly Date, string Period, string Reason);

/// <summary><paramref name="Outage"/>: an exam room's equipment failure; the slots close free or busy, and the reason is
/// the comment as given (限号 is prefixed 限号：).</summary>
public sealed record CloseSlotsCommand(IReadOnlyList<string> SlotHisIds, string Reason, bool Outage = false);

public sealed record ReopenSlotsCommand(IReadOnlyList<string> SlotHisIds, string Reason);

/// <summary>Staff's 加诊: <paramref name="Units"/> slots of <paramref name="SlotMinutes"/> from <paramref name="StartsAt"/>.</summary>
public sealed record AddSessionCommand(
    Guid RequestId, string PractitionerHisId, string DepartmentCode, DateOnly Date, string Period, DateTimeOffset StartsAt, int SlotMinutes,
    int Units);
