using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;
using Scheduling.API.Application;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Consumers;

/// <summary>The HIS booked the unit: booked at once while no payment is asked for, else 待支付 until the hold lapses.
/// A booking the patient cancelled (or that expired) while the HIS was deciding is cancelled at the HIS again.</summary>
public sealed class HisAppointmentConfirmedConsumer(
    SchedulingDbContext db, AppointmentNews news, AppointmentPayments payments, IOptions<SchedulingOptions> options, TimeProvider clock)
    : IdempotentConsumer<HisAppointmentConfirmedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(HisAppointmentConfirmedIntegrationEvent e, ConsumeContext<HisAppointmentConfirmedIntegrationEvent> context)
    {
        var appointment = await Db.Appointments.FirstOrDefaultAsync(a => a.Id == e.AppointmentId, context.CancellationToken);
        if (appointment is null)
        {
            await ExamAnswers.ConfirmAsync(Db, news, e, clock.GetUtcNow(), context.CancellationToken);
            return;
        }
        if (appointment.Status != AppointmentStatus.Locking)
        {
            if (!appointment.IsActive) news.HisCancelRequested(appointment, appointment.CancelReason ?? "预约已失效");
            return;
        }
        appointment.Confirm(e.HisAppointmentId, options.Value.ConfirmWithoutPayment, clock.GetUtcNow());
        news.StatusChanged(appointment);
        if (appointment.Status == AppointmentStatus.Booked) await news.BookedAsync(appointment, context.CancellationToken);
        else payments.Request(appointment);
    }
}

/// <summary>The HIS would not book it: 预约失败 with the reason in Chinese, and the unit is free again.</summary>
public sealed class HisAppointmentRejectedConsumer(SchedulingDbContext db, AppointmentNews news, TimeProvider clock)
    : IdempotentConsumer<HisAppointmentRejectedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(HisAppointmentRejectedIntegrationEvent e, ConsumeContext<HisAppointmentRejectedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var appointment = await Db.Appointments.FirstOrDefaultAsync(a => a.Id == e.AppointmentId, ct);
        if (appointment is null)
        {
            await ExamAnswers.RejectAsync(Db, e, ReasonOf(e), clock.GetUtcNow(), ct);
            return;
        }
        if (appointment.Status != AppointmentStatus.Locking) return;
        appointment.Fail(ReasonOf(e), clock.GetUtcNow());
        var unit = await Db.Units.FirstOrDefaultAsync(u => u.Id == appointment.UnitId, ct);
        if (unit?.HeldBy == appointment.Id)
        {
            unit.HeldBy = null;
            // Taken at the HIS window: not offered again until a sync says it is free.
            if (e.Code == "slot_taken") unit.HisStatus = "busy";
        }
        news.StatusChanged(appointment);
    }

    private static string ReasonOf(HisAppointmentRejectedIntegrationEvent e) => e.Code switch
    {
        "slot_taken" => "该号源已被他人预约，请选择其他时段",
        "slot_not_found" => "医院已撤销该号源，请选择其他时段",
        "patient_not_linked" => "就诊人尚未在医院建档，请到窗口办理后再预约",
        _ => string.IsNullOrWhiteSpace(e.Reason) || e.Reason.All(c => c < 128) ? "医院未能受理本次预约，请稍后重试" : e.Reason,
    };
}

/// <summary>The HIS cancelled the appointment (at its window, or after our request): 已取消 if it was still active.</summary>
public sealed class HisAppointmentCancelledConsumer(SchedulingDbContext db, AppointmentNews news, AppointmentPayments payments, TimeProvider clock)
    : IdempotentConsumer<HisAppointmentCancelledIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(HisAppointmentCancelledIntegrationEvent e, ConsumeContext<HisAppointmentCancelledIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var appointment = await Db.Appointments.FirstOrDefaultAsync(a => a.Id == e.AppointmentId, ct);
        if (appointment is null || !appointment.IsActive) return;
        const string reason = "医院已取消该预约";
        appointment.Cancel(reason, clock.GetUtcNow());
        await Db.ReleaseAsync(appointment, ct);
        news.StatusChanged(appointment);
        news.Cancelled(appointment, reason);
        payments.Settle(appointment, reason);
    }
}

/// <summary>The HIS's answers to exam bookings (same events as clinic bookings, told apart by the appointment id).</summary>
internal static class ExamAnswers
{
    public static async Task ConfirmAsync(SchedulingDbContext db, AppointmentNews news, HisAppointmentConfirmedIntegrationEvent e,
        DateTimeOffset now, CancellationToken ct)
    {
        var exam = await LockAsync(db, e.AppointmentId, ct);
        if (exam is { Status: AppointmentStatus.Cancelled })
        {
            // The patient cancelled while the HIS was deciding: cancel the booking it has just made.
            exam.HisAppointmentId = e.HisAppointmentId;
            news.HisCancelRequested(exam, ExamAppointment.CancelledByPatient);
            return;
        }
        if (exam is not { Status: AppointmentStatus.Locking }) return;
        exam.Status = AppointmentStatus.Booked;
        exam.HisAppointmentId = e.HisAppointmentId;
        exam.UpdatedAt = now;
        await news.ExamBookedAsync(exam, ct);
    }

    public static async Task RejectAsync(SchedulingDbContext db, HisAppointmentRejectedIntegrationEvent e, string reason, DateTimeOffset now,
        CancellationToken ct)
    {
        var exam = await LockAsync(db, e.AppointmentId, ct);
        if (exam is not { Status: AppointmentStatus.Locking }) return;
        exam.Status = AppointmentStatus.Failed;
        exam.FailureReason = reason;
        exam.UpdatedAt = now;
        var unit = await db.ExamUnits.FirstOrDefaultAsync(u => u.Id == exam.UnitId, ct);
        if (unit?.HeldBy == exam.Id)
        {
            unit.HeldBy = null;
            if (e.Code == "slot_taken") unit.HisStatus = "busy";
        }
    }

    /// <summary>Row-locked, so an answer and the patient's cancel (<see cref="ExamBooking.CancelAsync"/>) never overwrite each other.</summary>
    private static Task<ExamAppointment?> LockAsync(SchedulingDbContext db, Guid id, CancellationToken ct) =>
        db.ExamAppointments.FromSql($"SELECT * FROM exam_appointments WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(ct);
}
