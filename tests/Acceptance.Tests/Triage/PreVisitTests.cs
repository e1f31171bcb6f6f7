using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Notification;
using Acceptance.Tests.Scheduling;
using Microsoft.Playwright;
using Platform.Contracts.His;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Triage;

/// <summary>Before the visit: the patient fills in 健康档案 (R12); after booking the 诊前筛查 form arrives as a message and
/// tells them whether to come (X12); the doctor who sees them reads the 预问诊 summary beside the queue (X17).</summary>
[Collection(ServicesCollection.Name)]
public sealed class PreVisitTests
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };
    private readonly BrowserFixture browser;

    public PreVisitTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R12")]
    public async Task A_patient_enters_allergies_history_and_habits_and_finds_them_kept()
    {
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        await UntilLinkedAsync(family.Account.AccessToken, family.SelfId);
        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/");
            await p.GetByTestId("service-health-profile").ClickAsync();
            await Expect(p.GetByTestId("health-profile")).ToBeVisibleAsync();
            await p.GetByTestId("add-allergy").ClickAsync();
            await p.GetByTestId("allergy-substance").Locator("input").FillAsync("阿莫西林");
            await p.GetByLabel("过敏类别1").SelectOptionAsync("penicillins");
            await p.GetByTestId("add-history").ClickAsync();
            await p.GetByLabel("疾病/手术").FillAsync("高血压");
            await p.GetByTestId("smoking-former").ClickAsync();
            // Submitted from the keyboard: on this long form a tap at the button's centre races the scroll that brings it
            // into view (Chromium hit-tests the habits card above it mid-scroll).
            await p.GetByTestId("profile-save").FocusAsync();
            await p.Keyboard.PressAsync("Enter");
            await Expect(p.GetByText("已保存，医生就诊时可以看到")).ToBeVisibleAsync();

            await p.ReloadAsync();
            await Expect(p.GetByTestId("allergy-substance").Locator("input")).ToHaveValueAsync("阿莫西林");
            await Expect(p.GetByLabel("过敏类别1")).ToHaveValueAsync("penicillins");
            await Expect(p.GetByLabel("疾病/手术")).ToHaveValueAsync("高血压");
        }, "R12_health_profile");

        var saved = await SendAsync(family.Account.AccessToken, HttpMethod.Get, $"/api/triage/patients/{family.SelfId}/health-profile");
        Assert.Equal("former", saved.GetProperty("profile").GetProperty("behaviours").GetProperty("smoking").GetString());
        var stranger = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        using var refused = new HttpRequestMessage(HttpMethod.Get, $"/api/triage/patients/{family.SelfId}/health-profile");
        refused.Headers.Authorization = new AuthenticationHeaderValue("Bearer", stranger.Account.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.SendAsync(refused)).StatusCode);
    }

    [Fact]
    [Trait("Rubric", "X12")]
    public async Task After_booking_the_screening_form_arrives_and_a_fever_means_contact_the_clinic_first()
    {
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        await UntilLinkedAsync(family.Account.AccessToken, family.SelfId);
        await BookAsync(family.SelfId, DateTimeOffset.UtcNow.AddDays(1), practitionerHisId: null);

        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/messages");
            await Expect(p.GetByText("诊前筛查").First).ToBeVisibleAsync(new() { Timeout = 30000 });

            await p.GotoAsync("/screening");
            await p.GetByTestId("screening-item").First.ClickAsync();
            await Expect(p.GetByTestId("screening-form")).ToBeVisibleAsync();
            await p.GetByTestId("screening-submit").ClickAsync();
            await Expect(p.GetByTestId("screening-error")).ToContainTextAsync("请回答全部问题");
            foreach (var code in new[] { "respiratory", "travel", "contact", "cluster" }) await p.GetByTestId($"q-{code}-no").ClickAsync();
            await p.GetByTestId("q-fever-yes").ClickAsync();
            await p.GetByTestId("screening-temperature").Locator("input").FillAsync("38.2");
            await p.GetByTestId("screening-submit").ClickAsync();

            var result = p.GetByTestId("screening-result");
            await Expect(result).ToHaveAttributeAsync("data-outcome", "contact-clinic");
            await Expect(result).ToContainTextAsync("请先联系门诊");
            await Expect(result).ToContainTextAsync("发热门诊");
        }, "X12_screening");
    }

    [Fact]
    [Trait("Rubric", "X17")]
    public async Task The_doctor_who_sees_the_patient_reads_the_pre_consultation_summary_beside_the_queue()
    {
        var doctorToken = await StackTokens.StaffAsync("doctor01", "Doctor@2026", "doctor");
        var practitioner = Claim(doctorToken, "practitioner_id")
                           ?? throw new InvalidOperationException("doctor01's token carries no practitioner_id (Identity's practitioner link)");
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        var token = family.Account.AccessToken;
        await UntilLinkedAsync(token, family.SelfId);
        await SendAsync(token, HttpMethod.Put, $"/api/triage/patients/{family.SelfId}/health-profile", new
        {
            profile = new
            {
                sex = "M", birthDate = "1980-03-01", pregnant = false, symptoms = Array.Empty<object>(),
                history = new[] { new { name = "2型糖尿病", since = "3年", resolved = false } }, family = Array.Empty<object>(),
                allergies = new[] { new { substance = "阿莫西林", @class = "penicillins", reaction = "全身皮疹", severity = "moderate" } },
                behaviours = new { smoking = "daily", alcohol = (string?)null, exercise = (string?)null },
            },
        });
        const string complaint = "咳嗽一周，有黄痰，晚上低烧";
        await SendAsync(token, HttpMethod.Post, "/api/triage/assessments", new { bodyPart = "胸部", complaint, patientId = family.SelfId });
        var appointment = await BookAsync(family.SelfId, DateTimeOffset.UtcNow.AddMinutes(20), practitioner);
        await Eventually.Until(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/triage/pre-consultations/{appointment}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", doctorToken);
            return (await Http.SendAsync(request)).StatusCode;
        }, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the visit reached Triage");

        await using var desk = await browser.NewContextAsync(PatientSession.Desktop, new Dictionary<string, string> { ["platform.doctor.token"] = doctorToken });
        var page = await desk.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/doctor/queue");
            var summary = p.Locator($"[data-testid=pre-consultation][data-appointment='{appointment}']");
            await Expect(summary).ToBeVisibleAsync(new() { Timeout = 30000 });
            await Expect(summary).ToContainTextAsync("药物过敏");
            await summary.GetByRole(AriaRole.Button).First.ClickAsync();
            await Expect(summary.GetByTestId("pc-present")).ToContainTextAsync(complaint);
            await Expect(summary.GetByTestId("pc-allergies")).ToContainTextAsync("青霉素类：阿莫西林");
            await Expect(summary).ToContainTextAsync("2型糖尿病");
            await Expect(summary).ToContainTextAsync("每天吸烟");
        }, "X17_pre_consultation");

    }

    /// <summary>Triage learns of a new 就诊人 from Identity's event; the registration token does not name them yet.</summary>
    private static Task UntilLinkedAsync(string token, Guid patientId) =>
        Eventually.Until(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/triage/patients/{patientId}/health-profile");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await Http.SendAsync(request)).StatusCode;
        }, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "Triage knows the account's patient");

    /// <summary>A booked visit as Scheduling announces it on the stack's broker.</summary>
    private static async Task<Guid> BookAsync(Guid patientId, DateTimeOffset startsAt, string? practitionerHisId)
    {
        var appointmentId = Guid.CreateVersion7();
        await StackBroker.PublishAsync("Platform.Contracts.Scheduling", "AppointmentBookedIntegrationEvent", Guid.NewGuid(), new
        {
            appointmentId, patientId, departmentName = "呼吸内科", doctorName = "验收医生", location = $"门诊楼3层验收{Random.Shared.Next(100000, 999999)}诊室",
            startsAt, endsAt = startsAt.AddMinutes(15), confirmedByHis = true, practitionerHisId,
        });
        return appointmentId;
    }

    private static async Task<JsonElement> SendAsync(string token, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string? Claim(string accessToken, string name)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
