using Notification.API.Application;
using Notification.API.Infrastructure;
using Platform.Contracts.Inpatient;
using Platform.Contracts.Payment;
using Platform.Contracts.Pharmacy;
using Platform.Contracts.Reports;

namespace Notification.API.Consumers;

public sealed class PaymentSucceededConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<PaymentSucceededIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(PaymentSucceededIntegrationEvent e) => [MessageTexts.PaymentSucceeded(e)];
}

public sealed class PaymentRefundedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<PaymentRefundedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(PaymentRefundedIntegrationEvent e) => [MessageTexts.PaymentRefunded(e)];
}

public sealed class ReportReadyConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<ReportReadyIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(ReportReadyIntegrationEvent e) => [MessageTexts.ReportReady(e)];
}

public sealed class CriticalValueDetectedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<CriticalValueDetectedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(CriticalValueDetectedIntegrationEvent e) => [MessageTexts.CriticalValueDetected(e)];
}

public sealed class PatientAdmittedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<PatientAdmittedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(PatientAdmittedIntegrationEvent e) => [MessageTexts.PatientAdmitted(e)];
}

public sealed class BedChangedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<BedChangedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(BedChangedIntegrationEvent e) => [MessageTexts.BedChanged(e)];
}

public sealed class PatientDischargedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<PatientDischargedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(PatientDischargedIntegrationEvent e) => [MessageTexts.PatientDischarged(e)];
}

public sealed class SurgeryScheduledConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<SurgeryScheduledIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(SurgeryScheduledIntegrationEvent e) => [MessageTexts.SurgeryScheduled(e)];
}

public sealed class MedicineReadyForPickupConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<MedicineReadyForPickupIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(MedicineReadyForPickupIntegrationEvent e) => [MessageTexts.MedicineReadyForPickup(e)];
}

public sealed class MedicationSafetyAlertRaisedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<MedicationSafetyAlertRaisedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(MedicationSafetyAlertRaisedIntegrationEvent e) => [MessageTexts.MedicationSafetyAlert(e)];
}

public sealed class DeliveryStatusChangedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<DeliveryStatusChangedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(DeliveryStatusChangedIntegrationEvent e) =>
        MessageTexts.DeliveryStatusChanged(e) is { } draft ? [draft] : [];
}

public sealed class DoseReminderDueConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<DoseReminderDueIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(DoseReminderDueIntegrationEvent e) => [MessageTexts.DoseReminderDue(e)];
}
