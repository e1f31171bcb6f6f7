using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Scheduling.Tests;

/// <summary>A patient cancels a booked exam before the cutoff: the unit is free, the HIS is asked to cancel, pages hear it.</summary>
public sealed class ExamCancelTests(SchedulingFixture f) : IClassFixture<SchedulingFixture>
{
    private async Task<(TestPatient Patient, Guid Id, DateTimeOffset Start)> BookedExamAsync()
    {
        var start = SchedulingWorld.Local(f.World.Today.AddDays(2), 8);
        var service = await f.World.ExamRoomAsync(start, windows: 2);
        var patient = await f.World.PatientAsync();
        var order = await f.World.ExamOrderAsync(patient, service, "检查前空腹8小时");
        var exam = await f.World.BookedExamAsync(patient, order);
        return (patient, exam.GetProperty("id").GetGuid(), exam.GetProperty("startsAt").GetDateTimeOffset());
    }

    private static Task<HttpResponseMessage> CancelAsync(TestPatient patient, Guid id) =>
        patient.Client.PostAsync($"/api/scheduling/exams/appointments/{id}/cancel", null);

    private Task<long> HeldAsync(Guid id) => f.World.CountAsync($"SELECT count(*) FROM exam_units WHERE held_by = '{id}'");

    [Fact]
    public async Task Cancelling_in_time_frees_the_unit_and_asks_the_his_to_cancel()
    {
        var (patient, id, start) = await BookedExamAsync();
        // The HIS's confirmation tells Queue where and when to expect the patient, and what to do beforehand.
        var booked = await f.Published.UntilAsync<ExamBookedIntegrationEvent>(e => e.AppointmentId == id);
        Assert.Equal(patient.PatientId, booked.PatientId);
        Assert.Equal(start, booked.StartsAt);
        Assert.Equal("检查前空腹8小时", booked.Preparation);
        Assert.False(string.IsNullOrEmpty(booked.ServiceCode));
        Assert.True((await f.World.ExamAppointmentAsync(patient, id)).GetProperty("canCancel").GetBoolean());
        Assert.Equal(1, await HeldAsync(id));

        var response = await CancelAsync(patient, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("已取消", cancelled.GetProperty("statusText").GetString());
        Assert.Equal(0, await HeldAsync(id));
        await f.Published.UntilAsync<HisAppointmentCancelRequestedIntegrationEvent>(e => e.AppointmentId == id);
        await f.Published.UntilAsync<AppointmentStatusChangedIntegrationEvent>(e => e.AppointmentId == id && e.Status == "cancelled");
        await f.Published.UntilAsync<ExamCancelledIntegrationEvent>(e => e.AppointmentId == id);

        var again = await CancelAsync(patient, id);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("not_cancellable", await SchedulingWorld.CodeAsync(again));
        Assert.Single(f.Published.Of<HisAppointmentCancelRequestedIntegrationEvent>(), e => e.AppointmentId == id);
    }

    [Fact]
    public async Task An_exam_cancelled_before_the_his_answered_is_cancelled_there_at_once_and_stays_cancelled_when_it_confirms()
    {
        var start = SchedulingWorld.Local(f.World.Today.AddDays(2), 10);
        var service = await f.World.ExamRoomAsync(start, windows: 1);
        var patient = await f.World.PatientAsync();
        var order = await f.World.ExamOrderAsync(patient, service, "无需空腹");
        var slot = (await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders/{order}/slots"))[0].GetProperty("id").GetGuid();
        var id = (await (await SchedulingWorld.BookExamAsync(patient, order, slot)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(patient, id)).StatusCode);
        Assert.Equal(0, await HeldAsync(id));
        await f.Published.UntilAsync<HisAppointmentCancelRequestedIntegrationEvent>(e => e.AppointmentId == id);

        await f.World.PublishAsync(new HisAppointmentConfirmedIntegrationEvent(id, $"his-{id:N}", "x"));
        await Eventually.Until(() => Task.FromResult(f.Published.Of<HisAppointmentCancelRequestedIntegrationEvent>().Count(e => e.AppointmentId == id)),
            n => n == 2, what: "the cancel asked again once the HIS's booking is known");
        Assert.Equal("cancelled", (await f.World.ExamAppointmentAsync(patient, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Less_than_the_cutoff_before_the_exam_cancelling_is_refused_and_nothing_changes()
    {
        var (patient, id, start) = await BookedExamAsync();
        f.Clock.Offset = start - f.Clock.GetUtcNow() + f.Clock.Offset - TimeSpan.FromMinutes(90);
        try
        {
            Assert.False((await f.World.ExamAppointmentAsync(patient, id)).GetProperty("canCancel").GetBoolean());
            var refused = await CancelAsync(patient, id);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("cancel_too_late", await SchedulingWorld.CodeAsync(refused));
            Assert.Equal("booked", (await f.World.ExamAppointmentAsync(patient, id)).GetProperty("status").GetString());
            Assert.Equal(1, await HeldAsync(id));
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Another_accounts_exam_is_not_found_and_stays_booked()
    {
        var (patient, id, _) = await BookedExamAsync();
        var stranger = await f.World.PatientAsync();

        var refused = await CancelAsync(stranger, id);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("appointment_not_found", await SchedulingWorld.CodeAsync(refused));
        Assert.Equal("booked", (await f.World.ExamAppointmentAsync(patient, id)).GetProperty("status").GetString());
        Assert.Equal(1, await HeldAsync(id));
        var missing = await CancelAsync(patient, Guid.NewGuid());
        Assert.Equal("appointment_not_found", await SchedulingWorld.CodeAsync(missing));
    }

    [Fact]
    public async Task Booking_an_exam_needs_the_booking_agreement()
    {
        var start = SchedulingWorld.Local(f.World.Today.AddDays(2), 9);
        var service = await f.World.ExamRoomAsync(start, windows: 1);
        var patient = await f.World.PatientAsync(agreed: false);
        var order = await f.World.ExamOrderAsync(patient, service, "无需空腹");
        var slot = (await patient.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/exams/orders/{order}/slots"))[0].GetProperty("id").GetGuid();

        var refused = await SchedulingWorld.BookExamAsync(patient, order, slot);

        Assert.Equal((HttpStatusCode)428, refused.StatusCode);
        Assert.Equal("agreement_required", await SchedulingWorld.CodeAsync(refused));
        Assert.Equal(0, await f.World.CountAsync($"SELECT count(*) FROM exam_appointments WHERE patient_id = '{patient.PatientId}'"));
    }
}
