using Acceptance.Tests.Identity;

namespace Acceptance.Tests.ElderMode;

/// <summary>Every patient page in elder mode: body text ≥ 18 px, touch targets ≥ 44 px, no serious or critical axe-core
/// violation. A new page is one more InlineData line (the test id of something that shows once its data is in).
/// The booking steps and an appointment's page need stack data and are checked in Scheduling/BookingTests; the offer
/// card (/offers/:id, on an appointment and on 我的预约) and a waitlist with places in it in Scheduling/OfferTests.</summary>
[Collection(PagesCollection.Name)]
public sealed class ElderModeAccessibilityTests(BrowserFixture browser)
{
    public const string DepartmentDetail = "/departments/{department}";
    public const string DoctorDetail = "/doctors/{doctor}";

    [Theory]
    [Trait("Rubric", "X06")]
    [InlineData("/", "scene-basic", false)]
    [InlineData("/departments", "dept-item", false)]
    [InlineData(DepartmentDetail, "dept-detail", false)]
    [InlineData("/hospital", "hospital-profile", false)]
    [InlineData("/doctors", "doctor-list", false)]
    [InlineData(DoctorDetail, "doctor-detail", false)]
    [InlineData("/guide", null, false)]
    [InlineData("/booking-notice", null, false)]
    [InlineData("/navigation?to=main-yjl-2-blood", "place-info", false)]
    [InlineData("/education", "edu-item", false)]
    [InlineData("/mine", "elder-mode-switch", false)]
    [InlineData("/mine", "account-username", true)]
    [InlineData("/account", "login-submit", false)]
    [InlineData("/register", null, false)]
    [InlineData("/account/reset-password", null, false)]
    [InlineData("/patients", null, true)]
    [InlineData("/patients/add", null, true)]
    [InlineData("/mine/security", null, true)]
    [InlineData("/mine/security/password", null, true)]
    [InlineData("/mine/agreements", null, true)]
    [InlineData("/mine/notifications", null, true)]
    [InlineData("/mine/close", null, true)]
    [InlineData("/messages", null, false)]
    [InlineData("/triage", "triage-who", false)]
    [InlineData("/triage", "triage-who", true)]
    [InlineData("/booking", "agreement-gate-booking", true)]
    [InlineData("/appointments", "appointments-empty", true)]
    [InlineData("/waitlist", "waitlist-empty", true)]
    [InlineData("/exams", "exams-no-patients", true)]
    [InlineData("/payment", "bills-no-patients", true)]
    [InlineData("/fees", "fees-no-patients", true)]
    [InlineData("/reports", "reports-no-patients", true)]
    [InlineData("/consultation", null, true)]
    [InlineData("/consultation?tab=mine", null, true)]
    [InlineData("/convenience", "cv-item", true)]
    [InlineData("/convenience/home-care", "hc-no-patients", true)]
    [InlineData("/chronic", "ch-no-patients", true)]
    public async Task The_page_is_elder_friendly_in_elder_mode(string path, string? readyTestId, bool signedIn)
    {
        if (path == DepartmentDetail) path = $"/departments/{await ElderModePages.AnyDepartmentIdAsync()}";
        if (path == DoctorDetail) path = $"/doctors/{await ElderModePages.AnyDoctorIdAsync()}";
        await using var context = signedIn ? await SignedInWithElderModeAsync() : await browser.NewContextAsync(localStorage:
            new Dictionary<string, string> { [ElderModePages.DeviceKey] = "on" });
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.OpenInElderModeAsync(path, readyTestId);
            await Accessibility.AssertElderFriendlyAsync(p);
        }, $"ElderMode_{path.Trim('/').Replace('/', '_')}_{(signedIn ? "signed_in" : "guest")}");
    }

    // Elder mode comes from the account only: the device has no setting of its own.
    private async Task<Microsoft.Playwright.IBrowserContext> SignedInWithElderModeAsync()
    {
        var account = await IdentityApi.RegisterAsync();
        await ElderModePages.SetAccountElderModeAsync(account, true);
        return await browser.SignedInContextAsync(account);
    }
}
