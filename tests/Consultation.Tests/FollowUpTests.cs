using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.API.Application;
using Platform.Contracts.Consultation;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Consultation.Tests;

/// <summary>X01 互联网复诊: only for a diagnosis made in the same department within 12 months, never a first visit, an
/// emergency or an excluded group; e-prescriptions refuse drugs never prescribed online and wait for a pharmacist.</summary>
public sealed class FollowUpTests(ConsultationFixture f) : IClassFixture<ConsultationFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static HisEncounter Visit(string department, string diagnosis, int daysAgo, string @class = "AMB") => new(
        $"enc-{Guid.NewGuid():N}", @class, "普通门诊", "finished", DateTimeOffset.UtcNow.AddDays(-daysAgo), DateTimeOffset.UtcNow.AddDays(-daysAgo),
        department, "王建国", ConsultationFixture.Doctor, "头晕", diagnosis, department, null);

    private static object Ask(Guid patient, bool urgent = false) =>
        new { patientId = patient, practitionerId = ConsultationFixture.Doctor, kind = "followup", complaint = "高血压复诊，想续开降压药", urgent };

    private static async Task<string> RefusalOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("followup_ineligible", problem.GetProperty("code").GetString());
        return problem.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_first_visit_an_old_or_other_department_diagnosis_an_emergency_a_child_or_an_excluded_condition_is_refused_with_the_reason()
    {
        var (firstTimer, firstClient) = f.NewPatient();
        Assert.Contains("首诊", await RefusalOf(await firstClient.PostAsJsonAsync("/api/consultation/consultations", Ask(firstTimer))));
        var verdict = await (await firstClient.PostAsJsonAsync("/api/consultation/followups/eligibility",
            new { patientId = firstTimer, practitionerId = ConsultationFixture.Doctor })).Content.ReadFromJsonAsync<EligibilityVerdict>();
        Assert.False(verdict!.Eligible);

        var (old, oldClient) = f.NewPatient();
        f.Encounters[old] = [Visit(ConsultationFixture.DepartmentName, "原发性高血压", 400), Visit("消化内科", "慢性胃炎", 30)];
        Assert.Contains("12个月", await RefusalOf(await oldClient.PostAsJsonAsync("/api/consultation/consultations", Ask(old))));

        var (emergency, emergencyClient) = f.NewPatient();
        f.Encounters[emergency] = [Visit(ConsultationFixture.DepartmentName, "原发性高血压", 30, "EMER")];
        await RefusalOf(await emergencyClient.PostAsJsonAsync("/api/consultation/consultations", Ask(emergency)));

        var (urgent, urgentClient) = f.NewPatient();
        f.Encounters[urgent] = [Visit(ConsultationFixture.DepartmentName, "原发性高血压", 30)];
        Assert.Contains("急诊", await RefusalOf(await urgentClient.PostAsJsonAsync("/api/consultation/consultations", Ask(urgent, urgent: true))));

        var (child, childClient) = f.NewPatient(age: 12);
        f.Encounters[child] = [Visit(ConsultationFixture.DepartmentName, "原发性高血压", 30)];
        Assert.Contains("18岁以下", await RefusalOf(await childClient.PostAsJsonAsync("/api/consultation/consultations", Ask(child))));

        var (pregnant, pregnantClient) = f.NewPatient();
        f.Encounters[pregnant] = [Visit(ConsultationFixture.DepartmentName, "妊娠期高血压", 30)];
        Assert.Contains("妊娠期高血压", await RefusalOf(await pregnantClient.PostAsJsonAsync("/api/consultation/consultations", Ask(pregnant))));

        Assert.DoesNotContain(f.Published.Of<PaymentRequestedIntegrationEvent>(), e => new[] { firstTimer, old, emergency, urgent, child, pregnant }.Contains(e.PatientId));
    }

    [Fact]
    public async Task An_eligible_follow_up_gets_an_e_prescription_that_refuses_controlled_drugs_and_waits_for_the_pharmacist()
    {
        var (patient, client) = f.NewPatient();
        f.Encounters[patient] = [Visit(ConsultationFixture.DepartmentName, "原发性高血压", 60)];
        var created = await client.PostAsJsonAsync("/api/consultation/consultations", Ask(patient));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var consultation = (await created.Content.ReadFromJsonAsync<ConsultationDto>())!;
        Assert.Equal(("followup", "原发性高血压", 3000L), (consultation.Kind, consultation.PriorDiagnosis, consultation.FeeFen));
        await f.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Consultation, consultation.Id, 3000, "互联网复诊",
            DateTimeOffset.UtcNow));
        await Eventually.Until(() => client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{consultation.Id}"),
            c => c!.Status == "waiting", Wait, "paid");

        var doctor = f.DoctorClient();
        var url = $"/api/consultation/consultations/{consultation.Id}/prescriptions";
        var morphine = await doctor.PostAsJsonAsync(url, new
        {
            diagnosis = "原发性高血压",
            items = new[]
            {
                new { drugCode = "YP2504", dose = 30m, unit = "mg", timesPerDay = 2, days = 7, route = "口服" },
                new { drugCode = "YP2701", dose = 1m, unit = "mg", timesPerDay = 1, days = 7, route = "口服" },
                new { drugCode = "YP2101", dose = 2.5m, unit = "mg", timesPerDay = 1, days = 7, route = "口服" },
            },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, morphine.StatusCode);
        var problem = await morphine.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("drug_not_allowed_online", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("麻醉药品", detail);
        Assert.Contains("精神药品", detail);
        Assert.Contains("高警示", detail);
        Assert.Empty((await client.GetFromJsonAsync<List<PrescriptionDto>>(url))!);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(url, new { diagnosis = "x", items = Array.Empty<object>() })).StatusCode);
        var written = await doctor.PostAsJsonAsync(url, new
        {
            diagnosis = "原发性高血压",
            items = new[] { new { drugCode = "YP0101", dose = 5m, unit = "mg", timesPerDay = 1, days = 28, route = "口服" } },
        });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        var prescription = (await written.Content.ReadFromJsonAsync<PrescriptionDto>())!;
        Assert.Equal("pending-review", prescription.Status);
        Assert.Equal("苯磺酸氨氯地平片", prescription.Items.Single().DrugName);

        var pharmacist = f.PharmacistClient();
        Assert.Contains((await pharmacist.GetFromJsonAsync<List<PrescriptionDto>>("/api/consultation/pharmacist/prescriptions"))!,
            p => p.Id == prescription.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.PostAsync($"/api/consultation/pharmacist/prescriptions/{prescription.Id}/approve", null)).StatusCode);
        Assert.DoesNotContain(f.Published.Of<EPrescriptionReleasedIntegrationEvent>(), e => e.PrescriptionId == prescription.Id);
        var approved = await pharmacist.PostAsJsonAsync($"/api/consultation/pharmacist/prescriptions/{prescription.Id}/approve", new { note = "用法用量适宜" });
        approved.EnsureSuccessStatusCode();
        var released = await f.Published.UntilAsync<EPrescriptionReleasedIntegrationEvent>(e => e.PrescriptionId == prescription.Id, Wait);
        Assert.Equal(("YP0101", patient), (released.Lines.Single().DrugCode, released.PatientId));
        Assert.Equal(HttpStatusCode.Conflict,
            (await pharmacist.PostAsync($"/api/consultation/pharmacist/prescriptions/{prescription.Id}/approve", null)).StatusCode);
        Assert.Equal("approved", (await client.GetFromJsonAsync<List<PrescriptionDto>>(url))!.Single().Status);
    }

    [Fact]
    public async Task A_text_consultation_cannot_carry_a_prescription()
    {
        var (patient, client) = f.NewPatient();
        var consultation = (await (await client.PostAsJsonAsync("/api/consultation/consultations",
            new { patientId = patient, practitionerId = ConsultationFixture.Doctor, kind = "text", complaint = "咨询体检报告结果" }))
            .Content.ReadFromJsonAsync<ConsultationDto>())!;
        await f.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, OrderKinds.Consultation, consultation.Id, 2000, "图文咨询",
            DateTimeOffset.UtcNow));
        await Eventually.Until(() => client.GetFromJsonAsync<ConsultationDto>($"/api/consultation/consultations/{consultation.Id}"),
            c => c!.Status == "waiting", Wait, "paid");
        var refused = await f.DoctorClient().PostAsJsonAsync($"/api/consultation/consultations/{consultation.Id}/prescriptions", new
        {
            diagnosis = "原发性高血压", items = new[] { new { drugCode = "YP0101", dose = 5m, unit = "mg", timesPerDay = 1, days = 7, route = "口服" } },
        });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }
}
