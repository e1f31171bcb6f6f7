using Platform.Contracts.Triage;

namespace Notification.Tests;

/// <summary>Triage's 诊前筛查 request (X12) becomes a message linking to the form.</summary>
[Collection(NotificationCollection.Name)]
public sealed class PreVisitNoticeTests(NotificationFixture fixture)
{
    [Fact]
    public async Task A_screening_request_becomes_a_message_linking_to_the_form()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid(), screening = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        await using var mine = await HubListener.ConnectAsync(fixture.BaseUrl + "/hubs/notifications", NotificationFixture.Token(account));

        await fixture.PublishAsync(new PreVisitScreeningRequestedIntegrationEvent(screening, Guid.NewGuid(), patient, "流行病学筛查",
            "呼吸内科", "李医生", DateTimeOffset.UtcNow.AddDays(2)));
        var message = await mine.NextAsync("message");
        Assert.Equal("诊前筛查", message.GetProperty("title").GetString());
        Assert.Contains("流行病学筛查", message.GetProperty("body").GetString());
        Assert.Equal($"/screening/{screening}", message.GetProperty("link").GetString());
    }
}
