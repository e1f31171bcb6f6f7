using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HisAdapter.API.Application.Pushes;
using Platform.Contracts.His;
using Platform.Contracts.Identity;
using Platform.ServiceDefaults.Patients;
using Platform.Testing;

namespace HisAdapter.Tests;

public sealed partial class HisAdapterTests(HisAdapterFixture fixture) : IClassFixture<HisAdapterFixture>
{
    private const string SeededIdNumber = "42010219410130325X"; // pat-0001 in the simulator's seed

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Full_sync_publishes_every_seeded_department_and_doctor_once()
    {
        Assert.Equal(23, await fixture.EventsAsync("HisDepartmentSyncedIntegrationEvent"));
        Assert.Equal(1, await fixture.EventsAsync("HisDepartmentSyncedIntegrationEvent", "hs-nk", "本部院区", "门诊楼"));
        Assert.Equal(68, await fixture.EventsAsync("HisPractitionerSyncedIntegrationEvent"));
        Assert.True(await fixture.EventsAsync("HisScheduleSlotsSyncedIntegrationEvent") > 0);
        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND attempts > 3"));
    }

    [Fact]
    public async Task A_department_changed_on_the_his_is_published_again_and_nothing_else()
    {
        var (_, service) = await fixture.His.FhirAsync(HttpMethod.Get, "HealthcareService/hs-pfk");
        var renamed = service.GetRawText().Replace("\"name\":\"皮肤科\"", "\"name\":\"皮肤性病科\"");
        var (status, _) = await fixture.His.FhirAsync(HttpMethod.Put, "HealthcareService/hs-pfk", renamed);
        Assert.Equal(HttpStatusCode.OK, status);

        await Eventually.Until(() => fixture.EventsAsync("HisDepartmentSyncedIntegrationEvent", "hs-pfk", "皮肤性病科"), n => n == 1, Wait,
            "the renamed department");
        Assert.Equal(24, await fixture.EventsAsync("HisDepartmentSyncedIntegrationEvent"));
        Assert.Equal(68, await fixture.EventsAsync("HisPractitionerSyncedIntegrationEvent"));
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_patient_registered_twice_is_one_his_patient_written_validly()
    {
        var idNumber = "4201021990" + Random.Shared.Next(10000000, 99999999);
        var e = new PatientRegisteredIntegrationEvent(Guid.NewGuid(), Guid.NewGuid());
        fixture.Identity.Put(new PatientDetails(e.PatientId, e.AccountId, "测试患者", "female", new DateOnly(1990, 3, 7), "resident_id",
            idNumber, "13800000000"));
        await fixture.PublishAsync(e);
        await fixture.PublishAsync(e); // the same message redelivered
        await fixture.PublishAsync(e with { Id = Guid.NewGuid() }); // the same registration published again

        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM his_commands WHERE command_key LIKE 'register:{e.PatientId}%' AND status = 'done'"), n => n == 2, Wait,
            "both registrations sent");
        var (_, found) = await fixture.His.FhirAsync(HttpMethod.Get, $"Patient?identifier=urn:oid:2.16.156.10011.1.2|{idNumber}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var patient = found.GetProperty("entry")[0].GetProperty("resource");
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM patient_links WHERE patient_id = '{e.PatientId}' AND his_patient_id = '{patient.GetProperty("id").GetString()}'"));
        Assert.Equal(0, await fixture.Database.ScalarAsync($"SELECT count(*) FROM his_commands WHERE payload::text LIKE '%{idNumber}%'"));
        Assert.Equal("13800000000", patient.GetProperty("telecom")[0].GetProperty("value").GetString());
        await Referee.AssertValidAsync(patient);
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_changed_phone_reaches_the_his_patient_though_no_identifier_is_queued_or_stored()
    {
        var idNumber = "4201021985" + Random.Shared.Next(10000000, 99999999);
        var registered = new PatientRegisteredIntegrationEvent(Guid.NewGuid(), Guid.NewGuid());
        var details = new PatientDetails(registered.PatientId, registered.AccountId, "改号患者", "male", new DateOnly(1985, 6, 1),
            "resident_id", idNumber, "13900000001");
        fixture.Identity.Put(details);
        await fixture.PublishAsync(registered);
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM patient_links WHERE patient_id = '{registered.PatientId}'"), n => n == 1, Wait, "the patient link");

        fixture.Identity.Put(details with { Phone = "13900000002" });
        await fixture.PublishAsync(new PatientUpdatedIntegrationEvent(registered.PatientId, registered.AccountId));
        await Eventually.Until(async () =>
            {
                var (_, found) = await fixture.His.FhirAsync(HttpMethod.Get, $"Patient?identifier=urn:oid:2.16.156.10011.1.2|{idNumber}");
                return found.GetProperty("entry")[0].GetProperty("resource").GetProperty("telecom")[0].GetProperty("value").GetString();
            }, phone => phone == "13900000002", Wait, "the new phone on the HIS Patient");

        var (_, all) = await fixture.His.FhirAsync(HttpMethod.Get, $"Patient?identifier=urn:oid:2.16.156.10011.1.2|{idNumber}");
        Assert.Equal(1, all.GetProperty("total").GetInt32());
        foreach (var secret in new[] { idNumber, "13900000001", "13900000002" })
            Assert.Equal(0, await fixture.Database.ScalarAsync($"SELECT count(*) FROM his_commands WHERE payload::text LIKE '%{secret}%'"));
    }

    [Fact]
    public async Task A_patient_identity_no_longer_knows_is_refused_not_retried()
    {
        var e = new PatientRegisteredIntegrationEvent(Guid.NewGuid(), Guid.NewGuid());
        await fixture.PublishAsync(e);
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM his_commands WHERE command_key LIKE 'register:{e.PatientId}%' AND status = 'refused'"), n => n == 1, Wait,
            "the refused registration");
        Assert.Equal(0, await fixture.Database.ScalarAsync($"SELECT count(*) FROM patient_links WHERE patient_id = '{e.PatientId}'"));
    }

    [Fact]
    public async Task Booking_round_trip_confirms_and_cancelling_frees_the_slot()
    {
        var patientId = await LinkSeededPatientAsync();
        var slot = await FreeSlotAsync(0);
        var appointmentId = Guid.NewGuid();
        await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(appointmentId, patientId, slot));

        await Eventually.Until(() => fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", appointmentId.ToString()), n => n == 1, Wait,
            "the confirmation");
        var (_, booked) = await fixture.His.FhirAsync(HttpMethod.Get,
            $"Appointment?identifier=http://platform.jcsy.example/sid/appointment|{appointmentId}");
        Assert.Equal(1, booked.GetProperty("total").GetInt32());
        var appointment = booked.GetProperty("entry")[0].GetProperty("resource");
        Assert.Equal("booked", appointment.GetProperty("status").GetString());
        Assert.Equal("busy", await SlotStatusAsync(slot));
        await Referee.AssertValidAsync(appointment);

        await fixture.PublishAsync(new HisAppointmentCancelRequestedIntegrationEvent(appointmentId, "行程有变"));
        await Eventually.Until(() => fixture.EventsAsync("HisAppointmentCancelledIntegrationEvent", appointmentId.ToString()), n => n == 1, Wait,
            "the cancellation");
        Assert.Equal("free", await SlotStatusAsync(slot));
        var (_, cancelled) = await fixture.His.FhirAsync(HttpMethod.Get, $"Appointment/{appointment.GetProperty("id").GetString()}");
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        await Referee.AssertValidAsync(cancelled);
    }

