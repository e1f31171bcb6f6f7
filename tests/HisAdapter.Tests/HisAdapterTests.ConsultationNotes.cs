using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Contracts.Consultation;
using Platform.Testing;

namespace HisAdapter.Tests;

/// <summary>An ended online consultation reaches the HIS as a finished virtual visit with the doctor's note (issue 18),
/// once, however often the event is delivered.</summary>
public sealed partial class HisAdapterTests
{
    private const string ConsultationSystem = "http://platform.jcsy.example/sid/consultation";

    [Fact]
    [Trait("Rubric", "B01")]
    public async Task An_ended_consultation_is_written_to_the_his_as_a_virtual_encounter_with_its_note_exactly_once()
    {
        var patientId = await LinkHisPatientAsync("pat-0033");
        var department = await DepartmentOfAsync("sch-020");
        var endedAt = new DateTimeOffset(2026, 12, 6, 3, 40, 0, TimeSpan.Zero);
        var ended = new ConsultationNoteForHisIntegrationEvent(Guid.NewGuid(), patientId, "prac-020", "测试医生", department, "测试科室",
            "followup", "血压控制不佳，头晕两天", "考虑高血压控制欠佳，建议调整用药，一周后复测血压，不适随诊。", "doctor",
            endedAt.AddMinutes(-25), endedAt);
        var second = ended with { Id = Guid.NewGuid() }; // a second delivery of the same ending
        var late = ended with { Id = Guid.NewGuid() }; // and one after the note reached the HIS
        await fixture.PublishAsync(ended);
        await fixture.PublishAsync(second);

        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM his_commands WHERE command_key = 'consultation-note:{ended.ConsultationId}' AND status = 'done'"),
            n => n == 1, Wait, "the note recorded");
        await fixture.PublishAsync(late);
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM inbox_messages WHERE message_id IN ('{ended.Id}', '{second.Id}', '{late.Id}')"), n => n == 3, Wait,
            "all three deliveries consumed");

        var encounter = await SingleAsync($"Encounter?identifier={ConsultationSystem}|{ended.ConsultationId}");
        Assert.Equal("finished", encounter.GetProperty("status").GetString());
        Assert.Equal("VR", encounter.GetProperty("class").GetProperty("code").GetString());
        Assert.Equal("Patient/pat-0033", encounter.GetProperty("subject").GetProperty("reference").GetString());
        Assert.Equal("Practitioner/prac-020", encounter.GetProperty("participant")[0].GetProperty("individual").GetProperty("reference").GetString());
        Assert.Equal(department, encounter.GetProperty("serviceType").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal(ended.Complaint, encounter.GetProperty("reasonCode")[0].GetProperty("text").GetString());
        Assert.Equal(endedAt, encounter.GetProperty("period").GetProperty("end").GetDateTimeOffset());

        var note = await SingleAsync($"DocumentReference?identifier={ConsultationSystem}|{ended.ConsultationId}");
        Assert.Equal("current", note.GetProperty("status").GetString());
        Assert.Equal("Patient/pat-0033", note.GetProperty("subject").GetProperty("reference").GetString());
        Assert.Equal("Practitioner/prac-020", note.GetProperty("author")[0].GetProperty("reference").GetString());
        Assert.Equal($"Encounter/{encounter.GetProperty("id").GetString()}",
            note.GetProperty("context").GetProperty("encounter")[0].GetProperty("reference").GetString());
        var attachment = note.GetProperty("content")[0].GetProperty("attachment");
        Assert.Equal(ended.Summary, Encoding.UTF8.GetString(attachment.GetProperty("data").GetBytesFromBase64()));

        // The late delivery added no command and nothing at the HIS.
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM his_commands WHERE command_key = 'consultation-note:{ended.ConsultationId}'"));
        await SingleAsync($"Encounter?identifier={ConsultationSystem}|{ended.ConsultationId}");
        await SingleAsync($"DocumentReference?identifier={ConsultationSystem}|{ended.ConsultationId}");

        // The visit shows in the patient's HIS history like any other.
        var visits = await fixture.Client("integration").GetFromJsonAsync<JsonElement>($"/api/his/patients/{patientId}/encounters");
        Assert.Contains(visits.EnumerateArray(), v => v.GetProperty("id").GetString() == encounter.GetProperty("id").GetString());
    }
}
