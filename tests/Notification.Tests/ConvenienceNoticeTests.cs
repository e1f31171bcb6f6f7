using Notification.API.Application;
using Platform.Contracts.Convenience;

namespace Notification.Tests;

/// <summary>Convenience's events become messages: an out-of-range reading reaches the patient (and must not be missed),
/// a measurement reminder and a service order's steps link back to their pages; no step names an address or phone.</summary>
[Collection(NotificationCollection.Name)]
public sealed class ConvenienceNoticeTests(NotificationFixture fixture)
{
    private string HubUrl => fixture.BaseUrl + "/hubs/notifications";

    [Fact]
    public async Task An_out_of_range_reading_and_a_reminder_reach_the_patient_as_messages()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        await using var mine = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(account));

        await fixture.PublishAsync(new ChronicReadingOutOfRangeIntegrationEvent(Guid.NewGuid(), patient, "blood-pressure", "血压", "172/104 mmHg",
            "收缩压 90-140，舒张压 60-90 mmHg", DateTimeOffset.UtcNow));
        var alert = await mine.NextAsync("message");
        Assert.Equal("血压超出范围", alert.GetProperty("title").GetString());
        Assert.Contains("172/104 mmHg", alert.GetProperty("body").GetString());
        Assert.Contains("医护团队已收到提醒", alert.GetProperty("body").GetString());
        Assert.Equal($"/chronic?patientId={patient}", alert.GetProperty("link").GetString());

        await fixture.PublishAsync(new ChronicMeasurementReminderDueIntegrationEvent(Guid.NewGuid(), patient, "glucose", "血糖", DateTimeOffset.UtcNow));
        var reminder = await mine.NextAsync("message");
        Assert.Equal("测量血糖提醒", reminder.GetProperty("title").GetString());
    }

    [Fact]
    public void Order_and_visit_steps_worth_telling_become_messages_and_awaiting_payment_does_not()
    {
        var patient = Guid.NewGuid();
        var order = Guid.NewGuid();
        Assert.Null(ConvenienceTexts.ServiceOrderStatusChanged(new(order, patient, "病历复印及邮寄", "awaiting-payment", "待支付", null, DateTimeOffset.UtcNow)));
        var shipped = ConvenienceTexts.ServiceOrderStatusChanged(new(order, patient, "病历复印及邮寄", "shipped", "已寄出", "已寄出，快递单号 SF1", DateTimeOffset.UtcNow))!;
        Assert.Contains("SF1", shipped.Body);
        Assert.Equal($"/convenience/orders/{order}?patientId={patient}", shipped.Link);
        var visit = Guid.NewGuid();
        var refunding = ConvenienceTexts.HomeVisitStatusChanged(new(visit, patient, "伤口换药", "refunding", "无法上门，退款中", "护士临时请假", DateTimeOffset.UtcNow))!;
        Assert.True(refunding.MustNotBeMissed);
        Assert.Equal($"/convenience/home-visits/{visit}?patientId={patient}", refunding.Link);
    }
}
