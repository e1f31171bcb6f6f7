using System.Net.Http.Json;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Scheduling.Tests;

/// <summary>「就诊提醒」: from 18:00 hospital time, each booked visit and exam of the next day is reminded once.</summary>
public sealed class ReminderTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    /// <summary>Moves the service's clock to <paramref name="hour"/>:<paramref name="minute"/> of the current hospital day.</summary>
    private void At(DateOnly day, int hour, int minute = 0) =>
        f.Clock.Offset += SchedulingWorld.Local(day, hour, minute) - f.Clock.GetUtcNow();

    /// <summary>A visit in a clinic of its own (a day's sync replaces that schedule's whole day).</summary>
    private async Task<(TestPatient Patient, Guid Id)> BookedVisitAsync(DateTimeOffset start)
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, start, units: 1);
        var patient = await f.World.PatientAsync();
        var id = (await f.World.BookedAsync(patient, slotId)).GetProperty("id").GetGuid();
        await f.World.PublishAsync(new HisAppointmentConfirmedIntegrationEvent(id, $"his-{id:N}", "x"));
        await f.World.UntilStatusAsync(patient, id, "booked");
        return (patient, id);
    }

    private int RemindersOf(Guid id) => f.Published.Of<AppointmentReminderDueIntegrationEvent>().Count(e => e.AppointmentId == id);

    [Fact]
    public async Task Tomorrows_booked_visits_and_exams_are_reminded_once_from_six_pm_and_cancelled_ones_never()
    {
        var today = f.World.Today;
        var tomorrow = today.AddDays(1);
        At(today, 17, 0);
        try
        {
            var (patient, visit) = await BookedVisitAsync(SchedulingWorld.Local(tomorrow, 9));
            var (other, cancelled) = await BookedVisitAsync(SchedulingWorld.Local(tomorrow, 10));
            Assert.Equal(System.Net.HttpStatusCode.OK,
                (await other.Client.PostAsJsonAsync($"/api/scheduling/appointments/{cancelled}/cancel", new { reason = "有事" })).StatusCode);
            var (_, later) = await BookedVisitAsync(SchedulingWorld.Local(tomorrow.AddDays(1), 9));
            var service = await f.World.ExamRoomAsync(SchedulingWorld.Local(tomorrow, 8), windows: 1);
            var examPatient = await f.World.PatientAsync();
            var exam = (await f.World.BookedExamAsync(examPatient, await f.World.ExamOrderAsync(examPatient, service, "检查前空腹8小时")))
                .GetProperty("id").GetGuid();
            Assert.Equal(0, await f.World.CountAsync("SELECT count(*) FROM appointment_reminders"));

            At(today, 18, 1);

            var reminder = await f.Published.UntilAsync<AppointmentReminderDueIntegrationEvent>(e => e.AppointmentId == visit);
            Assert.Equal((AppointmentReminderDueIntegrationEvent.Clinic, patient.PatientId, "王医生"), (reminder.Kind, reminder.PatientId, reminder.DoctorName));
            Assert.StartsWith("测试科", reminder.DepartmentName);
            var examReminder = await f.Published.UntilAsync<AppointmentReminderDueIntegrationEvent>(e => e.AppointmentId == exam);
            Assert.Equal((AppointmentReminderDueIntegrationEvent.Exam, "腹部超声", "超声1室", "检查前空腹8小时"),
                (examReminder.Kind, examReminder.ItemName, examReminder.RoomName, examReminder.Preparation));
            var remindedAt = (await f.World.AppointmentAsync(patient, visit)).GetProperty("remindedAt").GetDateTimeOffset();
            Assert.True(remindedAt >= SchedulingWorld.Local(today, 18), $"reminded at {remindedAt}");

            // A visit booked this evening for tomorrow is reminded by a later round, and a second instance starts
            // on the same database: rounds after the first one never remind anyone twice.
            await using var replica = f.Replica();
            _ = replica.Server;
            var (_, evening) = await BookedVisitAsync(SchedulingWorld.Local(tomorrow, 11));
            await f.Published.UntilAsync<AppointmentReminderDueIntegrationEvent>(e => e.AppointmentId == evening);
            await Eventually.Until(() => f.World.CountAsync($"SELECT count(*) FROM appointment_reminders WHERE appointment_id = '{evening}'"),
                n => n == 1, what: "the evening booking's reminder recorded");

            Assert.Equal(1, RemindersOf(visit));
            Assert.Equal(1, RemindersOf(exam));
            Assert.Equal(1, RemindersOf(evening));
            Assert.Equal(0, RemindersOf(cancelled));
            Assert.Equal(0, RemindersOf(later));
            Assert.Equal(1, await f.World.CountAsync(
                $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%AppointmentReminderDue%' AND payload::text LIKE '%{visit}%'"));
            Assert.Equal(3, await f.World.CountAsync("SELECT count(*) FROM appointment_reminders"));
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }
}
