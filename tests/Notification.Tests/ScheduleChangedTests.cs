using Platform.Contracts.Scheduling;

namespace Notification.Tests;

/// <summary>Booking pages stay live: a department's changed clinic day reaches every open app as a department and a date.</summary>
[Collection(NotificationCollection.Name)]
public sealed class ScheduleChangedTests(NotificationFixture fixture)
{
    [Fact]
    public async Task A_changed_clinic_day_reaches_every_open_app_as_a_department_and_a_date()
    {
        await using var patient = await HubListener.ConnectAsync(fixture.BaseUrl + "/hubs/notifications", NotificationFixture.Token(Guid.NewGuid()));
        var department = Guid.NewGuid();
        var changed = new ClinicScheduleChangedIntegrationEvent(department, new DateOnly(2026, 12, 9), "synced");
        await fixture.PublishAsync(changed);
        var push = await patient.NextAsync("scheduleChanged");
        Assert.Equal(department, push.GetProperty("departmentId").GetGuid());
        Assert.Equal("2026-12-09", push.GetProperty("date").GetString());
        Assert.Equal("synced", push.GetProperty("change").GetString());
        Assert.Equal(0, await fixture.MessagesFor(changed.Id));
    }
}
