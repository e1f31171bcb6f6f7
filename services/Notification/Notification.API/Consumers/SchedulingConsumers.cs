using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Notification.API.Application;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace Notification.API.Consumers;

public sealed class AppointmentBookedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<AppointmentBookedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(AppointmentBookedIntegrationEvent e) => [MessageTexts.AppointmentBooked(e)];
}

public sealed class AppointmentCancelledConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<AppointmentCancelledIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(AppointmentCancelledIntegrationEvent e) => [MessageTexts.AppointmentCancelled(e)];
}

/// <summary>「就诊提醒」/「检查提醒」 the day before (Scheduling sends one per appointment).</summary>
public sealed class AppointmentReminderDueConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<AppointmentReminderDueIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(AppointmentReminderDueIntegrationEvent e) => [MessageTexts.AppointmentReminder(e)];
}

public sealed class ClinicStoppedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<ClinicStoppedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(ClinicStoppedIntegrationEvent e) => MessageTexts.ClinicStopped(e);
}

/// <summary>设备故障 of an exam room: the same path as 停诊 (message centre, push, SMS for what must not be missed).</summary>
public sealed class ExamRoomOutageConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<ExamRoomOutageIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(ExamRoomOutageIntegrationEvent e) => MessageTexts.ExamRoomOutage(e);
}

/// <summary>临时限号 names no patients (those already booked keep their slots): it is news for whoever is looking at
/// that clinic, so every open app hears it, like other public hospital changes.</summary>
public sealed class SlotsLimitedConsumer(NotificationDbContext db, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<SlotsLimitedIntegrationEvent, NotificationDbContext>(db)
{
    protected override Task HandleAsync(SlotsLimitedIntegrationEvent e, ConsumeContext<SlotsLimitedIntegrationEvent> context)
    {
        var payload = JsonSerializer.SerializeToElement(new
        {
            kind = "slots",
            id = e.SessionId,
            name = $"{e.DepartmentName} {e.DoctorName}",
            department = e.DepartmentName,
            doctor = e.DoctorName,
            startsAt = e.StartsAt,
            remainingSlots = e.RemainingSlots,
            reason = e.Reason,
            changedAt = e.OccurredAt,
        }, JsonSerializerOptions.Web);
        outbox.Add(new PushRequested(e.Id, NotificationsHub.PublicGroup, "hospitalChanged", payload));
        return Task.CompletedTask;
    }
}

/// <summary>A department's day changed shape (加诊, 停诊, 限号, or the HIS's schedule): every open app hears which department
/// and day, and a booking page showing them reloads. Ids and a date only: no names, nobody's data.</summary>
public sealed class ClinicScheduleChangedConsumer(NotificationDbContext db, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<ClinicScheduleChangedIntegrationEvent, NotificationDbContext>(db)
{
    protected override Task HandleAsync(ClinicScheduleChangedIntegrationEvent e, ConsumeContext<ClinicScheduleChangedIntegrationEvent> context)
    {
        var payload = JsonSerializer.SerializeToElement(new { departmentId = e.DepartmentId, date = e.Date, change = e.Change },
            JsonSerializerOptions.Web);
        outbox.Add(new PushRequested(e.Id, NotificationsHub.PublicGroup, HubMethods.ScheduleChanged, payload));
        return Task.CompletedTask;
    }
}

/// <summary>Each step of a booking reaches the open pages of every account acting for the patient, live only: the
/// message centre hears of the steps that are news through their own events (booked, cancelled, clinic stopped).</summary>
public sealed class AppointmentStatusChangedConsumer(NotificationDbContext db, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<AppointmentStatusChangedIntegrationEvent, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(AppointmentStatusChangedIntegrationEvent e,
        ConsumeContext<AppointmentStatusChangedIntegrationEvent> context)
    {
        var payload = JsonSerializer.SerializeToElement(new
        {
            appointmentId = e.AppointmentId,
            status = e.Status,
            statusText = e.StatusText,
            failureReason = e.FailureReason,
        }, JsonSerializerOptions.Web);
        await Db.PushToPatientAccountsAsync(outbox, e.PatientId, HubMethods.AppointmentChanged, payload, context.CancellationToken);
    }
}

/// <summary>A held slot (rebooking after 停诊, or a waitlist place): a message-centre message with a deep link to the
/// offer, and a live <c>offerChanged</c> push so open pages show the offer card at once.</summary>
public sealed class SlotOfferedConsumer(NotificationDbContext db, MessageDispatcher dispatcher, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<SlotOfferedIntegrationEvent, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(SlotOfferedIntegrationEvent e, ConsumeContext<SlotOfferedIntegrationEvent> context)
    {
        var messages = await dispatcher.DispatchAsync(e.Id, [MessageTexts.SlotOffered(e)], context.CancellationToken);
        var payload = JsonSerializer.SerializeToElement(new
        {
            offerId = e.OfferId,
            patientId = e.PatientId,
            kind = e.Kind,
            status = "open",
            departmentName = e.DepartmentName,
            doctorName = e.DoctorName,
            startsAt = e.StartsAt,
            holdUntil = e.HoldUntil,
        }, JsonSerializerOptions.Web);
        foreach (var account in messages.Select(m => m.AccountId).Distinct())
            outbox.Add(new PushRequested(Guid.CreateVersion7(), NotificationsHub.UserGroup(account.ToString()), HubMethods.OfferChanged, payload));
    }
}
