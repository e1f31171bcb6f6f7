using System.Text.Json;
using Notification.API.Domain;

namespace Notification.API.Application;

/// <summary>A message as the patient app receives it, over the API and the hub alike.</summary>
public sealed record MessageDto(
    Guid Id, Guid? PatientId, string Category, string Title, string Body, string? Link, string Severity,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static MessageDto From(Message m) =>
        new(m.Id, m.PatientId, m.Category, m.Title, m.Body, m.Link, m.Severity, m.CreatedAt, m.ReadAt);
}

public static class HubMethods
{
    public const string Message = "message";
    public const string UnreadCount = "unreadCount";
    public const string AppointmentChanged = "appointmentChanged";
    public const string OfferChanged = "offerChanged";
    public const string PaymentChanged = "paymentChanged";
    public const string QueueChanged = "queueChanged";
    public const string ConsultationChanged = "consultationChanged";
    public const string ConsultationSignal = "consultationSignal";
    public const string StaffWorkChanged = "staffWorkChanged";
    public const string ScheduleChanged = "scheduleChanged";

    public static JsonElement MessagePayload(Message m) => JsonSerializer.SerializeToElement(new
    {
        id = m.Id,
        patientId = m.PatientId,
        category = m.Category,
        title = m.Title,
        body = m.Body,
        link = m.Link,
        severity = m.Severity,
        createdAt = m.CreatedAt,
    }, JsonSerializerOptions.Web);

    public static JsonElement UnreadPayload(int count) =>
        JsonSerializer.SerializeToElement(new { count }, JsonSerializerOptions.Web);
}
