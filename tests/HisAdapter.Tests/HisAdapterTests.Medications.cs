using System.Net;
using HisAdapter.API.Application.Sync;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace HisAdapter.Tests;

/// <summary>处方 (R31, R32, R34): a linked patient's prescriptions, dispenses and allergies reach the platform as one
/// snapshot, again whenever one of them changes at the HIS, and never twice for the same content.</summary>
public sealed partial class HisAdapterTests
{
    [Fact]
    [Trait("Rubric", "R31")]
    public async Task A_linked_patient_gets_their_prescriptions_with_allergies_and_a_new_prescription_follows()
    {
        var patientId = await LinkHisPatientAsync("pat-0151");
        await Eventually.Until(() => fixture.EventsAsync("HisMedicationsSyncedIntegrationEvent", patientId.ToString(), "mr-0151-amx", "青霉素类",
            "\"category\": \"discharge\"", "\"timesPerDay\": 3"), n => n == 1, Wait, "张三's medication snapshot");

        var created = await fixture.His.FhirAsync(HttpMethod.Post, "MedicationRequest", $$"""
            { "resourceType": "MedicationRequest", "status": "active", "intent": "order",
              "medicationCodeableConcept": { "coding": [{ "system": "http://his.jcsy.example/CodeSystem/drug", "code": "YP0101" }], "text": "苯磺酸氨氯地平片" },
              "subject": { "reference": "Patient/pat-0151" }, "authoredOn": "{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssK}}" }
            """);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        await Eventually.Until(() => fixture.EventsAsync("HisMedicationsSyncedIntegrationEvent", patientId.ToString(), "苯磺酸氨氯地平片"),
            n => n == 1, Wait, "the snapshot with the new prescription");
        Assert.Equal(2, await fixture.EventsAsync("HisMedicationsSyncedIntegrationEvent", patientId.ToString()));
    }

    [Fact]
    [Trait("Rubric", "R31")]
    public async Task A_restarted_adapter_reads_only_changed_medications_not_every_linked_patient_again()
    {
        // A patient no other test writes to: an incremental round re-reads only patients whose data changed.
        var patientId = await LinkHisPatientAsync("pat-0120");
        await Eventually.Until(() => fixture.EventsAsync("HisMedicationsSyncedIntegrationEvent", patientId.ToString()),
            n => n == 1, Wait, "the snapshot taken at linking");

        await fixture.His.SimAsync("requests"); // count from here
        // What the adapter's start runs: the full sync of departments, doctors, slots and orders.
        await using (var scope = fixture.Service.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSync>().RunAsync(full: true, CancellationToken.None);

        var served = await fixture.His.SimGetAsync("requests");
        Assert.True(served.TryGetProperty("GET Slot", out _), $"the full sync read the slots: {served}");
        // A snapshot reads the patient's conditions and observations; nothing of this patient's changed, so neither was read.
        Assert.False(served.TryGetProperty("GET Condition Patient/pat-0120", out _), $"the linked patient's medications were read again: {served}");
        Assert.False(served.TryGetProperty("GET Observation Patient/pat-0120", out _), $"the linked patient's medications were read again: {served}");
        Assert.Equal(1, await fixture.EventsAsync("HisMedicationsSyncedIntegrationEvent", patientId.ToString()));
    }
}
