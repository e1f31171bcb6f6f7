using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Consultation;
using Platform.Testing;

namespace Pharmacy.Tests;

/// <summary>X01: an e-prescription a pharmacist approved in Consultation joins the patient's prescriptions (互联网处方),
/// ready to collect or deliver; the same release heard twice adds nothing.</summary>
public sealed class OnlinePrescriptionTests(PharmacyFixture f) : IClassFixture<PharmacyFixture>
{
    [Fact]
    public async Task An_approved_e_prescription_becomes_a_deliverable_prescription_once()
    {
        var patient = Guid.NewGuid();
        var released = new EPrescriptionReleasedIntegrationEvent(Guid.NewGuid(), Guid.NewGuid(), patient, "prac-1", "王建国", "原发性高血压",
            [new EPrescriptionLine("YP0101", "苯磺酸氨氯地平片", 5, "mg", 1, 28, "口服")], "李药师", DateTimeOffset.UtcNow);
        await f.PublishAsync(released);
        await f.PublishAsync(released with { Id = Guid.NewGuid() });
        var client = f.PatientClient(Guid.NewGuid(), patient);
        var list = await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/pharmacy/patients/{patient}/prescriptions"),
            p => p.GetArrayLength() > 0, TimeSpan.FromSeconds(20), "online prescription");
        var line = Assert.Single(list.EnumerateArray());
        Assert.Equal("互联网处方", line.GetProperty("categoryText").GetString());
        Assert.Equal("王建国", line.GetProperty("prescriber").GetString());
        Assert.True(line.GetProperty("deliverable").GetBoolean());
    }
}
