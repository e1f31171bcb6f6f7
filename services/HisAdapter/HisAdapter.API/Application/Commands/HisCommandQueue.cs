using System.Text.Json;
using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HisAdapter.API.Application.Commands;

/// <summary>Stores a HIS write in the caller's transaction; the <see cref="HisCommandWorker"/> sends it.</summary>
public sealed class HisCommandQueue(HisAdapterDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the command unless one with the same key exists; returns whether it was added. It reaches the HIS
    /// after every command queued before it with the of its <paramref name="orderingKeys"/> (<see cref="CommandOrder"/>).</summary>
    public async Task<bool> EnqueueAsync<TPayload>(string kind, string key, string[] orderingKeys, TPayload payload, CancellationToken ct)
    {
        if (await db.Commands.AnyAsync(c => c.CommandKey == key, ct)) return false;
        var now = clock.GetUtcNow();
        db.Commands.Add(new HisCommand
        {
            Kind = kind,
            CommandKey = key,
            OrderingKeys = orderingKeys,
            Payload = JsonSerializer.Serialize(payload, Json),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return true;
    }

    /// <summary>A cancellation runs after everything queued on its appointment's HIS slot (its own booking first) and
    /// before a later booking of the unit it frees.</summary>
    public async Task<bool> EnqueueCancelAsync(Guid appointmentId, string reason, CancellationToken ct)
    {
        var slot = await db.Appointments.Where(a => a.AppointmentId == appointmentId).Select(a => a.SlotHisId).FirstOrDefaultAsync(ct);
        return await EnqueueAsync(HisCommandKind.CancelAppointment, CommandKeys.Cancel(appointmentId),
            slot is null ? CommandOrder.Appointment(appointmentId) : CommandOrder.Slot(slot), new CancelAppointmentCommand(appointmentId, reason), ct);
    }

    public Task<bool> EnqueuePaymentAsync(RecordPaymentCommand payment, CancellationToken ct) =>
        EnqueueAsync(HisCommandKind.RecordPayment, CommandKeys.Payment(payment.PaymentId), CommandOrder.Payee(payment.PayeeType, payment.PayeeHisId),
            payment, ct);
}

/// <summary>An ended online consultation for the HIS's record (<see cref="RecordConsultationNoteHandler"/>); clinical text
/// only, the patient is resolved to their HIS record when it runs.</summary>
public sealed record RecordConsultationNoteCommand(
    Guid ConsultationId, Guid PatientId, string PractitionerHisId, string DoctorName, string DepartmentCode, string DepartmentName,
    string Kind, string Complaint, string Summary, string EndedBy, DateTimeOffset StartedAt, DateTimeOffset EndedAt);

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

/// <summary>A payment made on the platform, for the HIS to record: <paramref name="PayeeType"/> is Invoice (门诊缴费, the
/// bill is balanced) or Account (住院预交金, the deposit is raised), <paramref name="PayeeHisId"/> its id at the HIS.
/// Medical insurance paid <paramref name="InsuranceFundFen"/> + <paramref name="InsuranceAccountFen"/> of
/// <paramref name="AmountFen"/> under <paramref name="InsuranceSettlementId"/>; WeChat Pay the rest.</summary>
public sealed record RecordPaymentCommand(
    Guid PaymentId, string PayeeType, string PayeeHisId, long AmountFen, string TransactionId, DateTimeOffset PaidAt,
    long InsuranceFundFen = 0, long InsuranceAccountFen = 0, string? InsuranceSettlementId = null)
{
    public long SelfPayFen => AmountFen - InsuranceFundFen - InsuranceAccountFen;
}

/// <summary>Staff's 加诊: <paramref name="Units"/> slots of <paramref name="SlotMinutes"/> from <paramref name="StartsAt"/>.</summary>
public sealed record AddSessionCommand(
    Guid RequestId, string PractitionerHisId, string DepartmentCode, DateOnly Date, string Period, DateTimeOffset StartsAt, int SlotMinutes,
    int Units);
