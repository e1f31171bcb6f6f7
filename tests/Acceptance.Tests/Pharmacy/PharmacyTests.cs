using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Payment;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Pharmacy;

/// <summary>处方查询 with the drug's 说明书 and 出院带药 (R31, R32), 药品配送 paid and followed to 已签收 through the courier
/// simulator (R33), and 合理用药提醒 for an allergy conflict in the app, the message centre and the pharmacist's page (R34).
/// Prescriptions are written at the HIS simulator and reach the platform through the HIS adapter.</summary>
[Collection(ServicesCollection.Name)]
public sealed class PharmacyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Edge = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };
    private static readonly HttpClient Courier = new()
    {
        BaseAddress = new Uri((Environment.GetEnvironmentVariable("PLATFORM_COURIER_SIM_URL") is { Length: > 0 } v ? v.TrimEnd('/') : "http://127.0.0.1:5308") + "/"),
        Timeout = TimeSpan.FromSeconds(30),
    };
    private readonly BrowserFixture browser;

    public PharmacyTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R31")]
    [Trait("Rubric", "R32")]
    public async Task A_prescription_from_the_HIS_shows_with_its_leaflet_and_discharge_medication_with_its_dose_times_in_elder_mode()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        var outpatient = await PrescribeAsync(his, hisPatient, "YP0101", "苯磺酸氨氯地平片", 5, 1, "outpatient");
        var discharge = await PrescribeAsync(his, hisPatient, "YP0301", "奥美拉唑肠溶胶囊", 20, 2, "discharge");
        await PrescriptionsAsync(account, patientId, 2);

        await ElderModePages.SetAccountElderModeAsync(account, true);
        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.OpenInElderModeAsync("/prescriptions", "rx-item");
            var item = p.Locator($"[data-testid=rx-item][data-his-id='{outpatient}']");
            await item.GetByTestId("rx-leaflet-toggle").ClickAsync();
            var leaflet = item.GetByTestId("rx-leaflet");
            await Expect(leaflet).ToContainTextAsync("适应症");
            await Expect(leaflet).ToContainTextAsync("高血压");
            await Expect(leaflet).ToContainTextAsync("贮藏");
            await Accessibility.AssertElderFriendlyAsync(p);

            await p.GetByRole(AriaRole.Tab, new() { Name = "出院带药" }).ClickAsync();
            var dischargeItem = p.Locator($"[data-testid=rx-item][data-his-id='{discharge}']");
            await Expect(p.GetByTestId("rx-item")).ToHaveCountAsync(1);
            await Expect(dischargeItem.GetByTestId("rx-schedule")).ToContainTextAsync("早上 8:00");
            await Expect(dischargeItem.GetByTestId("rx-schedule")).ToContainTextAsync("晚上 20:00");
            await dischargeItem.GetByTestId("rx-reminder").ClickAsync();
            await Expect(dischargeItem.GetByTestId("rx-reminder")).ToHaveAttributeAsync("aria-checked", "true");
        }, "R31_prescriptions");
    }

    [Fact]
    [Trait("Rubric", "R34")]
    public async Task An_allergy_conflict_warns_the_patient_in_the_app_and_in_the_message_centre_and_reaches_the_pharmacist()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        await his.CreateAsync("AllergyIntolerance", new
        {
            resourceType = "AllergyIntolerance",
            clinicalStatus = new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", code = "active" } } },
            category = new[] { "medication" },
            code = new { text = "青霉素类" },
            patient = new { reference = $"Patient/{hisPatient}" },
        });
        await PrescribeAsync(his, hisPatient, "YP1101", "阿莫西林胶囊", 0.5m, 3, "outpatient", "g");

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await Eventually.Until(async () =>
            {
                await p.GotoAsync("/prescriptions");
                await p.WaitForLoadStateAsync(LoadState.NetworkIdle);
                return await p.GetByTestId("rx-alert").CountAsync();
            }, n => n > 0, Wait, "the allergy warning on the prescriptions page");
            var alert = p.Locator("[data-testid=rx-alert][data-kind=allergy]");
            await Expect(alert).ToHaveAttributeAsync("data-severity", "high");
            await Expect(alert).ToContainTextAsync("阿莫西林胶囊");
            await Expect(alert.GetByTestId("rx-alert-advice")).ToContainTextAsync("不要服用");
        }, "R34_allergy");

        // The same warning reached the patient's messages (and from there WeChat or SMS), and the pharmacist's page.
        var messages = await Eventually.Until(() => GetAsync(account.AccessToken, "/api/notification/messages"),
            m => m.GetRawText().Contains("合理用药提醒"), Wait, "合理用药提醒 in the message centre");
        Assert.Contains("咨询药师", messages.GetRawText());
        var pharmacist = await StackTokens.StaffAsync("pharmacist01", "Pharmacist@2026", "doctor");
        var alerts = await GetAsync(pharmacist, "/api/pharmacy/pharmacist/alerts?status=open");
        Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("patientId").GetGuid() == patientId && a.GetProperty("kind").GetString() == "allergy");
    }

    [Fact]
    [Trait("Rubric", "R33")]
    public async Task A_patient_chooses_an_address_pays_the_delivery_fee_and_follows_the_parcel_to_delivered()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        var rx = await PrescribeAsync(his, hisPatient, "YP0302", "铝碳酸镁咀嚼片", 1, 3, "outpatient", "g");
        await PrescriptionsAsync(account, patientId, 1);

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/prescriptions");
            var item = p.Locator($"[data-testid=rx-item][data-his-id='{rx}']");
            await item.WaitForAsync();
            await item.GetByTestId("rx-select").ClickAsync();
            await p.GetByTestId("rx-deliver").ClickAsync();
            var form = p.GetByTestId("delivery-address-form");
            await form.GetByLabel("收件人").FillAsync("测试收件人");
            await form.GetByLabel("手机号").FillAsync("13912345678");
            await form.GetByTestId("delivery-districts").GetByText("江岸区").ClickAsync();
            await form.GetByLabel("详细地址").FillAsync("解放大道200号");
            await p.GetByTestId("delivery-save-address").ClickAsync();
            await Expect(p.GetByTestId("delivery-address")).ToHaveCountAsync(1);
            await p.GetByTestId("delivery-submit").ClickAsync();
            await Expect(p.GetByTestId("delivery")).ToHaveAttributeAsync("data-status", "awaiting-payment");
            await WeChatPaySimulator.PayOnPageAsync(p);
            await Expect(p.GetByTestId("delivery")).ToHaveAttributeAsync("data-status", "paid", new() { Timeout = 60000 });

            var deliveryId = p.Url.Split("/pharmacy/deliveries/")[1].Split('?')[0];
            var pharmacist = await StackTokens.StaffAsync("pharmacist01", "Pharmacist@2026", "doctor");
            using (var release = new HttpRequestMessage(HttpMethod.Post, $"/api/pharmacy/pharmacist/deliveries/{deliveryId}/release"))
            {
                release.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pharmacist);
                Assert.True((await Edge.SendAsync(release)).IsSuccessStatusCode);
            }
            await Expect(p.GetByTestId("delivery-waybill")).ToBeVisibleAsync(new() { Timeout = 60000 });
            var waybill = (await p.GetByTestId("delivery-waybill").TextContentAsync())!.Trim();
            for (var i = 0; i < 4; i++) (await Courier.PostAsync($"$sim/waybills/{waybill}/advance", new StringContent("{}"))).EnsureSuccessStatusCode();
            await Expect(p.GetByTestId("delivery")).ToHaveAttributeAsync("data-status", "delivered", new() { Timeout = 30000 });
            await Expect(p.GetByTestId("delivery-step")).ToHaveCountAsync(7);
            await Expect(p.GetByTestId("delivery-timeline")).ToContainTextAsync("本人签收");
        }, "R33_delivery");
    }

    private static async Task<string> PrescribeAsync(HisSimulator his, string hisPatient, string code, string name, decimal dose, int timesPerDay,
        string category, string unit = "mg")
    {
        var created = await his.CreateAsync("MedicationRequest", new
        {
            resourceType = "MedicationRequest", status = "active", intent = "order",
            category = new[] { new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/medicationrequest-category", code = category } } } },
            medicationCodeableConcept = new { coding = new[] { new { system = "http://his.jcsy.example/CodeSystem/drug", code, display = name } }, text = name },
            subject = new { reference = $"Patient/{hisPatient}" },
            authoredOn = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssK"),
            requester = new { display = "王医生" },
            dosageInstruction = new[]
            {
                new
                {
                    text = $"每次{dose}{unit}，每日{timesPerDay}次，口服",
                    timing = new { repeat = new { frequency = timesPerDay, period = 1, periodUnit = "d" } },
                    route = new { text = "口服" },
                    doseAndRate = new[] { new { doseQuantity = new { value = dose, unit, system = "http://unitsofmeasure.org", code = unit } } },
                },
            },
            dispenseRequest = new { expectedSupplyDuration = new { value = 14, unit = "d", system = "http://unitsofmeasure.org", code = "d" } },
        });
        return created.GetProperty("id").GetString()!;
    }

    private static Task<JsonElement> PrescriptionsAsync(TestAccount account, Guid patientId, int count) =>
        Eventually.Until(async () =>
        {
            var token = (await IdentityApi.SignInAsync(account.Username, account.Password)).AccessToken;
            return await GetAsync(token, $"/api/pharmacy/patients/{patientId}/prescriptions");
        }, p => p.ValueKind == JsonValueKind.Array && p.GetArrayLength() == count, Wait, "prescriptions synced from the HIS");

    private static async Task<JsonElement> GetAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Edge.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }
}
