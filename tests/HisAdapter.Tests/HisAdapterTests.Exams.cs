using System.Net;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Contracts.Identity;
using Platform.ServiceDefaults.Patients;
using Platform.Testing;

namespace HisAdapter.Tests;

/// <summary>检查检验集中预约 (R16): exam rooms, orders and exam bookings between the HIS and the platform.</summary>
public sealed partial class HisAdapterTests
{
    [Fact]
    [Trait("Rubric", "R16")]
    public async Task Exam_rooms_are_published_as_exam_days_not_as_clinics_or_departments()
    {
        await Eventually.Until(() => fixture.EventsAsync("HisExamScheduleSlotsSyncedIntegrationEvent", "sch-exam-mri-1", "磁共振室", "\"serviceCode\": \"mri\""),
            n => n >= 2, Wait, "two days of the MRI room");
        Assert.True(await fixture.EventsAsync("HisExamScheduleSlotsSyncedIntegrationEvent", "sch-exam-blood-1", "slot-exam-blood-1-", "-4\"") >= 2);
        Assert.Equal(0, await fixture.EventsAsync("HisScheduleSlotsSyncedIntegrationEvent", "sch-exam-"));
        Assert.Equal(0, await fixture.EventsAsync("HisDepartmentSyncedIntegrationEvent", "hs-exam-"));
    }

    [Fact]
    [Trait("Rubric", "R16")]
    public async Task A_linked_patient_gets_their_open_orders_with_preparation_notes_and_a_closed_order_follows()
    {
        var patientId = await LinkHisPatientAsync("pat-0002");
        await Eventually.Until(() => fixture.EventsAsync("HisExamOrderSyncedIntegrationEvent", patientId.ToString()), n => n == 3, Wait,
            "pat-0002's three orders");
        Assert.Equal(1, await fixture.EventsAsync("HisExamOrderSyncedIntegrationEvent", patientId.ToString(), "MRI-LSPINE", "去除金属物品", "\"status\": \"active\""));
        Assert.Equal(1, await fixture.EventsAsync("HisExamOrderSyncedIntegrationEvent", patientId.ToString(), "US-THY", "\"fastingRequired\": false"));

        var (_, order) = await fixture.His.FhirAsync(HttpMethod.Get, "ServiceRequest/sr-0002-1");
        var revoked = order.GetRawText().Replace("\"status\":\"active\"", "\"status\":\"revoked\"");
        Assert.Equal(HttpStatusCode.OK, (await fixture.His.FhirAsync(HttpMethod.Put, "ServiceRequest/sr-0002-1", revoked)).Status);
        await Eventually.Until(() => fixture.EventsAsync("HisExamOrderSyncedIntegrationEvent", patientId.ToString(), "sr-0002-1", "revoked"),
            n => n == 1, Wait, "the revoked order");
        Assert.Equal(4, await fixture.EventsAsync("HisExamOrderSyncedIntegrationEvent", patientId.ToString()));
    }

    [Fact]
    [Trait("Rubric", "R16")]
    public async Task An_exam_booking_is_a_his_appointment_based_on_the_order_in_the_exam_room()
    {
        var patientId = await LinkSeededPatientAsync();
        await Eventually.Until(() => fixture.EventsAsync("HisExamOrderSyncedIntegrationEvent", patientId.ToString(), "GLU", "空腹8小时",
            "\"fastingRequired\": true"), n => n == 1, Wait, "pat-0001's fasting glucose order");
        var (_, page) = await fixture.His.FhirAsync(HttpMethod.Get, "Slot?status=free&schedule=Schedule/sch-exam-mri-1&_count=5");
        var slot = page.GetProperty("entry")[1].GetProperty("resource").GetProperty("id").GetString()!;
        var appointmentId = Guid.NewGuid();
        await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(appointmentId, patientId, slot, OrderHisId: "sr-0001-4"));

        await Eventually.Until(() => fixture.EventsAsync("HisAppointmentConfirmedIntegrationEvent", appointmentId.ToString()), n => n == 1, Wait,
            "the exam confirmation");
        var (_, booked) = await fixture.His.FhirAsync(HttpMethod.Get,
            $"Appointment?identifier=http://platform.jcsy.example/sid/appointment|{appointmentId}");
        var appointment = booked.GetProperty("entry")[0].GetProperty("resource");
        Assert.Equal("ServiceRequest/sr-0001-4", appointment.GetProperty("basedOn")[0].GetProperty("reference").GetString());
        Assert.Contains(appointment.GetProperty("participant").EnumerateArray(),
            p => p.GetProperty("actor").GetProperty("reference").GetString() == "Location/loc-exam-mri-1");
        Assert.Equal("检查预约", appointment.GetProperty("appointmentType").GetProperty("text").GetString());
        Assert.Equal("busy", await SlotStatusAsync(slot));
        await Referee.AssertValidAsync(appointment);

        // Another patient's order: the HIS refuses it, the slot stays free.
        var other = Guid.NewGuid();
        var freeSlot = page.GetProperty("entry")[2].GetProperty("resource").GetProperty("id").GetString()!;
        await fixture.PublishAsync(new HisAppointmentRequestedIntegrationEvent(other, patientId, freeSlot, OrderHisId: "sr-0003-1"));
        await Eventually.Until(() => fixture.EventsAsync("HisAppointmentRejectedIntegrationEvent", other.ToString()), n => n == 1, Wait,
            "the refusal");
        Assert.Equal("free", await SlotStatusAsync(freeSlot));
    }

    /// <summary>A platform patient that is the seeded HIS patient <paramref name="hisId"/> (same ID document).</summary>
    private async Task<Guid> LinkHisPatientAsync(string hisId)
    {
        var (_, patient) = await fixture.His.FhirAsync(HttpMethod.Get, $"Patient/{hisId}");
        var idNumber = patient.GetProperty("identifier").EnumerateArray()
            .First(i => i.GetProperty("system").GetString() == "urn:oid:2.16.156.10011.1.2").GetProperty("value").GetString()!;
        var patientId = Guid.NewGuid();
        var accountId = Guid.NewGuid();
        fixture.Identity.Put(new PatientDetails(patientId, accountId, patient.GetProperty("name")[0].GetProperty("text").GetString()!,
            patient.GetProperty("gender").GetString()!, DateOnly.Parse(patient.GetProperty("birthDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            "resident_id", idNumber, patient.GetProperty("telecom")[0].GetProperty("value").GetString() ?? ""));
        await fixture.PublishAsync(new PatientRegisteredIntegrationEvent(patientId, accountId));
        await Eventually.Until(() => fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM patient_links WHERE patient_id = '{patientId}' AND his_patient_id = '{hisId}'"), n => n == 1, Wait,
            "the patient link");
        return patientId;
    }
}
