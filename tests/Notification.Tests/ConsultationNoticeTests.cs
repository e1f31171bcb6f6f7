using Platform.Contracts.Consultation;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>B01: a consultation's chat moves live on the patient's pages and the booked doctor's workstation only (ids, no
/// text); an ended consultation and an approved e-prescription become messages linking to the consultation.</summary>
[Collection(NotificationCollection.Name)]
public sealed class ConsultationNoticeTests(NotificationFixture fixture)
{
    private string HubUrl => fixture.BaseUrl + "/hubs/notifications";

    [Fact]
    public async Task A_new_message_reaches_the_patient_and_the_booked_doctor_and_nobody_else()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid(), consultation = Guid.NewGuid();
        var practitioner = $"prac-{Guid.NewGuid():N}"[..16];
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        await using var phone = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(account));
        await using var desk = await HubListener.ConnectAsync(HubUrl, TestTokens.For("doctor", Guid.NewGuid().ToString(), "王医生", practitionerId: practitioner));
        await using var otherDesk = await HubListener.ConnectAsync(HubUrl, TestTokens.For("doctor", Guid.NewGuid().ToString(), "李医生", practitionerId: "prac-other"));
        await using var stranger = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(Guid.NewGuid()));

        var changed = new ConsultationChangedIntegrationEvent(consultation, patient, practitioner, "message", "in-progress", 5);
        await fixture.PublishAsync(changed);
        foreach (var listener in new[] { phone, desk })
        {
            var push = await listener.NextAsync("consultationChanged");
            Assert.Equal(consultation, push.GetProperty("consultationId").GetGuid());
            Assert.Equal(5, push.GetProperty("seq").GetInt64());
            Assert.Equal("message", push.GetProperty("change").GetString());
        }
        Assert.Equal(0, await fixture.MessagesFor(changed.Id));
        await Assert.ThrowsAsync<TimeoutException>(() => otherDesk.NextAsync("consultationChanged", TimeSpan.FromSeconds(2)));
        await Assert.ThrowsAsync<TimeoutException>(() => stranger.NextAsync("consultationChanged", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task An_ended_consultation_and_an_approved_e_prescription_become_messages()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid(), consultation = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        await using var phone = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(account));

        await fixture.PublishAsync(new ConsultationEndedIntegrationEvent(consultation, patient, "prac-1", "王建国", "doctor", DateTimeOffset.UtcNow));
        var ended = await phone.NextAsync("message");
        Assert.Equal("咨询已结束", ended.GetProperty("title").GetString());
        Assert.Contains("王建国医生", ended.GetProperty("body").GetString());
        Assert.Equal($"/consultation/{consultation}", ended.GetProperty("link").GetString());

        await fixture.PublishAsync(new EPrescriptionReleasedIntegrationEvent(Guid.NewGuid(), consultation, patient, "prac-1", "王建国", "原发性高血压",
            [new EPrescriptionLine("YP0101", "苯磺酸氨氯地平片", 5, "mg", 1, 28, "口服")], "李药师", DateTimeOffset.UtcNow));
        var released = await phone.NextAsync("message");
        Assert.Equal("电子处方已审核", released.GetProperty("title").GetString());
        Assert.DoesNotContain("原发性高血压", released.GetProperty("body").GetString());
    }
}
