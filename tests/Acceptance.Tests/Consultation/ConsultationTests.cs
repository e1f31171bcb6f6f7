using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Payment;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Consultation;

/// <summary>在线咨询 with a patient (phone) and doctor01 (workstation) in two browser contexts: 图文咨询 paid through WeChat
/// Pay, messages and photos both ways arriving live, read receipts, a reload that loses nothing, and the doctor's summary
/// (B01); 互联网复诊 refused with the reason for a patient the hospital has not diagnosed, and for one it has, an
/// e-prescription that refuses a narcotic and is held until the pharmacist approves it (X01).</summary>
[Collection(ServicesCollection.Name)]
public sealed class ConsultationTests
{
    private readonly BrowserFixture browser;

    public ConsultationTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(30000);
    }

    private static async Task<byte[]> PhotoAsync(IPage page) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = 70 });

    [Fact]
    [Trait("Rubric", "B01")]
    public async Task A_patient_pays_for_a_text_consultation_and_chats_live_with_the_doctor_with_images_read_receipts_and_a_summary()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        await his.AddGlucoseReportAsync(hisPatient, 7.4m, daysAgo: 10);
        account = await ConsultationStack.FreshAsync(account);
        var doctor = await ConsultationStack.DoctorAsync(account.AccessToken);
        var complaint = $"血压偏高头晕一周，验收{Guid.NewGuid().ToString("N")[..6]}";

        await using var patientContext = await browser.SignedInContextAsync(account);
        await using var deskContext = await browser.NewContextAsync(PatientSession.Desktop,
            new Dictionary<string, string> { ["platform.doctor.token"] = doctor.Token });
        var p = await patientContext.NewPageAsync();
        var desk = await deskContext.NewPageAsync();
        await p.RunAsync(async p =>
        {
            await p.GotoAsync("/consultation");
            var card = p.Locator($"[data-testid=consult-doctor][data-id='{doctor.PractitionerId}']");
            await card.GetByTestId("consult-ask").ClickAsync();
            await Expect(p.GetByTestId("consult-fee")).ToHaveTextAsync("¥20.00");
            await p.Locator($"[data-testid=consult-patient][data-id='{patientId}']").ClickAsync();
            await p.GetByTestId("consult-complaint").Locator("textarea").FillAsync(complaint);
            await p.GetByTestId("consult-photo-input").SetInputFilesAsync(new FilePayload { Name = "血压记录.jpg", MimeType = "image/jpeg", Buffer = await PhotoAsync(p) });
            await Expect(p.GetByTestId("consult-photo")).ToHaveCountAsync(1);
            await p.GetByTestId("consult-submit").ClickAsync();
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/consultation/[0-9a-f-]{36}$"));
            var consultationId = p.Url.Split("/consultation/")[1];
            await Expect(p.GetByTestId("consult-status")).ToHaveAttributeAsync("data-status", "awaiting-payment");
            await WeChatPaySimulator.PayOnPageAsync(p);
            await Expect(p.GetByTestId("consult-status")).ToHaveAttributeAsync("data-status", "waiting", new() { Timeout = 60000 });

            // The doctor's queue has it, with the patient's description and photo beside the chat.
            await desk.RunAsync(async d =>
            {
                await d.GotoAsync("/doctor/consultation");
                await d.Locator($"[data-testid=queue-consultation][data-id='{consultationId}']").ClickAsync();
                await Expect(d.GetByTestId("summary-complaint")).ToHaveTextAsync(complaint);
                await Expect(d.GetByTestId("consultation-summary").Locator("..").Locator("img")).ToHaveCountAsync(1);

                // The paid consultation is the doctor's care relationship: the patient's 预问诊 and hospital reports sit
                // beside the chat, and the read lands in the patient's 谁查看了我的病历.
                await d.GetByRole(AriaRole.Tab, new() { Name = "病历资料" }).ClickAsync();
                await Expect(d.GetByTestId("consultation-previsit")).ToBeVisibleAsync();
                var glucose = d.GetByTestId("consultation-report-list").Locator("tr", new() { HasText = "血糖" });
                await Expect(glucose).ToHaveCountAsync(1);
                await glucose.ClickAsync();
                await Expect(d.GetByTestId("doctor-report-items")).ToContainTextAsync("7.4");
                await d.Keyboard.PressAsync("Escape");
                await Expect(d.GetByTestId("doctor-report")).ToHaveCountAsync(0);
            }, "B01_desk_queue");
            var accessLog = await ConsultationStack.AccessLogAsync(account.AccessToken, patientId);
            Assert.Contains(accessLog, e => e.GetProperty("role").GetString() == "doctor" && !e.GetProperty("refused").GetBoolean());

            // Patient → doctor, live.
            await p.GetByTestId("consult-input").FillAsync("医生您好，今早血压160/100");
            await p.GetByTestId("consult-send").ClickAsync();
            await Expect(desk.Locator("[data-testid=doctor-message][data-sender=patient]").Last).ToContainTextAsync("160/100");

            // Doctor → patient: a quick reply and an image, live on the phone.
            await desk.GetByTestId("quick-replies").ClickAsync();
            await desk.GetByText("请问目前在服用哪些药物？有无药物过敏史？").ClickAsync();
            await desk.GetByTestId("doctor-send").ClickAsync();
            await desk.GetByTestId("doctor-image-input").SetInputFilesAsync(new FilePayload { Name = "记录表.jpg", MimeType = "image/jpeg", Buffer = await PhotoAsync(desk) });
            var doctorImage = p.Locator("[data-testid=consult-message][data-sender=doctor] [data-testid=consult-message-image]");
            await Expect(doctorImage).ToHaveCountAsync(1);
            await Expect(p.Locator("[data-testid=consult-message][data-sender=doctor]").First).ToContainTextAsync("药物过敏史");
            await Eventually.Until(() => doctorImage.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0"), w => w > 0,
                TimeSpan.FromSeconds(30), "the doctor's image loaded on the phone");

            // The patient has read them: the doctor's last message reads 已读; the patient's own shows it too.
            await Expect(desk.GetByTestId("doctor-receipt").Last).ToHaveTextAsync("已读");
            await Expect(p.GetByTestId("consult-receipt").Last).ToHaveTextAsync("已读");

            // A reconnection (here a reload) loses nothing: the history comes from the API.
            var before = await p.GetByTestId("consult-message").CountAsync();
            await p.ReloadAsync();
            await Expect(p.GetByTestId("consult-message")).ToHaveCountAsync(before);

            await desk.GetByTestId("end-consultation").ClickAsync();
            await desk.GetByTestId("end-summary").FillAsync("高血压2级，低盐饮食，规律服用氨氯地平，两周后门诊复查");
            await desk.GetByTestId("end-confirm").ClickAsync();
            await Expect(p.GetByTestId("consult-status")).ToHaveAttributeAsync("data-status", "ended");
            await Expect(p.GetByTestId("consult-summary")).ToContainTextAsync("氨氯地平");
            await Expect(p.GetByTestId("consult-composer")).ToHaveCountAsync(0);
        }, "B01_chat");
    }

    [Fact]
    [Trait("Rubric", "X01")]
    public async Task A_follow_up_without_a_diagnosis_here_is_refused_with_the_reason_and_an_in_person_booking()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (_, patientId) = await his.AddNewPatientAsync(account);
        account = await ConsultationStack.FreshAsync(account);
        var doctor = await ConsultationStack.DoctorAsync(account.AccessToken);
        await ElderModePages.SetAccountElderModeAsync(account, true);

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.OpenInElderModeAsync("/consultation?tab=followup", "consult-doctor");
            await Expect(p.GetByTestId("followup-hint")).ToContainTextAsync("12个月");
            await p.Locator($"[data-testid=consult-doctor][data-id='{doctor.PractitionerId}']").GetByTestId("consult-ask").ClickAsync();
            await p.Locator($"[data-testid=consult-patient][data-id='{patientId}']").ClickAsync();
            var refused = p.GetByTestId("followup-refused");
            await Expect(refused).ToContainTextAsync("首诊请到医院就诊");
            await Expect(p.GetByTestId("consult-submit")).ToBeDisabledAsync();
            await Accessibility.AssertElderFriendlyAsync(p);
            await refused.GetByTestId("followup-book").ClickAsync();
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/booking"));
        }, "X01_refused");
    }

    [Fact]
    [Trait("Rubric", "X01")]
    public async Task An_eligible_follow_up_gets_an_e_prescription_that_refuses_a_narcotic_and_waits_for_the_pharmacist()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        account = await ConsultationStack.FreshAsync(account);
        var token = account.AccessToken;
        var doctor = await ConsultationStack.DoctorAsync(token);
        await ConsultationStack.AddVisitAsync(his, hisPatient, doctor.PractitionerId, doctor.DepartmentName, "原发性高血压", 40);
        await Eventually.Until(() => ConsultationStack.SendAsync(token, HttpMethod.Post, "/api/consultation/followups/eligibility",
                new { patientId, practitionerId = doctor.PractitionerId }),
            r => r.Status == System.Net.HttpStatusCode.OK && r.Body.GetProperty("eligible").GetBoolean(), ConsultationStack.Wait,
            "the HIS visit seen by the eligibility check");
        var diagnosis = $"原发性高血压（验收{Guid.NewGuid().ToString("N")[..6]}）";

        await using var patientContext = await browser.SignedInContextAsync(account);
        await using var deskContext = await browser.NewContextAsync(PatientSession.Desktop,
            new Dictionary<string, string> { ["platform.doctor.token"] = doctor.Token });
        var p = await patientContext.NewPageAsync();
        var desk = await deskContext.NewPageAsync();
        await p.RunAsync(async p =>
        {
            await p.GotoAsync($"/consultation/new?kind=followup&doctor={doctor.PractitionerId}&patientId={patientId}");
            await Expect(p.GetByTestId("followup-eligible")).ToContainTextAsync("原发性高血压");
            await p.GetByTestId("consult-complaint").Locator("textarea").FillAsync("高血压复诊，血压控制可，想续开降压药");
            await p.GetByTestId("consult-submit").ClickAsync();
            await Expect(p.GetByTestId("consult-status")).ToHaveAttributeAsync("data-status", "awaiting-payment");
            var consultationId = p.Url.Split("/consultation/")[1];
            await WeChatPaySimulator.PayOnPageAsync(p);
            await Expect(p.GetByTestId("consult-status")).ToHaveAttributeAsync("data-status", "waiting", new() { Timeout = 60000 });

            await desk.RunAsync(async d =>
            {
                await d.GotoAsync("/doctor/consultation");
                await d.Locator($"[data-testid=queue-consultation][data-id='{consultationId}']").ClickAsync();
                await Expect(d.GetByTestId("summary-diagnosis")).ToHaveTextAsync("原发性高血压");
                await d.GetByRole(AriaRole.Tab, new() { Name = "电子处方" }).ClickAsync();
                var form = d.GetByTestId("rx-form");
                await form.GetByTestId("rx-diagnosis").FillAsync(diagnosis);
                await PickDrugAsync(d, "吗啡缓释片");
                await form.GetByTestId("rx-submit").ClickAsync();
                await Expect(form.GetByTestId("rx-error")).ToContainTextAsync("麻醉药品不得在互联网诊疗中开具");
                await form.GetByTestId("rx-item").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
                await PickDrugAsync(d, "苯磺酸氨氯地平片");
                await form.GetByTestId("rx-submit").ClickAsync();
                await Expect(form.GetByTestId("rx-written")).ToHaveAttributeAsync("data-status", "pending-review");
            }, "X01_desk_prescription");

            // Held: the patient sees it waiting for the pharmacist, and nothing has reached the pharmacy.
            await Expect(p.GetByTestId("consult-prescription")).ToHaveAttributeAsync("data-status", "pending-review");
            var pharmacistToken = await StackTokens.StaffAsync("pharmacist01", "Pharmacist@2026", "doctor");
            await desk.EvaluateAsync("token => localStorage.setItem('platform.doctor.token', token)", pharmacistToken);
            await desk.GotoAsync("/doctor/pharmacist");
            await desk.GetByRole(AriaRole.Tab, new() { Name = "电子处方审核" }).ClickAsync();
            var row = desk.Locator(".el-table__row", new() { HasText = diagnosis });
            await row.GetByTestId("eprescription-approve").ClickAsync();
            await Expect(row).ToHaveCountAsync(0);

            await Expect(p.GetByTestId("consult-prescription")).ToHaveAttributeAsync("data-status", "approved");
            await Eventually.Until(() => ConsultationStack.SendAsync(token, HttpMethod.Get, $"/api/pharmacy/patients/{patientId}/prescriptions"),
                r => r.Body.ValueKind == System.Text.Json.JsonValueKind.Array && r.Body.EnumerateArray().Any(x => x.GetProperty("drugName").GetString() == "苯磺酸氨氯地平片"),
                ConsultationStack.Wait, "the approved e-prescription in the pharmacy");
        }, "X01_prescription");
    }

    private static async Task PickDrugAsync(IPage desk, string name)
    {
        await desk.GetByTestId("rx-drug").ClickAsync();
        await desk.Keyboard.TypeAsync(name);
        await desk.Locator(".el-select-dropdown__item:visible", new() { HasText = name }).First.ClickAsync();
        await desk.GetByTestId("rx-add").ClickAsync();
    }
}
