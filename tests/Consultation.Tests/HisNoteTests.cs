using System.Net;
using System.Net.Http.Json;
using Consultation.API.Application;
using Platform.Contracts.Consultation;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Consultation.Tests;

/// <summary>The end of a consultation the doctor took goes to the HIS as a note (issue 18): ended by the doctor with a
/// summary, or by its time limit.</summary>
public sealed class HisNoteTests(ConsultationFixture f) : IClassFixture<ConsultationFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private async Task<(HttpClient Client, ConsultationDto Consultation)> AnsweredConsultationAsync(string complaint)
    {
        var (patient, client) = f.NewPatient();
        var created = await client.PostAsJsonAsync("/api/consultation/consultations",
            new { patientId = patient, practitionerId = ConsultationFixture.Doctor, kind = "text", complaint });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var consultation = (await created.Content.ReadFromJsonAsync<ConsultationDto>())!;
        await f.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Consultation, consultation.Id, 2000,
            "图文咨询", DateTimeOffset.UtcNow));
        await Eventually.Until(() => client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{consultation.Id}"),
            c => c!.Status == "waiting", Wait, "paid");
        var answer = await f.DoctorClient().PostAsJsonAsync($"/api/consultation/consultations/{consultation.Id}/messages", new { text = "您好，请详细说说" });
        answer.EnsureSuccessStatusCode();
        return (client, (await client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{consultation.Id}"))!);
    }

    [Fact]
    public async Task A_consultation_the_doctor_ends_publishes_its_summary_for_the_his_once()
    {
        var (_, consultation) = await AnsweredConsultationAsync("胸闷气短三天，活动后加重");
        Assert.Equal("in-progress", consultation.Status);
        const string summary = "考虑劳力性心绞痛可能，建议尽快到心内科门诊行心电图及心脏彩超检查";
        var ended = await f.DoctorClient().PostAsJsonAsync($"/api/consultation/doctor/consultations/{consultation.Id}/end", new { summary });
        ended.EnsureSuccessStatusCode();

        var note = await f.Published.UntilAsync<ConsultationNoteForHisIntegrationEvent>(e => e.ConsultationId == consultation.Id, Wait);
        Assert.Equal(consultation.PatientId, note.PatientId);
        Assert.Equal(ConsultationFixture.Doctor, note.PractitionerHisId);
        Assert.Equal(ConsultationFixture.Department, note.DepartmentCode);
        Assert.Equal("text", note.Kind);
        Assert.Equal("胸闷气短三天，活动后加重", note.Complaint);
        Assert.Equal(summary, note.Summary);
        Assert.Equal("doctor", note.EndedBy);
        Assert.True(note.StartedAt <= note.EndedAt);

        // Ending twice is refused and sends nothing more.
        var again = await f.DoctorClient().PostAsJsonAsync($"/api/consultation/doctor/consultations/{consultation.Id}/end", new { summary });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(f.Published.Of<ConsultationNoteForHisIntegrationEvent>(), e => e.ConsultationId == consultation.Id);
    }

    [Fact]
    public async Task A_taken_consultation_that_reaches_its_time_limit_still_sends_its_note()
    {
        var (client, consultation) = await AnsweredConsultationAsync("反复咳嗽两周，无发热");
        f.Clock.Advance(TimeSpan.FromHours(49));
        await Eventually.Until(() => client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{consultation.Id}"),
            c => c!.Status == "ended", Wait, "time limit");

        var note = await f.Published.UntilAsync<ConsultationNoteForHisIntegrationEvent>(e => e.ConsultationId == consultation.Id, Wait);
        Assert.Equal("timeout", note.EndedBy);
        Assert.Contains("咨询时间已到", note.Summary);
        Assert.Equal(consultation.PatientId, note.PatientId);
    }
}
