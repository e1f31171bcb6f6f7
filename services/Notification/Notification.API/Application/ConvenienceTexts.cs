using Notification.API.Domain;
using Platform.Contracts.Convenience;

namespace Notification.API.Application;

/// <summary>The wording and deep links of Convenience's messages: service orders, home visits, chronic-disease care.</summary>
public static class ConvenienceTexts
{
    /// <summary>R24: the steps a patient waits for; 待支付 is already on the page they just left.</summary>
    public static MessageDraft? ServiceOrderStatusChanged(ServiceOrderStatusChangedIntegrationEvent e) => e.Status switch
    {
        "paid" or "accepted" or "shipped" or "completed" or "refunding" or "refunded" or "cancelled" => new MessageDraft(e.PatientId,
            MessageCategory.Convenience, $"便民服务：{e.ItemName}",
            $"您的“{e.ItemName}”{e.StatusText}{(string.IsNullOrEmpty(e.Note) ? "" : "：" + e.Note)}（{MessageTexts.When(e.At)}）。",
            $"/convenience/orders/{e.OrderId}?patientId={e.PatientId}",
            e.Status is "refunding" ? MessageSeverity.Important : MessageSeverity.Normal),
        _ => null,
    };

    /// <summary>X04: nurse assigned, on the way, done; a visit that cannot happen must not be missed.</summary>
    public static MessageDraft? HomeVisitStatusChanged(HomeVisitStatusChangedIntegrationEvent e) => e.Status switch
    {
        "paid" or "assigned" or "on-the-way" or "arrived" or "completed" or "refunding" or "refunded" or "cancelled" => new MessageDraft(e.PatientId,
            MessageCategory.Convenience, $"医护到家：{e.ServiceName}",
            $"您预约的“{e.ServiceName}”{e.StatusText}{(string.IsNullOrEmpty(e.Note) ? "" : "：" + e.Note)}（{MessageTexts.When(e.At)}）。",
            $"/convenience/home-visits/{e.VisitId}?patientId={e.PatientId}",
            e.Status is "on-the-way" or "refunding" ? MessageSeverity.Important : MessageSeverity.Normal,
            MustNotBeMissed: e.Status == "refunding"),
        _ => null,
    };

    /// <summary>X16: a reading outside the care team's range reaches the patient's phone (SMS if not on WeChat).</summary>
    public static MessageDraft ChronicReadingOutOfRange(ChronicReadingOutOfRangeIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Chronic, $"{e.KindText}超出范围",
        $"您{MessageTexts.When(e.MeasuredAt)}测量的{e.KindText}为{e.ValueText}，超出医护为您设定的范围（{e.ThresholdText}）。医护团队已收到提醒，请注意休息并复测；如有不适请及时就医。",
        $"/chronic?patientId={e.PatientId}", MessageSeverity.Important, MustNotBeMissed: true);

    public static MessageDraft ChronicMeasurementReminderDue(ChronicMeasurementReminderDueIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Chronic, $"测量{e.KindText}提醒",
        $"现在是{MessageTexts.When(e.DueAt)}，请测量{e.KindText}并记录。",
        $"/chronic?patientId={e.PatientId}", SmsUnlessOnWeChat: true);
}
