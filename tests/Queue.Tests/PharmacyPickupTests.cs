using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.His;
using Platform.Contracts.Identity;
using Platform.Contracts.Pharmacy;
using Platform.Contracts.Queue;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging.Inbox;
using Platform.Testing;

namespace Queue.Tests;

/// <summary>取药: a dispensed prescription gets one pick-up number at the pharmacy window, with medication guidance (R19);
/// pharmacists call the window; the public page shows the numbers called, never who.</summary>
public sealed class PharmacyPickupTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    [Fact]
    public async Task A_dispensed_prescription_gets_one_pick_up_number_with_guidance_and_the_pharmacist_calls_it()
    {
        var (account, patient) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.PublishAsync(new PatientRegisteredIntegrationEvent(patient, account));
        var encounter = $"enc-{Guid.NewGuid():N}"[..16];
        var now = fixture.Clock.GetUtcNow();
        var synced = new HisMedicationsSyncedIntegrationEvent(patient, new HisMedicationContext(40, "male", false, null, [], []),
        [
            Line("rx-1", encounter, "阿莫西林胶囊", "每次0.5g，每日3次，饭后服用", "completed", now.AddMinutes(-5)),
            Line("rx-2", encounter, "布洛芬缓释胶囊", "每次0.3g，必要时服用", "completed", now.AddMinutes(-4)),
            // Not yet dispensed, and an old one: no number for either.
            Line("rx-3", "enc-other", "维生素C片", "每次1片，每日1次", null, null),
            Line("rx-4", "enc-old", "奥美拉唑肠溶胶囊", "每次20mg，每日1次", "completed", now.AddDays(-3)),
        ]);
        await fixture.PublishAsync(synced);
        var guidance = await fixture.Published.UntilAsync<MedicationGuidanceIntegrationEvent>(e => e.PatientId == patient);
        Assert.Equal(new[] { "阿莫西林胶囊", "布洛芬缓释胶囊" }.Order(), guidance.Lines.Select(l => l.DrugName).Order());
        Assert.Contains(guidance.Lines, l => l.DosageText.Contains("饭后"));

        // The HIS repeats itself (another change of the patient's record): still one number.
        var repeat = Guid.NewGuid();
        await fixture.PublishAsync(synced with { Id = Guid.CreateVersion7() }, repeat);
        await Eventually.Until(() => fixture.QueryAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == repeat)), done => done,
            TimeSpan.FromSeconds(30), "the repeated sync consumed");
        var client = fixture.PatientClient(account);
        var mine = (await client.GetFromJsonAsync<JsonElement>("/api/queue/me")).EnumerateArray().ToList();
        var ticket = Assert.Single(mine);
        Assert.Equal("pharmacy", ticket.GetProperty("kind").GetString());
        Assert.Equal(guidance.PickupNumber, ticket.GetProperty("number").GetInt32());

        // Pharmacy itself reports another prescription ready at a named window.
        await fixture.PublishAsync(new MedicineReadyForPickupIntegrationEvent(patient, "RX-PHARMACY-9", "西药房3号窗口", now));
        await Eventually.Until(async () => (await client.GetFromJsonAsync<JsonElement>("/api/queue/me")).GetArrayLength(), n => n == 2,
            TimeSpan.FromSeconds(30), "the second pick-up number");
        Assert.Single(fixture.Published.Of<MedicationGuidanceIntegrationEvent>(), e => e.PatientId == patient);

        var pharmacist = fixture.PharmacistClient();
        var windows = await pharmacist.GetFromJsonAsync<JsonElement>("/api/queue/queues?kind=pharmacy");
        var window = windows.EnumerateArray().Single(q => q.GetProperty("id").GetGuid() == ticket.GetProperty("queueId").GetGuid());
        var queueId = window.GetProperty("id").GetGuid();
        var called = await pharmacist.PostAsync($"/api/queue/queues/{queueId}/call-next", null);
        Assert.True(called.IsSuccessStatusCode, await called.Content.ReadAsStringAsync());
        await fixture.Published.UntilAsync<QueueCalledIntegrationEvent>(e => e.PatientId == patient && e.Number == guidance.PickupNumber);

        // A doctor does not run a pharmacy window.
        await ExamQueueTests.AssertRefusedAsync(await fixture.DoctorClient("prac-x").PostAsync($"/api/queue/queues/{queueId}/recall", null),
            "queue_staff_only");

        var overview = await fixture.Service.CreateClient().GetFromJsonAsync<JsonElement>("/api/queue/public/overview");
        var shown = overview.GetProperty("pharmacy").EnumerateArray().Single(w => w.GetProperty("location").GetString() == guidance.Window);
        Assert.Equal(guidance.PickupNumber, shown.GetProperty("callingNumber").GetInt32());
        Assert.Contains(guidance.PickupNumber, shown.GetProperty("recentlyCalled").EnumerateArray().Select(n => n.GetInt32()));
        Assert.DoesNotContain(patient.ToString(), overview.GetRawText());
    }

    private static HisPrescriptionLine Line(string id, string encounter, string drug, string dosage, string? dispense, DateTimeOffset? at) =>
        new(id + Guid.NewGuid().ToString("N")[..6], "outpatient", encounter, "YP0101", drug, null, "g", 3, false, "口服", dosage, 7, "1盒",
            "王医生", at?.AddHours(-1), "active", dispense, at);
}