    [Fact]
    public async Task A_slots_next_booking_waits_for_its_cancellation_while_other_bookings_go_to_the_his_side_by_side()
    {
        var patientId = await LinkSeededPatientAsync();
        var (_, page) = await fixture.His.FhirAsync(HttpMethod.Get, "Slot?status=free&schedule=Schedule/sch-010&_count=20");
        var free = page.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("id").GetString()!).ToList();
        var (slot, otherSlots) = (free[4], free[5..10]);
        var first = Guid.NewGuid();
        await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(first, patientId, slot));
        await Eventually.Until(() => fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", first.ToString()), n => n == 1, Wait,
            "the first booking");

        // The cancellation cannot reach the HIS; the booking of the unit it frees, queued after it, must not be sent
        // before it, though a booking of another slot queued later still is.
        var next = Guid.NewGuid();
        var probe = Guid.NewGuid();
        await fixture.His.SimAsync("faults", new { failRate = 1, failStatus = 503 });
        try
        {
            await fixture.PublishAsync(new HisAppointmentCancelRequestedIntegrationEvent(first, "行程有变"));
            await Eventually.Until(() => fixture.Database.ScalarAsync(
                    $"SELECT count(*) FROM his_commands WHERE command_key = 'cancel:{first}' AND last_error IS NOT NULL"),
                n => n == 1, Wait, "a failed cancellation attempt");
            await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(next, patientId, slot));
            await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM his_commands WHERE command_key = 'book:{next}'"),
                n => n == 1, Wait, "the next booking queued");
            await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(probe, patientId, otherSlots[0]));
            await Eventually.Until(() => fixture.Database.ScalarAsync(
                    $"SELECT count(*) FROM his_commands WHERE command_key = 'book:{probe}' AND last_error IS NOT NULL"),
                n => n == 1, Wait, "an attempt of the later booking of another slot");
            Assert.Equal(0, await fixture.Database.ScalarAsync($"SELECT attempts FROM his_commands WHERE command_key = 'book:{next}'"));
        }
        finally
        {
            await fixture.His.SimAsync("faults");
        }
        await Eventually.Until(() => fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", next.ToString()), n => n == 1, Wait,
            "the booking of the freed slot, after its cancellation");
        Assert.Equal(0, await fixture.EventsAsync("HisAppointmentRejectedIntegrationEvent", next.ToString()));
        await Eventually.Until(() => fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", probe.ToString()), n => n == 1, Wait,
            "the booking of the other slot");

        // A slow HIS (every call 300 ms): bookings of different slots are sent at once, not one after another.
        await fixture.His.SimAsync("faults", new { delayMs = 300 });
        try
        {
            var others = new List<Guid>();
            foreach (var otherSlot in otherSlots[1..])
            {
                var other = Guid.NewGuid();
                others.Add(other);
                await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(other, patientId, otherSlot));
            }
            await Eventually.Until(() => fixture.Database.ScalarAsync(
                    "SELECT count(*) FROM his_commands WHERE status = 'pending' AND leased_until IS NOT NULL"),
                n => n >= 2, Wait, "several commands at the HIS at once");
            foreach (var other in others)
                await Eventually.Until(() => fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", other.ToString()), n => n == 1, Wait,
                    "the other bookings");
        }
        finally
        {
            await fixture.His.SimAsync("faults");
        }
    }

    [Fact]
    public async Task A_slot_the_his_took_first_is_rejected_and_never_double_booked()
    {
        var patientId = await LinkSeededPatientAsync();
        var taken = await FreeSlotAsync(1);
        await fixture.His.SimAsync("faults", new { takeSlot = taken });
        var first = Guid.NewGuid();
        await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(first, patientId, taken));

        var racing = await FreeSlotAsync(2);
        await fixture.His.SimAsync("faults", new { conflictOnNextSlotUpdate = true });
        var second = Guid.NewGuid();
        await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(second, patientId, racing));

        foreach (var id in new[] { first, second })
            await Eventually.Until(() => fixture.EventsAsync("HisAppointmentRejectedIntegrationEvent", id.ToString(), "slot_taken"), n => n == 1,
                Wait, "the rejection");
        await fixture.His.SimAsync("faults");
        Assert.Equal(0, await fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", first.ToString()));
        Assert.Equal(0, await fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", second.ToString()));
        foreach (var slot in new[] { taken, racing })
        {
            var (_, holders) = await fixture.His.FhirAsync(HttpMethod.Get, $"Appointment?slot=Slot/{slot}");
            Assert.Equal(0, holders.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task A_booking_made_while_the_his_is_down_goes_through_once_when_it_returns()
    {
        var patientId = await LinkSeededPatientAsync();
        var slot = await FreeSlotAsync(3);
        await fixture.His.SimAsync("faults", new { failRate = 1, failStatus = 503 });
        var appointmentId = Guid.NewGuid();
        try
        {
            await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(appointmentId, patientId, slot));
            await Eventually.Until(() => fixture.Database.ScalarAsync(
                // The attempt is counted when the command is claimed; its failure once the outcome is recorded.
                $"SELECT coalesce(max(attempts), 0) FROM his_commands WHERE command_key = 'book:{appointmentId}' AND status = 'pending' AND last_error IS NOT NULL"),
                n => n >= 1, Wait, "a failed attempt");
            Assert.Equal(1, await fixture.Database.ScalarAsync(
                $"SELECT count(*) FROM his_appointments WHERE appointment_id = '{appointmentId}' AND status = 'awaiting_hospital'"));
            var health = await fixture.Client().GetFromJsonAsync<JsonElement>("/health/ready");
            Assert.Equal("Degraded", health.GetProperty("status").GetString());
        }
        finally
        {
            await fixture.His.SimAsync("faults");
        }

        await Eventually.Until(() => fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", appointmentId.ToString()), n => n == 1,
            TimeSpan.FromSeconds(60), "the confirmation after the outage");
        var (_, booked) = await fixture.His.FhirAsync(HttpMethod.Get,
            $"Appointment?identifier=http://platform.jcsy.example/sid/appointment|{appointmentId}");
        Assert.Equal(1, booked.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_clinic_stopped_on_the_platform_closes_its_slots_and_cancels_its_bookings_at_the_his_even_after_an_outage()
    {
        var patientId = await LinkSeededPatientAsync();
        var (date, period, slots) = await SessionAsync("sch-020");
        var bookedSlot = slots.First(s => s.Status == "free").Id;
        var booked = Guid.NewGuid();
        await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(booked, patientId, bookedSlot));
        await Eventually.Until(() => fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", booked.ToString()), n => n == 1, Wait,
            "the confirmation");

        // Locking on the platform when staff stopped the clinic: its request reaches the adapter after the stop.
        var late = Guid.NewGuid();
        var stop = new HisSessionStopRequestedIntegrationEvent("sch-020", date, period, "医生临时外出会诊", [booked, late]);
        await fixture.His.SimAsync("faults", new { failRate = 1, failStatus = 503 });
        try
        {
            await fixture.PublishAsync(stop);
            await fixture.PublishAsync(stop); // redelivered
            await Eventually.Until(() => fixture.Database.ScalarAsync(
                    $"SELECT count(*) FROM his_commands WHERE command_key = 'stop-session:{HisIds.SessionKey("sch-020", date, period)}' AND status = 'pending' AND last_error IS NOT NULL"),
                n => n == 1, Wait, "a stop attempt while the HIS is down");
        }
        finally
        {
            await fixture.His.SimAsync("faults");
        }

        await Eventually.Until(() => fixture.Database.ScalarAsync(
                $"SELECT count(*) FROM his_commands WHERE command_key IN ('stop-session:{HisIds.SessionKey("sch-020", date, period)}', 'cancel:{booked}', 'cancel:{late}') AND status = 'done'"),
            n => n == 3, TimeSpan.FromSeconds(60), "the stop and both cancellations done once the HIS is back");
        Assert.Equal(1, await fixture.EventsAsync("HisAppointmentCancelledIntegrationEvent", booked.ToString()));
        var (_, appointments) = await fixture.His.FhirAsync(HttpMethod.Get,
            $"Appointment?identifier=http://platform.jcsy.example/sid/appointment|{booked}");
        Assert.Equal("cancelled", appointments.GetProperty("entry")[0].GetProperty("resource").GetProperty("status").GetString());
        var (_, _, after) = await SessionAsync("sch-020", date, period);
        Assert.Equal(slots.Select(s => s.Id).Order(), after.Select(s => s.Id).Order());
        Assert.All(after, s => Assert.Equal("busy-unavailable", s.Status));
        var (_, closed) = await fixture.His.FhirAsync(HttpMethod.Get, $"Slot/{bookedSlot}");
        Assert.Equal("停诊：医生临时外出会诊", closed.GetProperty("comment").GetString());
        await Referee.AssertValidAsync(closed);

        await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(late, patientId, slots.Last().Id));
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM his_appointments WHERE appointment_id = '{late}' AND status = 'cancelled'"), n => n == 1, Wait, "the late request");
        Assert.Equal(0, await fixture.Database.ScalarAsync($"SELECT count(*) FROM his_commands WHERE command_key = 'book:{late}'"));
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM his_commands WHERE kind = 'stop-session'"));
    }

    [Fact]
    public async Task Slots_limited_on_the_platform_are_closed_at_the_his_version_aware_but_one_booked_there_meanwhile_stays_booked()
    {
        var (_, _, slots) = await SessionAsync("sch-030");
        var free = slots.Where(s => s.Status == "free").Select(s => s.Id).Take(3).ToList();
        Assert.Equal(3, free.Count);
        // Booked at the HIS window after staff chose which slots to close.
        await fixture.His.SimAsync("faults", new { takeSlot = free[2] });
        // And the HIS writes the next slot itself between our read and our update.
        await fixture.His.SimAsync("faults", new { conflictOnNextSlotUpdate = true });
        var limit = new HisSlotsCloseRequestedIntegrationEvent([.. free, "slot-does-not-exist"], "医生下午需参加院内会议");
        try
        {
            await fixture.PublishAsync(limit);
            await Eventually.Until(() => fixture.Database.ScalarAsync(
                    $"SELECT count(*) FROM his_commands WHERE command_key = 'close-slots:{limit.Id}' AND status = 'done'"), n => n == 1, Wait,
                "the slots closed");
        }
        finally
        {
            await fixture.His.SimAsync("faults");
        }
        foreach (var id in free.Take(2))
        {
            var (_, slot) = await fixture.His.FhirAsync(HttpMethod.Get, $"Slot/{id}");
            Assert.Equal("busy-unavailable", slot.GetProperty("status").GetString());
            Assert.Equal("限号：医生下午需参加院内会议", slot.GetProperty("comment").GetString());
        }
        Assert.Equal("busy", await SlotStatusAsync(free[2]));
    }

    [Fact]
    public async Task A_clinic_the_his_stopped_itself_is_announced_with_its_patients_and_nothing_is_written_back()
    {
        var patientId = await LinkSeededPatientAsync();
        var (date, period, slots) = await SessionAsync("sch-040");
        var appointmentId = Guid.NewGuid();
        await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(appointmentId, patientId, slots.First(s => s.Status == "free").Id));
        await Eventually.Until(() => fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", appointmentId.ToString()), n => n == 1, Wait,
            "the confirmation");
        var commands = await fixture.Database.ScalarAsync("SELECT count(*) FROM his_commands");

        var pushed = await fixture.His.SimAsync("push", new { type = "stop-clinic", scheduleId = "sch-040", date = $"{date:yyyy-MM-dd}", session = period, reason = "设备检修" });
        Assert.True(pushed.GetProperty("delivered").GetBoolean(), pushed.GetRawText());
        await Eventually.Until(() => fixture.EventsAsync("ClinicStoppedIntegrationEvent", HisIds.SessionKey("sch-040", date, period), patientId.ToString(), "设备检修"),
            n => n == 1, Wait, "the clinic stopped");
        Assert.Equal(commands, await fixture.Database.ScalarAsync("SELECT count(*) FROM his_commands"));
    }

    [Fact]
    public async Task A_signed_push_publishes_its_event_once_and_forgeries_replays_and_hostile_payloads_publish_nothing()
    {
        var patientId = await LinkSeededPatientAsync();
        var pushed = await fixture.His.SimAsync("push", new { type = "critical-value", observationId = "obs-00001-1" });
        Assert.True(pushed.GetProperty("delivered").GetBoolean(), pushed.GetRawText());
        await Eventually.Until(() => fixture.EventsAsync("CriticalValueDetectedIntegrationEvent", patientId.ToString(), "6.8"), n => n == 1, Wait,
            "the critical value");

        var client = fixture.Client();
        // The same delivery again (a retry whose first answer was lost, or a replay) is acknowledged and publishes nothing.
        var replay = await PostPushAsync(client, pushed.GetProperty("event").GetRawText(), HisAdapterFixture.PushSecret);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(0, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("published").GetInt32());

        var forged = Envelope("report-ready", new { report = "DiagnosticReport/dr-lab-00001", patient = "Patient/pat-0001" });
        var forgedResponse = await PostPushAsync(client, forged, "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
        Assert.Equal("OperationOutcome", (await forgedResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resourceType").GetString());

        var hostile = new[]
        {
            Envelope("report-ready", new { report = "DiagnosticReport/dr-lab-00001", patient = "Patient/pat-0002" }),
            Envelope("report-ready", new { report = "Patient/pat-0001" }),
            Envelope("report-ready", new { report = "http://evil.example/DiagnosticReport/x" }),
            Envelope("drop-tables", new { }),
            "{\"id\":\"x\",\"type\":[1,2]}",
            Envelope("report-ready", new { report = "DiagnosticReport/dr-lab-00001" }, occurredAt: DateTimeOffset.UtcNow.AddHours(-2)),
        };
        foreach (var body in hostile)
            Assert.Equal(HttpStatusCode.BadRequest, (await PostPushAsync(client, body, HisAdapterFixture.PushSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge,
            (await PostPushAsync(client, Envelope("report-ready", new { padding = new string('x', 400_000) }), HisAdapterFixture.PushSecret)).StatusCode);

        // Refused pushes are refused in the request itself: nothing of theirs is left to happen later.
        Assert.Equal(0, await fixture.EventsAsync("ReportReadyIntegrationEvent", patientId.ToString()));
        Assert.Equal(1, await fixture.EventsAsync("CriticalValueDetectedIntegrationEvent", patientId.ToString()));
    }

    [Fact]
    public async Task Reads_are_for_integration_clients_and_only_ever_show_the_linked_patient()
    {
        var patientId = await LinkSeededPatientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetAsync($"/api/his/patients/{patientId}/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client("patient").GetAsync($"/api/his/patients/{patientId}/reports")).StatusCode);

        var client = fixture.Client("integration");
        var reports = await client.GetFromJsonAsync<JsonElement>($"/api/his/patients/{patientId}/reports");
        Assert.True(reports.GetArrayLength() > 0);
        var critical = reports.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "dr-lab-00001");
        var potassium = critical.GetProperty("items").EnumerateArray().First(i => i.GetProperty("name").GetString() == "钾");
        Assert.Equal("HH", potassium.GetProperty("flag").GetString());
        Assert.Equal("mmol/L", potassium.GetProperty("unit").GetString());
        Assert.True(potassium.GetProperty("critical").GetBoolean());

        var (_, other) = await fixture.His.FhirAsync(HttpMethod.Get, "DiagnosticReport?subject=Patient/pat-0002&_count=1");
        var othersReport = other.GetProperty("entry")[0].GetProperty("resource").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/his/patients/{patientId}/reports/{othersReport}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/his/patients/{patientId}/reports/dr-lab-00001")).StatusCode);

        foreach (var kind in new[] { "prescriptions", "deposits" })
            Assert.Equal(JsonValueKind.Array, (await client.GetFromJsonAsync<JsonElement>($"/api/his/patients/{patientId}/{kind}")).ValueKind);
        var charges = await client.GetFromJsonAsync<JsonElement>($"/api/his/patients/{patientId}/charges");
        Assert.True(charges.GetProperty("items").GetArrayLength() > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/his/patients/{Guid.NewGuid()}/reports")).StatusCode);
    }

    [Fact]
    public async Task Conditions_are_the_linked_patients_icd10_diagnoses_and_for_integration_clients_only()
    {
        var patientId = await LinkSeededPatientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client("patient").GetAsync($"/api/his/patients/{patientId}/conditions")).StatusCode);
        var client = fixture.Client("integration");
        var conditions = await client.GetFromJsonAsync<JsonElement>($"/api/his/patients/{patientId}/conditions");

        var (_, own) = await fixture.His.FhirAsync(HttpMethod.Get, "Condition?subject=Patient/pat-0001&_count=200");
        var expected = own.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("id").GetString()).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, conditions.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToHashSet());
        var first = own.GetProperty("entry")[0].GetProperty("resource");
        var mapped = conditions.EnumerateArray().Single(c => c.GetProperty("id").GetString() == first.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString(), mapped.GetProperty("code").GetString());
        Assert.Equal(first.GetProperty("code").GetProperty("text").GetString(), mapped.GetProperty("display").GetString());
        Assert.Equal("active", mapped.GetProperty("clinicalStatus").GetString());
        Assert.NotEqual(JsonValueKind.Null, mapped.GetProperty("onset").ValueKind);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/his/patients/{Guid.NewGuid()}/conditions")).StatusCode);
    }

    private async Task<Guid> LinkSeededPatientAsync()
    {
        var patientId = Guid.NewGuid();
        var accountId = Guid.NewGuid();
        fixture.Identity.Put(new PatientDetails(patientId, accountId, "许鹤", "male", new DateOnly(1941, 1, 30), "resident_id",
            SeededIdNumber, "15864351175"));
        await fixture.PublishAsync(new PatientRegisteredIntegrationEvent(patientId, accountId));
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM patient_links WHERE patient_id = '{patientId}' AND his_patient_id = 'pat-0001'"), n => n == 1, Wait,
            "the patient link");
        return patientId;
    }

    private async Task<string> FreeSlotAsync(int index)
    {
        var (_, page) = await fixture.His.FhirAsync(HttpMethod.Get, "Slot?status=free&schedule=Schedule/sch-010&_count=20");
        return page.GetProperty("entry")[index].GetProperty("resource").GetProperty("id").GetString()!;
    }

    /// <summary>The slots of a half-day clinic of that schedule: the first one from tomorrow on with a free slot, or the one given.</summary>
    private async Task<(DateOnly Date, string Period, List<(string Id, string Status)> Slots)> SessionAsync(
        string schedule, DateOnly? date = null, string? period = null)
    {
        if (date is null || period is null)
        {
            var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1);
            var (_, first) = await fixture.His.FhirAsync(HttpMethod.Get,
                $"Slot?schedule=Schedule/{schedule}&status=free&start=ge{tomorrow:yyyy-MM-dd}&_sort=start&_count=1");
            var start = first.GetProperty("entry")[0].GetProperty("resource").GetProperty("start").GetString()!;
            date = DateOnly.ParseExact(start[..10], "yyyy-MM-dd");
            period = string.CompareOrdinal(start[11..13], "13") < 0 ? "AM" : "PM";
        }
        var (from, to) = period == "AM" ? ("T00:00:00", "T13:00:00") : ("T13:00:00", "T23:59:59");
        var (_, page) = await fixture.His.FhirAsync(HttpMethod.Get,
            $"Slot?schedule=Schedule/{schedule}&start=ge{date:yyyy-MM-dd}{from}+08:00&start=lt{date:yyyy-MM-dd}{to}+08:00&_count=200");
        var slots = page.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("status").GetString()!)).ToList();
        Assert.NotEmpty(slots);
        return (date.Value, period, slots);
    }

    private async Task<string?> SlotStatusAsync(string slotId) =>
        (await fixture.His.FhirAsync(HttpMethod.Get, $"Slot/{slotId}")).Body.GetProperty("status").GetString();

    private static string Envelope(string type, object data, DateTimeOffset? occurredAt = null) => JsonSerializer.Serialize(new
    {
        id = Guid.NewGuid().ToString(), type, occurredAt = (occurredAt ?? DateTimeOffset.UtcNow).ToString("O"), source = "JCSY-HIS", data,
    });

    private static Task<HttpResponseMessage> PostPushAsync(HttpClient client, string body, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/his/pushes") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-His-Signature", PushSignature.Sign(secret, bytes));
        using var parsed = JsonDocument.Parse(body.StartsWith('{') ? body : "{}");
        if (parsed.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            request.Headers.Add("X-His-Delivery", id.GetString());
        return client.SendAsync(request);
    }
}
