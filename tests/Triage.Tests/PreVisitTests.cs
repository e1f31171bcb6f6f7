using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Consultation;
using Platform.Contracts.His;
using Platform.Contracts.Identity;
using Platform.Contracts.Scheduling;
using Platform.Contracts.Triage;
using Platform.Testing;
using Triage.API.Application;
using Triage.API.Application.PreVisit;
using Triage.API.Domain.PreVisit;
using Triage.API.Infrastructure;

namespace Triage.Tests;

/// <summary>Before the visit: the health profile (R12), the screening form after booking (X12) and the doctor's
/// pre-consultation summary (X17), with the refusals that keep one patient's data from everyone else.</summary>
public sealed class PreVisitTests(TriageFixture fixture) : IClassFixture<TriageFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private static HealthProfileData Profile(bool pregnant = false) => new("F", new DateOnly(1996, 5, 1), pregnant,
        [new SymptomEntry("下腹痛", "2天")],
        [new ConditionEntry("高血压", "5年", false)],
        [new FamilyHistoryEntry("FTH", "糖尿病")],
        [new AllergyEntry("阿莫西林", "penicillins", "全身皮疹", "moderate"), new AllergyEntry("复方新诺明", "sulfonamides", null, null)],
        new HealthBehaviours("never", "occasional", "sometimes"));

    private async Task<HealthProfileDto> SaveAsync(Guid patient, HealthProfileData data)
    {
        var response = await fixture.Patient(patient).PutAsJsonAsync($"/api/triage/patients/{patient}/health-profile", new HealthProfileInput(data, null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<HealthProfileDto>(Json))!;
    }

    private async Task<T> Db<T>(Func<TriageDbContext, Task<T>> read)
    {
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TriageDbContext>());
    }

    [Fact]
    public async Task The_profile_is_kept_per_patient_as_FHIR_and_refused_to_other_accounts()
    {
        Guid patient = Guid.NewGuid(), stranger = Guid.NewGuid();
        var saved = await SaveAsync(patient, Profile());
        Assert.Equal(1, saved.Version);
        Assert.Equal(30, saved.Age ?? 0, 2.0);

        var family = fixture.Patient(stranger, patient);
        var read = await family.GetFromJsonAsync<HealthProfileDto>($"/api/triage/patients/{patient}/health-profile", Json);
        Assert.Equal("penicillins", read!.Profile.Allergies[0].Class);

        var other = fixture.Patient(stranger);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/triage/patients/{patient}/health-profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/triage/patients/{patient}/health-profile",
            new HealthProfileInput(HealthProfileData.Empty(), null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/triage/patients/{patient}/health-profile/fhir")).StatusCode);

        var wrongClass = Profile() with { Allergies = [new AllergyEntry("某药", "no-such-class", null, null)] };
        var invalid = await fixture.Patient(patient).PutAsJsonAsync($"/api/triage/patients/{patient}/health-profile", new HealthProfileInput(wrongClass, 1));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var stale = await fixture.Patient(patient).PutAsJsonAsync($"/api/triage/patients/{patient}/health-profile", new HealthProfileInput(Profile(), 7));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var bundle = JsonDocument.Parse(await fixture.Integration().GetStringAsync($"/api/triage/patients/{patient}/health-profile/fhir")).RootElement;
        Assert.Equal("Bundle", bundle.GetProperty("resourceType").GetString());
        var types = bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString()).ToList();
        Assert.Equal(2, types.Count(t => t == "Condition"));
        Assert.Equal(2, types.Count(t => t == "AllergyIntolerance"));
        Assert.Single(types, "FamilyMemberHistory");
        Assert.Equal(3, types.Count(t => t == "Observation"));

        var allergies = await fixture.Integration().GetFromJsonAsync<PatientAllergiesDto>($"/api/triage/internal/patients/{patient}/allergies", Json);
        Assert.Equal(["penicillins", "sulfonamides"], allergies!.Allergies.Select(a => a.ClassCode));
        Assert.Equal("青霉素类", allergies.Allergies[0].ClassName);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Patient(patient).GetAsync($"/api/triage/internal/patients/{patient}/allergies")).StatusCode);

        var audited = await Db(db => db.AccessLog.Where(a => a.PatientId == patient).Select(a => a.ActorRole + ":" + a.What).ToListAsync());
        Assert.Contains("integration:allergies", audited);
        Assert.Contains("integration:health-profile-fhir", audited);
        Assert.Contains("patient:health-profile", audited);
    }

    [Fact]
    public async Task Booking_sends_the_screening_form_once_and_the_answers_say_whether_to_come()
    {
        Guid patient = Guid.NewGuid(), appointment = Guid.NewGuid();
        var booked = Booked(appointment, patient, "pr-screening", DateTimeOffset.UtcNow.AddDays(2));
        await fixture.PublishAsync(booked);
        var request = await fixture.Published.UntilAsync<PreVisitScreeningRequestedIntegrationEvent>(e => e.AppointmentId == appointment);
        Assert.Equal(patient, request.PatientId);
        await fixture.PublishAsync(booked with { Id = Guid.CreateVersion7(), StartsAt = booked.StartsAt.AddHours(1) });
        await Eventually.Until(() => Db(db => db.Appointments.Where(a => a.Id == appointment).Select(a => a.StartsAt).SingleAsync()),
            at => (at - booked.StartsAt).TotalMinutes > 59, what: "the re-booking moved the visit");

        var mine = await fixture.Patient(patient).GetFromJsonAsync<List<ScreeningDto>>("/api/triage/screenings", Json);
        var form = Assert.Single(mine!);
        Assert.Equal(request.ScreeningId, form.Id);
        Assert.False(form.Answered);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Patient(Guid.NewGuid()).GetAsync($"/api/triage/screenings/{form.Id}")).StatusCode);

        var partial = await fixture.Patient(patient).PostAsJsonAsync($"/api/triage/screenings/{form.Id}/answers",
            new ScreeningAnswersInput(new Dictionary<string, bool> { ["fever"] = false }, null));
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);

        var allNo = form.Questions.ToDictionary(q => q.Code, _ => false);
        var fine = await (await fixture.Patient(patient).PostAsJsonAsync($"/api/triage/screenings/{form.Id}/answers",
            new ScreeningAnswersInput(allNo, 36.6m))).Content.ReadFromJsonAsync<ScreeningDto>(Json);
        Assert.Equal(ScreeningOutcomes.MayCome, fine!.Outcome);

        var fever = await (await fixture.Patient(patient).PostAsJsonAsync($"/api/triage/screenings/{form.Id}/answers",
            new ScreeningAnswersInput(allNo, 38.2m))).Content.ReadFromJsonAsync<ScreeningDto>(Json);
        Assert.Equal(ScreeningOutcomes.ContactClinic, fever!.Outcome);
        Assert.Contains("先致电门诊", fever.Advice);
        Assert.Contains(fixture.Hospital.Named("呼吸内科").Phone, fever.Advice);
    }

    [Fact]
    public async Task The_doctor_who_sees_the_patient_reads_the_summary_and_no_other_doctor_does()
    {
        Guid patient = Guid.NewGuid(), appointment = Guid.NewGuid();
        await SaveAsync(patient, Profile(pregnant: true));
        var answer = await (await fixture.Patient(patient).PostAsJsonAsync("/api/triage/assessments",
            new AssessmentRequest(null, null, "腹部", "肚子疼，还有点阴道出血", null, patient))).Content.ReadFromJsonAsync<AssessmentResponse>(Json);
        Assert.True(answer!.Emergency, "bleeding in a pregnancy the profile records is a danger sign");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Patient(Guid.NewGuid()).PostAsJsonAsync("/api/triage/assessments",
            new AssessmentRequest(null, null, "腹部", "肚子疼", null, patient))).StatusCode);

        var startsAt = DateTimeOffset.UtcNow.AddHours(2);
        await fixture.PublishAsync(Booked(appointment, patient, "pr-fck-1", startsAt));
        await fixture.Published.UntilAsync<PreVisitScreeningRequestedIntegrationEvent>(e => e.AppointmentId == appointment);

        var summary = await fixture.Doctor("pr-fck-1").GetFromJsonAsync<PreConsultationDto>($"/api/triage/pre-consultations/{appointment}", Json);
        Assert.Contains("腹痛", summary!.ChiefComplaint);
        Assert.True(summary.RedFlag);
        Assert.Contains("肚子疼，还有点阴道出血", summary.PresentIllness);
        Assert.Contains("目前是否怀孕或可能怀孕？ 是", summary.PresentIllness);
        Assert.Contains(summary.PastHistory, h => h.Contains("高血压"));
        Assert.Contains(summary.FamilyHistory, f => f == "父亲：糖尿病");
        Assert.Contains(summary.Allergies, a => a.StartsWith("青霉素类：阿莫西林"));
        Assert.True(summary.HasDrugAllergy);
        Assert.Equal("流行病学筛查：未填写", summary.Screening);

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startsAt, ChinaTime.Zone).DateTime);
        var list = await fixture.Doctor("pr-fck-1").GetFromJsonAsync<List<PreConsultationDto>>($"/api/triage/pre-consultations?date={day:yyyy-MM-dd}", Json);
        Assert.Contains(list!, s => s.AppointmentId == appointment);

        var other = await fixture.Doctor("pr-other").GetAsync($"/api/triage/pre-consultations/{appointment}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("no_care_relationship", await other.Content.ReadAsStringAsync());
        var unlinked = await fixture.Doctor(null).GetAsync($"/api/triage/pre-consultations/{appointment}");
        Assert.Equal(HttpStatusCode.Forbidden, unlinked.StatusCode);
        Assert.Contains("practitioner_required", await unlinked.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await fixture.Doctor("pr-other").GetFromJsonAsync<List<PreConsultationDto>>(
            $"/api/triage/pre-consultations?date={day:yyyy-MM-dd}", Json) ?? [], s => s.AppointmentId == appointment);

        var reads = await Db(db => db.AccessLog.Where(a => a.PatientId == patient && a.ActorRole == "doctor").ToListAsync());
        Assert.All(reads, r => Assert.Equal("pr-fck-1", r.PractitionerId));
        Assert.True(reads.Count >= 2);

        await fixture.PublishAsync(new AppointmentCancelledIntegrationEvent(appointment, patient, "妇产科", "张医生", startsAt, "患者取消"));
        await Eventually.Until(() => fixture.Doctor("pr-fck-1").GetAsync($"/api/triage/pre-consultations/{appointment}"),
            r => r.StatusCode == HttpStatusCode.Forbidden, what: "a cancelled visit ends the doctor's access");
    }

    [Fact]
    public async Task An_online_consultations_doctor_reads_the_summary_beside_the_chat_until_a_day_after_it_ends()
    {
        Guid patient = Guid.NewGuid(), consultation = Guid.CreateVersion7();
        await SaveAsync(patient, Profile());
        var path = $"/api/triage/pre-consultations/{consultation}";
        await fixture.PublishAsync(new ConsultationPaidIntegrationEvent(consultation, patient, "pr-online-1", "钱医生", "text", "心血管内科",
            DateTimeOffset.UtcNow.AddHours(48)));
        var summary = await Eventually.Until(() => fixture.Doctor("pr-online-1").GetAsync(path), r => r.StatusCode == HttpStatusCode.OK,
            what: "the consultation's care relationship");
        var dto = await summary.Content.ReadFromJsonAsync<PreConsultationDto>(Json);
        Assert.Contains(dto!.PastHistory, h => h.Contains("高血压"));
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Doctor("pr-other").GetAsync(path)).StatusCode);

        await fixture.PublishAsync(new ConsultationEndedIntegrationEvent(consultation, patient, "pr-online-1", "钱医生", "doctor",
            DateTimeOffset.UtcNow.AddDays(-2)));
        await Eventually.Until(() => fixture.Doctor("pr-online-1").GetAsync(path), r => r.StatusCode == HttpStatusCode.Forbidden,
            what: "the end of the access a day after the consultation ended");
    }

    [Fact]
    public async Task A_patient_added_after_sign_in_is_reachable_once_Identity_announces_them_and_not_after_removal()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await SaveAsync(patient, Profile());
        var client = fixture.Account(account);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/triage/patients/{patient}/health-profile")).StatusCode);

        await fixture.PublishAsync(new PatientRegisteredIntegrationEvent(patient, account));
        await Eventually.Until(() => client.GetAsync($"/api/triage/patients/{patient}/health-profile"),
            r => r.StatusCode == HttpStatusCode.OK, what: "the announced patient's profile");

        await fixture.PublishAsync(new PatientRemovedIntegrationEvent(patient, account));
        await Eventually.Until(() => client.GetAsync($"/api/triage/patients/{patient}/health-profile"),
            r => r.StatusCode == HttpStatusCode.Forbidden, what: "refused after removal");
    }

    private static AppointmentBookedIntegrationEvent Booked(Guid appointment, Guid patient, string practitioner, DateTimeOffset startsAt) =>
        new(appointment, patient, practitioner == "pr-screening" ? "呼吸内科" : "妇产科", "张医生", "门诊楼3楼", startsAt, startsAt.AddMinutes(15),
            true, practitioner);
}
