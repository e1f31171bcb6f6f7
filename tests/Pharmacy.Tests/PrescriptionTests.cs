using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pharmacy.API.Infrastructure;
using Platform.Contracts.Pharmacy;
using Platform.Testing;

namespace Pharmacy.Tests;

/// <summary>R31 and R34: prescriptions from the HIS with their leaflets, only for the patient and authorised family, and
/// the medication-safety warnings raised once, sent to the phone and shown to the pharmacist.</summary>
public sealed class PrescriptionTests(PharmacyFixture f) : IClassFixture<PharmacyFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private async Task<JsonElement> PrescriptionsAsync(HttpClient client, Guid patientId, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patientId}/prescriptions{query}");

    private async Task<JsonElement> UntilPrescriptionsAsync(HttpClient client, Guid patientId, int count) =>
        await Eventually.Until(() => PrescriptionsAsync(client, patientId), p => p.GetArrayLength() == count, Wait, "prescriptions synced");

    [Fact]
    public async Task A_patient_and_an_authorised_family_member_see_the_prescriptions_with_their_leaflets_and_nobody_else_does()
    {
        var patient = Guid.NewGuid();
        await f.PublishAsync(His.Snapshot(patient, [],
            His.Line("mr-1", "YP0101", "苯磺酸氨氯地平片", 5, "mg", 1, days: 28),
            His.Line("mr-2", "YP9999", "院内制剂", 10, "mL", 3)));
        var self = f.PatientClient(Guid.NewGuid(), patient);
        var list = await UntilPrescriptionsAsync(self, patient, 2);
        var amlodipine = list.EnumerateArray().Single(p => p.GetProperty("hisId").GetString() == "mr-1");
        var leaflet = amlodipine.GetProperty("leaflet");
        Assert.Equal("心血管药", leaflet.GetProperty("drugClass").GetString());
        Assert.Contains("高血压", leaflet.GetProperty("indications").GetString());
        Assert.False(string.IsNullOrEmpty(leaflet.GetProperty("storage").GetString()));
        Assert.False(string.IsNullOrEmpty(leaflet.GetProperty("source").GetString()));
        Assert.Equal(["08:00"], amlodipine.GetProperty("schedule").EnumerateArray().Select(t => t.GetProperty("time").GetString()));
        // A drug the knowledge base does not know still shows, without a leaflet.
        Assert.Equal(JsonValueKind.Null, list.EnumerateArray().Single(p => p.GetProperty("hisId").GetString() == "mr-2").GetProperty("leaflet").ValueKind);

        var family = f.PatientClient(Guid.NewGuid(), Guid.NewGuid(), patient);
        Assert.Equal(2, (await PrescriptionsAsync(family, patient)).GetArrayLength());
        var stranger = f.PatientClient(Guid.NewGuid(), Guid.NewGuid());
        var refused = await stranger.GetAsync($"/api/pharmacy/patients/{patient}/prescriptions");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Anonymous().GetAsync($"/api/pharmacy/patients/{patient}/prescriptions")).StatusCode);

        await using var scope = f.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PharmacyDbContext>();
        Assert.True(await db.Audits.CountAsync(a => a.PatientId == patient && a.What == "prescriptions") >= 2);
        Assert.True(await db.Drugs.CountAsync() >= 60);
        Assert.True(await db.Drugs.Select(d => d.DrugClass).Distinct().CountAsync() >= 10);
    }

    [Fact]
    public async Task An_allergy_conflict_warns_the_patient_once_with_what_to_do_and_the_pharmacist_reviews_it()
    {
        var patient = Guid.NewGuid();
        var snapshot = His.Snapshot(patient, ["青霉素类"], His.Line("mr-amx", "YP1101", "阿莫西林胶囊", 0.5m, "g", 3));
        await f.PublishAsync(snapshot);
        var raised = await f.Published.UntilAsync<MedicationSafetyAlertRaisedIntegrationEvent>(e => e.PatientId == patient, Wait);
        Assert.Equal("allergy", raised.Kind);
        Assert.Equal("high", raised.Severity);
        Assert.Contains("阿莫西林胶囊", raised.DrugNames);

        var self = f.PatientClient(Guid.NewGuid(), patient);
        var alerts = await self.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/alerts");
        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Contains("青霉素", alert.GetProperty("detail").GetString());
        Assert.Contains("咨询药师", alert.GetProperty("advice").GetString());

        // The same snapshot again (a re-sync): nothing new.
        var again = snapshot with { Id = Guid.CreateVersion7() };
        using (var watch = new ConsumeWatch())
        {
            await f.PublishAsync(again);
            await watch.UntilFinishedAsync(again.Id, nameof(Pharmacy.API.Consumers.HisMedicationsSyncedConsumer), copies: 1);
        }
        var stillOne = await self.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/alerts");
        Assert.Single(stillOne.EnumerateArray());
        Assert.Single(f.Published.Of<MedicationSafetyAlertRaisedIntegrationEvent>(), e => e.PatientId == patient);

        var pharmacist = f.PharmacistClient();
        var queue = await pharmacist.GetFromJsonAsync<JsonElement>("/api/pharmacy/pharmacist/alerts?status=open");
        var mine = queue.EnumerateArray().Single(a => a.GetProperty("patientId").GetGuid() == patient);
        var reviewed = await pharmacist.PostAsJsonAsync($"/api/pharmacy/pharmacist/alerts/{mine.GetProperty("id").GetGuid()}/review",
            new { note = "已联系开方医生，改为阿奇霉素" });
        reviewed.EnsureSuccessStatusCode();
        var after = await self.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/alerts");
        Assert.Equal("reviewed", after[0].GetProperty("status").GetString());
        Assert.Equal("已联系开方医生，改为阿奇霉素", after[0].GetProperty("reviewNote").GetString());
        // A patient may not use the pharmacist's page.
        Assert.Equal(HttpStatusCode.Forbidden, (await self.GetAsync("/api/pharmacy/pharmacist/alerts")).StatusCode);
    }

    [Fact]
    public async Task Interactions_duplicate_therapy_and_an_overdose_are_each_found_and_an_ended_prescription_resolves_its_warning()
    {
        var patient = Guid.NewGuid();
        await f.PublishAsync(His.Snapshot(patient, [],
            His.Line("d1", "YP0301", "奥美拉唑肠溶胶囊", 20, "mg", 2, "discharge", 14),
            His.Line("d2", "YP0801", "氯吡格雷片", 75, "mg", 1, "discharge", 28),
            His.Line("n1", "YP2501", "布洛芬缓释胶囊", 0.3m, "g", 2),
            His.Line("n2", "YP2502", "双氯芬酸钠缓释片", 75, "mg", 1),
            His.Line("a1", "YP0102", "阿托伐他汀钙片", 40, "mg", 3)));
        var self = f.PatientClient(Guid.NewGuid(), patient);
        var alerts = await Eventually.Until(() => self.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/alerts"),
            a => a.GetArrayLength() >= 3, Wait, "alerts");
        var kinds = alerts.EnumerateArray().Select(a => a.GetProperty("kind").GetString()).Order().ToList();
        Assert.Equal(["dose", "duplicate", "interaction"], kinds);

        // Discharge medication with its dose schedule.
        var discharge = await PrescriptionsAsync(self, patient, "?category=discharge");
        Assert.Equal(2, discharge.GetArrayLength());
        var omeprazole = discharge.EnumerateArray().Single(p => p.GetProperty("hisId").GetString() == "d1");
        Assert.Equal(["08:00", "20:00"], omeprazole.GetProperty("schedule").EnumerateArray().Select(t => t.GetProperty("time").GetString()));

        // The doctor stops the statin: its overdose warning resolves.
        await f.PublishAsync(His.Snapshot(patient, [],
            His.Line("a1", "YP0102", "阿托伐他汀钙片", 40, "mg", 3, status: "stopped")));
        await Eventually.Until(() => self.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/alerts"),
            a => a.EnumerateArray().All(x => x.GetProperty("kind").GetString() != "dose"), Wait, "dose warning resolved");
    }

    [Fact]
    public async Task A_dose_reminder_is_sent_when_the_dose_is_due()
    {
        var patient = Guid.NewGuid();
        await f.PublishAsync(His.Snapshot(patient, [], His.Line("r1", "YP0301", "奥美拉唑肠溶胶囊", 20, "mg", 2, "discharge", 14)));
        var self = f.PatientClient(Guid.NewGuid(), patient);
        var list = await UntilPrescriptionsAsync(self, patient, 1);
        var id = list[0].GetProperty("id").GetGuid();
        var set = await self.PutAsJsonAsync($"/api/pharmacy/patients/{patient}/prescriptions/{id}/reminder", new { enabled = true, times = new[] { "08:00", "20:00" } });
        set.EnsureSuccessStatusCode();
        var due = (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nextDueAt").GetDateTimeOffset();
        f.Clock.Advance(due - f.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        var reminded = await f.Published.UntilAsync<DoseReminderDueIntegrationEvent>(e => e.PatientId == patient, Wait);
        Assert.Equal("奥美拉唑肠溶胶囊", reminded.DrugName);
        Assert.Equal("20mg", reminded.Dose);
        var bad = await self.PutAsJsonAsync($"/api/pharmacy/patients/{patient}/prescriptions/{id}/reminder", new { enabled = true, times = new[] { "25:00" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
