using Platform.Contracts.Payment;
using Platform.Messaging.Outbox;
using Scheduling.API.Domain;

namespace Scheduling.API.Application;

/// <summary>What an appointment's end means for its registration fee, written to the outbox with the change: a fee
/// still owed is withdrawn (the order closes), a fee paid goes back through the order that took it.</summary>
public sealed class AppointmentPayments(IIntegrationEventOutbox outbox)
{
    public void Request(Appointment a) =>
        outbox.Add(new PaymentRequestedIntegrationEvent(OrderKinds.Registration, a.Id, a.AccountId, a.PatientId, a.FeeFen,
            $"挂号费 {a.DepartmentName} {a.DoctorName} {a.StartsAt.ToOffset(ClinicClock.Shanghai):M月d日 HH:mm}".Trim(), a.HoldExpiresAt));

    public void Settle(Appointment ended, string reason)
    {
        if (ended.PaidByAppointmentId is { } paidBy)
            outbox.Add(new RefundRequestedIntegrationEvent(OrderKinds.Registration, paidBy, null, reason));
        else
            outbox.Add(new PaymentWithdrawnIntegrationEvent(OrderKinds.Registration, ended.Id, reason));
    }

    /// <summary><paramref name="to"/> replaces <paramref name="from"/> (改约, a rebooking after 停诊): what was paid pays for
    /// it, and what was paid beyond its fee goes back through the order that took it.</summary>
    public void CarryOver(Appointment from, Appointment to, string reason)
    {
        to.CarryPaymentFrom(from);
        if (to.PaidByAppointmentId is not { } paidBy || to.PaidFen <= to.FeeFen) return;
        outbox.Add(new RefundRequestedIntegrationEvent(OrderKinds.Registration, paidBy, to.PaidFen - to.FeeFen, reason));
        to.KeepOnly(to.FeeFen);
    }

    /// <summary>Money that arrived for an appointment no longer waiting for it goes straight back.</summary>
    public void Return(Guid appointmentId, string reason) =>
        outbox.Add(new RefundRequestedIntegrationEvent(OrderKinds.Registration, appointmentId, null, reason));
}
