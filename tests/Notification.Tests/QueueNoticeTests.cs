using Platform.Testing;
using Platform.Contracts.Queue;

namespace Notification.Tests;

/// <summary>The Queue service's events: every move reaches the open pages of the patients in the line (and no one else),
/// and 即将就诊 / 叫号 become messages linking to 我的排队.</summary>
[Collection(NotificationCollection.Name)]
public sealed class QueueNoticeTests(NotificationFixture fixture)
{
    private string HubUrl => fixture.BaseUrl + "/hubs/notifications";

    [Fact]
    public async Task A_queue_move_is_pushed_to_the_patients_in_it_only()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid(), bystander = Guid.NewGuid(), queue = Guid.NewGuid();
        Guid nextAccount = Guid.NewGuid(), nextPatient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        await fixture.RegisterPatientAsync(nextAccount, nextPatient, NotificationFixture.NewPhone());
        await using var mine = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(account));
        await using var next = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(nextAccount));
        await using var theirs = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(bystander));

        // Everyone waiting in the queue hears the same move (sent as one push to all their accounts' groups).
        var moved = new QueueChangedIntegrationEvent(queue, "call-next", 7, 3, [patient, nextPatient]);
        await fixture.PublishAsync(moved);
        foreach (var listener in new[] { mine, next })
        {
            var push = await listener.NextAsync("queueChanged");
            Assert.Equal(queue, push.GetProperty("queueId").GetGuid());
            Assert.Equal(7, push.GetProperty("callingNumber").GetInt32());
            Assert.Equal("call-next", push.GetProperty("change").GetString());
        }
        Assert.Equal(0, await fixture.MessagesFor(moved.Id));
        await Assert.ThrowsAsync<TimeoutException>(() => theirs.NextAsync("queueChanged", TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_queue_move_reaches_the_desk_of_the_doctor_who_works_the_clinic_only()
    {
        var queue = Guid.NewGuid();
        var practitioner = $"prac-{Guid.NewGuid():N}"[..16];
        await using var desk = await HubListener.ConnectAsync(HubUrl,
            TestTokens.For("doctor", Guid.NewGuid().ToString(), "王医生", practitionerId: practitioner));
        await using var otherDesk = await HubListener.ConnectAsync(HubUrl,
            TestTokens.For("doctor", Guid.NewGuid().ToString(), "李医生", practitionerId: "prac-someone-else"));

        await fixture.PublishAsync(new QueueChangedIntegrationEvent(queue, "check-in", null, 4, [Guid.NewGuid()], practitioner));
        var push = await desk.NextAsync("queueChanged");
        Assert.Equal(queue, push.GetProperty("queueId").GetGuid());
        Assert.Equal(4, push.GetProperty("waitingCount").GetInt32());
        await Assert.ThrowsAsync<TimeoutException>(() => otherDesk.NextAsync("queueChanged", TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Third_in_line_and_called_become_messages()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        await using var mine = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(account));

        await fixture.PublishAsync(new QueueTurnNearIntegrationEvent(Guid.NewGuid(), patient, 12, "心血管内科", "王医生", "门诊楼2层3诊室", 2));
        var near = await mine.NextAsync("message");
        Assert.Equal("即将就诊", near.GetProperty("title").GetString());
        Assert.Contains("前面还有2位", near.GetProperty("body").GetString());
        Assert.Equal("/queue", near.GetProperty("link").GetString());

        await fixture.PublishAsync(new QueueCalledIntegrationEvent(Guid.NewGuid(), patient, 12, "心血管内科", "王医生", "门诊楼2层3诊室", false));
        var called = await mine.NextAsync("message");
        Assert.Equal("叫号提醒", called.GetProperty("title").GetString());
        Assert.Contains("请12号到门诊楼2层3诊室就诊", called.GetProperty("body").GetString());
    }
}
