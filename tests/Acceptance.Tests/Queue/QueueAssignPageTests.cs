using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Scheduling;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Queue;

/// <summary>门诊队列指派: staff hand another doctor's clinic to doctor01 (替诊) in the admin console, and from then on
/// doctor01's workstation may call it — the queue API refused it before.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QueueAssignPageTests
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };
    private readonly BrowserFixture browser;

    public QueueAssignPageTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R20")]
    public async Task Staff_hand_a_clinic_to_a_substitute_doctor_in_the_admin_console_and_the_substitute_may_call_it()
    {
        var clinic = await QueueStack.ClinicAsync("prac-030");
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        await clinic.BookAsync(family.SelfId, TimeSpan.FromMinutes(10));
        var staffToken = await StackTokens.StaffAsync();
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await SendAsync(clinic.DoctorToken, HttpMethod.Get, $"/api/queue/queues/{clinic.QueueId}")).StatusCode);
        var clinicians = await (await SendAsync(staffToken, HttpMethod.Get, "/api/identity/admin/clinicians?q=doctor01")).Content.ReadFromJsonAsync<JsonElement>();
        var name = clinicians.EnumerateArray().First(c => c.GetProperty("username").GetString() == "doctor01")
            .GetProperty("practitioner").GetProperty("name").GetString()!;

        await using var context = await browser.NewContextAsync(PatientSession.Desktop,
            new Dictionary<string, string> { ["platform.staff.token"] = staffToken });
        var page = await context.NewPageAsync();
        await page.RunAsync(async a =>
        {
            await a.GotoAsync("/admin/queues");
            await a.Locator($"[data-testid=queue-assign][data-id='{clinic.QueueId}']").ClickAsync();
            await a.GetByTestId("queue-assign-select").ClickAsync();
            await a.Keyboard.TypeAsync(name);
            await a.Locator(".el-select-dropdown__item:visible", new() { HasText = name }).First.ClickAsync();
            await a.GetByTestId("queue-assign-save").ClickAsync();
            var assigned = a.Locator($"[data-testid=queue-assigned][data-id='{clinic.QueueId}']");
            await Expect(assigned).ToHaveAttributeAsync("data-practitioner", QueueStack.DoctorPractitionerId);
            await Expect(assigned).ToContainTextAsync(name);
        }, "R20_queue_assign");

        // The substitute's desk now opens it (it was refused above) and lists it among their own clinics.
        var desk = await SendAsync(clinic.DoctorToken, HttpMethod.Get, $"/api/queue/queues/{clinic.QueueId}");
        Assert.True(desk.IsSuccessStatusCode, $"the substitute's desk: {(int)desk.StatusCode} {await desk.Content.ReadAsStringAsync()}");
        var mine = await (await SendAsync(clinic.DoctorToken, HttpMethod.Get, "/api/queue/queues?mine=true")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(mine.EnumerateArray(), q => q.GetProperty("id").GetGuid() == clinic.QueueId);
    }

    private static async Task<HttpResponseMessage> SendAsync(string token, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }
}
