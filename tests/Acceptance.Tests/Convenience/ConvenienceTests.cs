using System.Text.Json;
using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Payment;
using Microsoft.Playwright;
using Platform.Testing;
using static Acceptance.Tests.Convenience.ConvenienceStack;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Convenience;

/// <summary>便民服务 (R24) paid online with refunds (R38), 医护到家 (X04) and 慢病管理 (X16) in the patient H5, with the
/// providers' and care team's side done as their staff pages call the API.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ConvenienceTests
{
    private readonly BrowserFixture browser;

    public ConvenienceTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    private static async Task<(TestAccount Account, Guid PatientId)> PatientAsync(HisSimulator his)
    {
        var account = await IdentityApi.RegisterAsync();
        var (_, patientId) = await his.AddNewPatientAsync(account);
        return (account, patientId);
    }

    private static string OrderIdOf(IPage page, string marker) => page.Url.Split(marker)[1].Split('?')[0];

    [Fact]
    [Trait("Rubric", "R24")]
    [Trait("Rubric", "R38")]
    public async Task A_wheelchair_and_an_inpatient_meal_are_booked_and_paid_online_and_followed_to_done()
    {
        using var his = new HisSimulator();
        var (account, patientId) = await PatientAsync(his);
        await AdmitAsync(patientId, "心内科一病区", "8");
        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/convenience");
            await p.Locator("[data-testid=cv-item][data-code=wheelchair]").ClickAsync();
            await p.GetByTestId("cv-ack").ClickAsync();
            await p.GetByTestId("cv-submit").ClickAsync();
            await Expect(p.GetByTestId("cv-order-detail")).ToHaveAttributeAsync("data-status", "awaiting-payment");
            await WeChatPaySimulator.PayOnPageAsync(p);
            await Expect(p.GetByTestId("cv-order-detail")).ToHaveAttributeAsync("data-status", "paid", new() { Timeout = 60000 });
            var wheelchair = OrderIdOf(p, "/convenience/orders/");
            await StaffPostAsync($"/api/convenience/staff/orders/{wheelchair}/accept", new { note = "已在门诊一楼服务中心交付轮椅" });
            await StaffPostAsync($"/api/convenience/staff/orders/{wheelchair}/complete", new { note = "轮椅已归还" });
            await Expect(p.GetByTestId("cv-order-detail")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30000 });
            await Expect(p.GetByTestId("cv-timeline")).ToContainTextAsync("轮椅已归还");

            // Tomorrow's lunch, delivered to the bed the HIS announced (the admission travels as an event: retry briefly).
            await p.GotoAsync($"/convenience/book/meal?patientId={patientId}");
            await p.GetByTestId("cv-dates").GetByText(ShanghaiDate(1)[5..]).ClickAsync();
            await p.Locator("[data-testid=cv-window][data-text='11:00-12:00']").ClickAsync();
            await p.GetByTestId("cv-note").Locator("input, textarea").FillAsync("少盐");
            await Eventually.Until(async () =>
            {
                await p.GetByTestId("cv-submit").ClickAsync();
                var detail = p.GetByTestId("cv-order-detail");
                await detail.Or(p.GetByTestId("cv-refusal")).First.WaitForAsync();
                return await detail.CountAsync();
            }, n => n > 0, Wait, "the meal ordered once Convenience knows the patient is in a ward");
            await Expect(p.GetByTestId("cv-order-detail")).ToContainTextAsync("心内科一病区 8床");
            await WeChatPaySimulator.PayOnPageAsync(p);
            await Expect(p.GetByTestId("cv-order-detail")).ToHaveAttributeAsync("data-status", "paid", new() { Timeout = 60000 });
            var meal = OrderIdOf(p, "/convenience/orders/");
            var inbox = await GetAsync(await StaffAsync(), "/api/convenience/staff/orders?provider=canteen");
            Assert.Contains(inbox.EnumerateArray(), o => o.GetProperty("id").GetString() == meal);
        }, "R24_wheelchair_meal");
    }

    [Fact]
    [Trait("Rubric", "R24")]
    public async Task A_record_copy_is_mailed_and_tracked_with_the_address_masked()
    {
        using var his = new HisSimulator();
        var (account, _) = await PatientAsync(his);
        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/convenience");
            await p.Locator("[data-testid=cv-item][data-code=record-copy]").ClickAsync();
            await p.GetByTestId("cv-contact-name").Locator("input").FillAsync("王小明");
            await p.GetByTestId("cv-contact-phone").Locator("input").FillAsync("13912345678");
            await p.GetByTestId("cv-contact-district").Locator("input").FillAsync("江汉区");
            await p.GetByTestId("cv-contact-address").Locator("input").FillAsync("解放大道688号5栋1201");
            await p.GetByTestId("cv-ack").ClickAsync();
            await p.GetByTestId("cv-submit").ClickAsync();
            var detail = p.GetByTestId("cv-order-detail");
            await Expect(detail).ToHaveAttributeAsync("data-status", "awaiting-payment");
            await Expect(detail).ToContainTextAsync("139****5678");
            await Expect(detail).Not.ToContainTextAsync("13912345678");
            await Expect(detail).Not.ToContainTextAsync("1201");
            await WeChatPaySimulator.PayOnPageAsync(p);
            await Expect(detail).ToHaveAttributeAsync("data-status", "paid", new() { Timeout = 60000 });

            var order = OrderIdOf(p, "/convenience/orders/");
            var tracking = $"SF{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
            // The record-copy office works its inbox in the admin console: the address whole only on 「查看地址」.
            await using var office = await browser.NewContextAsync(PatientSession.Desktop, new Dictionary<string, string>
            {
                ["platform.staff.token"] = await StaffAsync(), ["platform.convenience.provider"] = "record-office",
            });
            var admin = await office.NewPageAsync();
            await admin.RunAsync(async a =>
            {
                await a.GotoAsync("/admin/convenience?tab=inbox");
                var row = a.Locator("tr", new() { Has = a.Locator($"[data-testid=admin-cv-order][data-id='{order}']") });
                await Expect(row).ToContainTextAsync("139****5678");
                await row.GetByText("查看地址").ClickAsync();
                await Expect(row.GetByTestId("admin-cv-contact")).ToContainTextAsync("解放大道688号5栋1201");
                await row.GetByTestId("admin-cv-accept").ClickAsync();
                await Expect(a.Locator($"[data-testid=admin-cv-order][data-id='{order}']")).ToHaveAttributeAsync("data-status", "accepted");
                await row.GetByTestId("admin-cv-ship").ClickAsync();
                await a.Locator(".el-message-box input").FillAsync(tracking);
                await a.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
                await Expect(a.Locator($"[data-testid=admin-cv-order][data-id='{order}']")).ToHaveAttributeAsync("data-status", "shipped");
            }, "R24_record_office");
            await Expect(detail).ToHaveAttributeAsync("data-status", "shipped", new() { Timeout = 30000 });
            await Expect(p.GetByTestId("cv-tracking")).ToHaveTextAsync(tracking);
            await Expect(p.GetByTestId("cv-cancel")).ToHaveCountAsync(0);
            await StaffPostAsync($"/api/convenience/staff/orders/{order}/complete", new { note = "患者本人签收" });
            await Expect(detail).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30000 });
        }, "R24_record_copy");
    }

    [Fact]
    [Trait("Rubric", "R38")]
    [Trait("Rubric", "R24")]
    public async Task Unavailable_stock_and_bad_input_get_clear_errors_and_charge_nothing_and_a_service_that_cannot_be_given_is_refunded()
    {
        using var his = new HisSimulator();
        var (account, patientId) = await PatientAsync(his);
        var token = await PatientTokenAsync(account);
        var charger = await StaffItemAsync("phone-charging");
        var stock = charger.GetProperty("stock").GetInt32();
        if (stock > 0) await StaffPostAsync($"/api/convenience/staff/items/{charger.GetProperty("id").GetString()}/stock", new { delta = -stock });
        try
        {
            await using var context = await browser.SignedInContextAsync(account);
            var page = await context.NewPageAsync();
            await page.RunAsync(async p =>
            {
                await p.GotoAsync($"/convenience/book/phone-charging?patientId={patientId}");
                await Expect(p.GetByTestId("cv-stock")).ToContainTextAsync("0");
                await p.GetByTestId("cv-submit").ClickAsync();
                await Expect(p.GetByTestId("cv-refusal")).ToContainTextAsync("暂无库存");
                await Expect(p.GetByTestId("cv-refusal")).ToContainTextAsync("未产生费用");
                // A service with a rule to acknowledge cannot even be submitted without it.
                await p.GotoAsync($"/convenience/book/wheelchair?patientId={patientId}");
                await Expect(p.GetByTestId("cv-submit")).ToBeDisabledAsync();
                await Expect(p.GetByTestId("cv-submit")).ToContainTextAsync("请确认出示要求");
            }, "R38_no_stock");
        }
        finally
        {
            if (stock > 0) await StaffPostAsync($"/api/convenience/staff/items/{charger.GetProperty("id").GetString()}/stock", new { delta = stock });
        }

        var (status, problem) = await SendAsync(token, HttpMethod.Post, "/api/convenience/orders",
            new { patientId, itemCode = "record-copy", quantity = 99, acknowledgedMustShow = true, contact = new { name = "王", phone = "1", district = "", address = "" } });
        Assert.Equal(400, status);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("contact.phone", out _));
        Assert.DoesNotContain("Exception", problem.ToString());
        var payments = await GetAsync(token, "/api/payment/orders");
        Assert.Empty(payments.GetProperty("items").EnumerateArray());

        // Paid, then the provider cannot give it: refunded in full through Payment.
        var (created, order) = await SendAsync(token, HttpMethod.Post, "/api/convenience/orders",
            new { patientId, itemCode = "wheelchair", acknowledgedMustShow = true });
        Assert.Equal(200, created);
        var orderId = order.GetProperty("id").GetGuid();
        var payment = await PaymentOrderAsync(token, orderId);
        await WeChatPaySimulator.PayOrderAsync(token, payment.GetProperty("id").GetGuid());
        await Eventually.Until(() => GetAsync(token, $"/api/convenience/patients/{patientId}/orders/{orderId}"),
            o => o.GetProperty("status").GetString() == "paid", Wait, "paid");
        await StaffPostAsync($"/api/convenience/staff/orders/{orderId}/decline", new { reason = "轮椅临时送修，无法提供" });
        await Eventually.Until(() => GetAsync(token, $"/api/convenience/patients/{patientId}/orders/{orderId}"),
            o => o.GetProperty("status").GetString() == "refunded", Wait, "refunded after Payment's refund succeeded");
        var refunded = await GetAsync(token, $"/api/payment/orders/{payment.GetProperty("id").GetGuid()}");
        Assert.Equal("refunded", refunded.GetProperty("status").GetString());
    }

    [Fact]
    [Trait("Rubric", "X04")]
    public async Task A_home_nursing_visit_is_ordered_paid_assigned_tracked_and_completed_with_its_record()
    {
        using var his = new HisSimulator();
        var (account, _) = await PatientAsync(his);
        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/convenience/home-care");
            await p.Locator("[data-testid=hc-service][data-code=wound-care]").ClickAsync();
            // The demo stack books from today, so the visit can be followed through here.
            await p.GetByTestId("hc-days").GetByText(ShanghaiDate(0)[5..]).ClickAsync();
            await p.GetByTestId("hc-condition").Locator("textarea").FillAsync("腹部术后第5天，切口换药");
            await p.GetByTestId("hc-contact-name").Locator("input").FillAsync("李四");
            await p.GetByTestId("hc-contact-phone").Locator("input").FillAsync("13900000002");
            await p.GetByTestId("hc-districts").GetByText("武昌区").ClickAsync();
            await p.GetByTestId("hc-contact-address").Locator("input").FillAsync("中山路8号2单元301");
            await p.GetByTestId("hc-submit").ClickAsync();
            var detail = p.GetByTestId("hc-visit-detail");
            await Expect(detail).ToHaveAttributeAsync("data-status", "awaiting-payment");
            await Expect(detail).Not.ToContainTextAsync("13900000002");
            await WeChatPaySimulator.PayOnPageAsync(p);
            await Expect(detail).ToHaveAttributeAsync("data-status", "paid", new() { Timeout = 60000 });

            var visit = OrderIdOf(p, "/convenience/home-visits/");
            await StaffPostAsync($"/api/convenience/staff/home-visits/{visit}/assign", new { nurseName = "赵护士", nursePhone = "13700000003" });
            await Expect(p.GetByTestId("hc-nurse")).ToContainTextAsync("赵护士", new() { Timeout = 30000 });
            await StaffPostAsync($"/api/convenience/staff/home-visits/{visit}/progress", new { status = "on-the-way" });
            await Expect(detail).ToHaveAttributeAsync("data-status", "on-the-way", new() { Timeout = 30000 });
            await StaffPostAsync($"/api/convenience/staff/home-visits/{visit}/progress", new { status = "arrived" });
            await StaffPostAsync($"/api/convenience/staff/home-visits/{visit}/complete", new { record = "切口愈合良好，无渗出，已消毒换药，嘱3天后门诊复查" });
            await Expect(detail).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30000 });
            await Expect(p.GetByTestId("hc-record")).ToContainTextAsync("切口愈合良好");
            await Expect(p.GetByTestId("hc-step")).ToHaveCountAsync(6);
        }, "X04_home_visit");
    }

    [Fact]
    [Trait("Rubric", "X16")]
    public async Task An_out_of_range_blood_pressure_alerts_the_care_team_and_the_patient_and_shows_on_the_trend_in_elder_mode()
    {
        using var his = new HisSimulator();
        var (account, patientId) = await PatientAsync(his);
        var staff = await StaffAsync();
        var (set, _) = await SendAsync(staff, HttpMethod.Put, $"/api/convenience/staff/chronic/patients/{patientId}/thresholds/blood-pressure",
            new { low = 90, high = 140, diastolicLow = 60, diastolicHigh = 90 });
        Assert.Equal(200, set);

        await ElderModePages.SetAccountElderModeAsync(account, true);
        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.OpenInElderModeAsync("/chronic", "ch-range");
            await Expect(p.GetByTestId("ch-range")).ToContainTextAsync("收缩压 90-140");
            await p.GetByTestId("ch-systolic").Locator("input").FillAsync("128");
            await p.GetByTestId("ch-diastolic").Locator("input").FillAsync("82");
            await p.GetByTestId("ch-record").ClickAsync();
            await Expect(p.GetByTestId("ch-notice")).ToContainTextAsync("已记录");
            await p.GetByTestId("ch-systolic").Locator("input").FillAsync("172");
            await p.GetByTestId("ch-diastolic").Locator("input").FillAsync("104");
            await p.GetByTestId("ch-record").ClickAsync();
            await Expect(p.GetByTestId("ch-notice")).ToContainTextAsync("超出医护设定范围");
            await Expect(p.Locator("[data-testid=ch-reading][data-out=true]")).ToHaveCountAsync(1);
            await Expect(p.GetByTestId("ch-reading")).ToHaveCountAsync(2);
            await Expect(p.GetByTestId("ch-chart").Locator("svg")).ToBeVisibleAsync();
            await Accessibility.AssertElderFriendlyAsync(p);
        }, "X16_blood_pressure");

        var alerts = await GetAsync(staff, "/api/convenience/staff/chronic/alerts?open=true");
        var alert = alerts.EnumerateArray().Single(a => a.GetProperty("patientId").GetGuid() == patientId);
        Assert.Contains("172/104", alert.GetProperty("text").GetString());
        var token = await PatientTokenAsync(account);
        var messages = await Eventually.Until(() => GetAsync(token, "/api/notification/messages"),
            m => m.GetRawText().Contains("血压超出范围"), Wait, "the out-of-range message in the patient's message centre");
        Assert.Contains("172/104 mmHg", messages.GetRawText());
    }
}
