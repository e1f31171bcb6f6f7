using System.Text.Json;
using Platform.Contracts;
using Platform.Contracts.FollowUp;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>FollowUp's events (R25, R28, R30): a follow-up plan's questionnaire and the hospital's reply to a complaint
/// reach the phone as well as the message centre; a satisfaction survey and a complaint's progress stay in the app.</summary>
[Collection(NotificationCollection.Name)]
public sealed class FollowUpMessageTests(NotificationFixture fixture)
{
    private Task<long> Deliveries(Guid eventId, string channel) => fixture.Database.ScalarAsync(
        $"SELECT count(*) FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.source_event_id = '{eventId}' AND d.channel = '{channel}'");

    [Fact]
    public async Task Follow_up_questionnaires_and_complaint_replies_reach_the_phone_and_surveys_and_progress_stay_in_the_app()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        var phone = NotificationFixture.NewPhone();
        await fixture.RegisterPatientAsync(account, patient, phone);
        var (followUp, survey, complaint) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        IntegrationEvent[] events =
        [
            new SurveySentIntegrationEvent(followUp, patient, "followup", "术后随访", null),
            new SurveySentIntegrationEvent(survey, patient, "satisfaction", "门诊满意度调查", "心血管内科"),
            new ComplaintRepliedIntegrationEvent(complaint, patient, "complaint", "医务部", "已核实，请下周二复诊"),
            new ComplaintStatusChangedIntegrationEvent(complaint, patient, "acknowledged", "医务部已受理您的投诉"),
        ];
        foreach (var e in events) await fixture.PublishAsync(e);
        foreach (var e in events) await fixture.WaitForMessageAsync(e.Id, account);

        var items = (await fixture.MessagesPageAsync(account, "?limit=50")).GetProperty("items").EnumerateArray().ToList();
        JsonElement Item(string link, string title) => Assert.Single(items, i => i.GetProperty("link").GetString() == link && i.GetProperty("title").GetString() == title);
        Assert.Equal("survey", Item($"/surveys/{followUp}", "随访问卷").GetProperty("category").GetString());
        Assert.Contains("心血管内科", Item($"/surveys/{survey}", "满意度调查").GetProperty("body").GetString());
        Assert.Contains("已核实，请下周二复诊", Item($"/complaints/{complaint}", "投诉已回复").GetProperty("body").GetString());
        Assert.Equal("complaint", Item($"/complaints/{complaint}", "投诉建议进度").GetProperty("category").GetString());

        await Eventually.Until(() => Task.FromResult(fixture.Sms.AcceptedFor(phone)), n => n == 2, TimeSpan.FromSeconds(30), "two SMS");
        Assert.Contains(fixture.Sms.Accepted, m => m.Phone == phone && m.Text.Contains("随访问卷"));
        Assert.Contains(fixture.Sms.Accepted, m => m.Phone == phone && m.Text.Contains("已核实，请下周二复诊"));
        Assert.Equal(0, await Deliveries(events[1].Id, "sms"));
        Assert.Equal(0, await Deliveries(events[3].Id, "sms"));
    }
}
