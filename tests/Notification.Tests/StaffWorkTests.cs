using Platform.Contracts.Staff;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>Staff consoles stay live: a change on a staff work list reaches every connected staff console as ids only,
/// and no patient or doctor hears it.</summary>
[Collection(NotificationCollection.Name)]
public sealed class StaffWorkTests(NotificationFixture fixture)
{
    private string HubUrl => fixture.BaseUrl + "/hubs/notifications";

    [Fact]
    public async Task A_staff_work_change_reaches_staff_consoles_only()
    {
        await using var console = await HubListener.ConnectAsync(HubUrl, TestTokens.For("staff", Guid.NewGuid().ToString(), "投诉办"));
        await using var doctor = await HubListener.ConnectAsync(HubUrl, TestTokens.For("doctor", Guid.NewGuid().ToString(), "李医生", practitionerId: "prac-x"));
        await using var patient = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(Guid.NewGuid()));

        var item = Guid.NewGuid();
        var changed = new StaffWorkChangedIntegrationEvent(StaffAreas.Complaints, item);
        await fixture.PublishAsync(changed);
        var push = await console.NextAsync("staffWorkChanged");
        Assert.Equal("complaints", push.GetProperty("area").GetString());
        Assert.Equal(item, push.GetProperty("itemId").GetGuid());
        Assert.Equal(0, await fixture.MessagesFor(changed.Id));
        await Assert.ThrowsAsync<TimeoutException>(() => doctor.NextAsync("staffWorkChanged", TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<TimeoutException>(() => patient.NextAsync("staffWorkChanged", TimeSpan.FromSeconds(1)));
    }
}
