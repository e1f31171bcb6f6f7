using System.Globalization;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Scheduling;

/// <summary>加诊 from the admin console: staff press Alt+N, pick a doctor who has no afternoon clinic that day, and the
/// HIS creates the session; its slots then reach patients through the normal sync, and a patient's open booking page shows
/// it without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AddSessionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly BrowserFixture browser;

    public AddSessionTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R14")]
    public async Task Staff_add_an_afternoon_clinic_with_the_keyboard_and_patients_can_book_its_slots()
    {
        var staffToken = await StackTokens.StaffAsync();
        var (departmentId, date, doctorId, doctorName) = await FreeAfternoonAsync(staffToken);

        // A patient is already looking at that department's day: the new session appears there without a reload.
        var family = await SchedulingStack.FamilyAsync();
        await using var patientContext = await browser.SignedInContextAsync(family.Account);
        var patientPage = await patientContext.NewPageAsync();
        var doctorSessions = patientPage.Locator($"[data-testid=session-item][data-doctor-id='{doctorId}']");
        var sessionsBefore = 0;
        await patientPage.RunAsync(async p =>
        {
            await p.GotoAsync($"/booking?departmentId={departmentId}&date={date}");
            await Expect(p.GetByTestId("session-list").Or(p.GetByTestId("sessions-empty"))).ToBeVisibleAsync();
            await Expect(p.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected");
            sessionsBefore = await doctorSessions.CountAsync();
        }, "AddSession_patient_before");

        await using var staffContext = await browser.NewContextAsync(PatientSession.Desktop,
            new Dictionary<string, string> { ["platform.staff.token"] = staffToken });
        var admin = await staffContext.NewPageAsync();
        await admin.RunAsync(async a =>
        {
            await a.GotoAsync($"/admin/schedules?date={date}&departmentId={departmentId}");
            await Expect(a.GetByTestId("admin-sched-add")).ToBeVisibleAsync();
            await a.Keyboard.PressAsync("Alt+KeyN");
            await Expect(a.GetByTestId("add-session-dialog")).ToBeVisibleAsync();
            await a.GetByTestId("add-session-doctor").ClickAsync();
            await a.Locator(".el-select-dropdown__item:visible", new() { HasText = doctorName }).First.ClickAsync();
            await a.GetByTestId("add-session-submit").ClickAsync();
            await Expect(a.GetByTestId("add-session-dialog")).ToBeHiddenAsync();
            await Expect(a.GetByTestId("admin-session-requests")).ToContainTextAsync(doctorName);
        }, "AddSession_admin");

        // The HIS accepts, the sync brings the session in, and its afternoon slots are bookable by anyone.
        var request = await Eventually.Until(async () =>
                (await IdentityApi.GetAsync(staffToken, $"/api/scheduling/admin/session-requests?date={date}")).EnumerateArray()
                .FirstOrDefault(r => r.GetProperty("doctorId").GetGuid() == doctorId),
            r => r.ValueKind == JsonValueKind.Object && r.GetProperty("sessionId").ValueKind == JsonValueKind.String, Wait,
            "the HIS creating the session and the sync bringing it in");
        Assert.Equal("created", request.GetProperty("status").GetString());
        var slots = await IdentityApi.GetAsync(staffToken, $"/api/scheduling/slots?departmentId={departmentId}&doctorId={doctorId}&date={date}");
        var afternoon = slots.EnumerateArray()
            .Where(s => s.GetProperty("startsAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Hour >= 14).ToList();
        Assert.NotEmpty(afternoon);
        Assert.All(afternoon, s => Assert.True(s.GetProperty("remaining").GetInt32() > 0));

        await patientPage.RunAsync(async p =>
        {
            await Expect(doctorSessions).ToHaveCountAsync(sessionsBefore + 1);
            await Expect(doctorSessions.Last).ToHaveAttributeAsync("data-status", "open");
        }, "AddSession_patient_live");

        await admin.RunAsync(async a =>
        {
            await Expect(a.Locator("[data-testid=session-request-status][data-status=created]")).Not.ToHaveCountAsync(0);
            await Expect(a.GetByTestId("admin-session").Filter(new() { HasText = doctorName })).Not.ToHaveCountAsync(0);
        }, "AddSession_admin_after");
    }

    /// <summary>A released day from tomorrow on, a department and one of its doctors without an afternoon session then.</summary>
    private static async Task<(Guid DepartmentId, string Date, Guid DoctorId, string DoctorName)> FreeAfternoonAsync(string staffToken)
    {
        var shanghaiToday = DateTime.UtcNow.AddHours(8).Date;
        var departments = await IdentityApi.GetAsync(staffToken, "/api/scheduling/departments");
        foreach (var offset in new[] { 2, 3, 4, 1 })
        {
            var date = shanghaiToday.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var department in departments.EnumerateArray().OrderBy(_ => Random.Shared.Next()))
            {
                var departmentId = department.GetProperty("id").GetGuid();
                var sessions = await IdentityApi.GetAsync(staffToken, $"/api/scheduling/admin/sessions?date={date}&departmentId={departmentId}");
                var busy = sessions.EnumerateArray().Where(s => s.GetProperty("period").GetString() == "PM")
                    .Select(s => s.GetProperty("doctorName").GetString()).ToHashSet();
                var doctors = await IdentityApi.GetAsync(staffToken, $"/api/scheduling/doctors?departmentId={departmentId}");
                var free = doctors.EnumerateArray().FirstOrDefault(d => !busy.Contains(d.GetProperty("name").GetString()));
                if (free.ValueKind == JsonValueKind.Object)
                    return (departmentId, date, free.GetProperty("id").GetGuid(), free.GetProperty("name").GetString()!);
            }
        }
        throw new InvalidOperationException("没有找到当天下午无出诊的医生");
    }
}
