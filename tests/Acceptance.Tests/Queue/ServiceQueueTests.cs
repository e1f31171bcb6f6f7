using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Notification;
using Acceptance.Tests.Scheduling;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Queue;

/// <summary>Queues beyond the clinics on the running stack: the blood-draw station and exam rooms (from Scheduling's
/// confirmed exam bookings), pharmacy pick-up numbers (from the HIS's dispense), the 电子健康卡 read at a kiosk, and the
/// guidance pushed during care. Events arrive on the stack's broker as Scheduling and the HIS publish them.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ServiceQueueTests
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };
    private readonly BrowserFixture browser;

    public ServiceQueueTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R22")]
    public async Task Anyone_sees_pick_up_numbers_called_and_blood_draw_check_in_status_without_names()
    {
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        var station = $"门诊楼1层采血{Random.Shared.Next(100000, 999999)}";
        var blood = await BookExamAsync(family.ParentId, "blood", "采血1号窗口", station, TimeSpan.FromMinutes(10), "");
        var window = $"西药房验收{Random.Shared.Next(100000, 999999)}号窗口";
        await StackBroker.PublishAsync("Platform.Contracts.Pharmacy", "MedicineReadyForPickupIntegrationEvent", Guid.NewGuid(), new
        {
            patientId = family.ParentId, prescriptionId = $"RX-ACC-{Guid.NewGuid():N}", pharmacyWindow = window, readyAt = DateTimeOffset.UtcNow,
        });
        var staff = await StackTokens.StaffAsync();
        var windowId = await QueueIdAsync(staff, "pharmacy", window);
        var stationId = await QueueIdAsync(staff, "blood", station);
        await CheckInByRoomCodeAsync(staff, family.Account.AccessToken, stationId, blood);
        await SendAsync(await StackTokens.StaffAsync("pharmacist01", "Pharmacist@2026", "doctor"), HttpMethod.Post,
            $"/api/queue/queues/{windowId}/call-next");

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/waiting-info");
            var pickup = p.GetByTestId("waiting-pharmacy").GetByTestId("waiting-room").Filter(new() { HasText = window });
            await Expect(pickup.GetByTestId("waiting-pickup-numbers")).ToContainTextAsync("1");
            await Expect(pickup.GetByTestId("waiting-room-status")).ToContainTextAsync("正在叫 1 号");
            var draw = p.GetByTestId("waiting-blood").GetByTestId("waiting-room").Filter(new() { HasText = station });
            await Expect(draw.GetByTestId("waiting-room-status")).ToContainTextAsync("已报到 1 人，候检 1 人");
            Assert.DoesNotContain(family.ParentName, await p.Locator("body").InnerTextAsync());
        }, "R22_pickup_and_blood_draw");
    }

    [Fact]
    [Trait("Rubric", "X15")]
    public async Task A_patient_shows_their_health_card_and_a_kiosk_checks_them_in_but_refuses_a_forged_one()
    {
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        var room = $"医技楼2层超声{Random.Shared.Next(100000, 999999)}";
        await BookExamAsync(family.SelfId, "us", "超声3室", room, TimeSpan.FromMinutes(15), "检查前1小时饮水，憋尿");
        var staff = await StackTokens.StaffAsync();
        var roomId = await QueueIdAsync(staff, "exam", room);

        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/health-card");
            await Expect(p.GetByTestId("health-card-qr")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("health-card-expiry")).ToContainTextAsync("前有效");
            Assert.DoesNotContain(family.ParentName, await p.GetByTestId("health-card").InnerTextAsync());
        }, "X15_health_card");

        var card = await SendAsync(family.Account.AccessToken, HttpMethod.Get, $"/api/queue/health-card?patientId={family.SelfId}");
        var code = card.GetProperty("code").GetString()!;
        var forged = await PostAsync(staff, "/api/queue/kiosk/check-ins", new { code = code[..^4] + "AAAA" });
        Assert.Equal(400, (int)forged.StatusCode);
        Assert.Equal("health_card_invalid", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, (await SendAsync(staff, HttpMethod.Get, $"/api/queue/queues/{roomId}")).GetProperty("waiting").GetArrayLength());

        var accepted = await PostAsync(staff, "/api/queue/kiosk/check-ins", new { code });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/queue");
            await Expect(p.GetByTestId("queue-ticket").Filter(new() { HasText = room })).ToBeVisibleAsync();
        }, "X15_checked_in_by_card");
    }

    [Fact]
    [Trait("Rubric", "R19")]
    public async Task Exam_preparation_and_medication_guidance_reach_the_message_centre()
    {
        var family = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        await BookExamAsync(family.SelfId, "us", "超声2室", $"医技楼2层超声{Random.Shared.Next(100000, 999999)}", TimeSpan.FromHours(2),
            "检查前1小时饮水500毫升，憋尿");
        var now = DateTimeOffset.UtcNow;
        await StackBroker.PublishAsync("Platform.Contracts.His", "HisMedicationsSyncedIntegrationEvent", Guid.NewGuid(), new
        {
            patientId = family.SelfId,
            context = new { ageYears = 40, sex = "female", pregnant = false, weightKg = (decimal?)null, allergies = Array.Empty<string>(), conditions = Array.Empty<string>() },
            prescriptions = new[]
            {
                new
                {
                    hisId = $"rx-acc-{Guid.NewGuid():N}", category = "outpatient", encounterHisId = $"enc-acc-{Guid.NewGuid():N}", drugCode = "YP0101",
                    drugName = "阿莫西林胶囊", doseValue = (decimal?)0.5m, doseUnit = "g", timesPerDay = (int?)3, asNeeded = false, route = "口服",
                    dosageText = "每次0.5g，每日3次，饭后服用", durationDays = (int?)7, quantity = "2盒", prescriber = "验收医生",
                    authoredOn = (DateTimeOffset?)now.AddHours(-1), status = "active", dispenseStatus = "completed", dispensedAt = (DateTimeOffset?)now,
                },
            },
        });

        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            // The preparation worker polls once a minute on the stack (Queue:ExamPreparationInterval).
            await p.GotoAsync("/messages");
            var items = p.GetByTestId("message-item");
            await Expect(items.Filter(new() { HasText = "检查前准备" })).ToContainTextAsync("憋尿", new() { Timeout = 90000 });
            await Expect(items.Filter(new() { HasText = "取药及用药指导" })).ToContainTextAsync("饭后服用", new() { Timeout = 60000 });
        }, "R19_guidance_messages");
    }

    private static async Task<Guid> BookExamAsync(Guid patientId, string serviceCode, string roomName, string location, TimeSpan startsIn,
        string preparation)
    {
        var appointmentId = Guid.CreateVersion7();
        var startsAt = DateTimeOffset.UtcNow + startsIn;
        await StackBroker.PublishAsync("Platform.Contracts.Scheduling", "ExamBookedIntegrationEvent", Guid.NewGuid(), new
        {
            appointmentId, patientId, itemName = serviceCode == "blood" ? "血常规" : "子宫附件超声", serviceCode, roomName, location, startsAt,
            endsAt = startsAt.AddMinutes(15), preparation, fastingRequired = false,
        });
        return appointmentId;
    }

    private static Task<Guid> QueueIdAsync(string token, string kind, string location) => Eventually.Until(async () =>
        (await SendAsync(token, HttpMethod.Get, $"/api/queue/queues?kind={kind}")).EnumerateArray()
        .Where(q => q.GetProperty("location").GetString() == location).Select(q => q.GetProperty("id").GetGuid()).FirstOrDefault(),
        id => id != Guid.Empty, TimeSpan.FromSeconds(30), $"the {kind} queue at {location}");

    private static async Task CheckInByRoomCodeAsync(string staff, string patientToken, Guid queueId, Guid appointmentId)
    {
        var code = (await SendAsync(staff, HttpMethod.Get, $"/api/queue/queues/{queueId}/check-in-code")).GetProperty("code").GetString();
        await Eventually.Until(async () => (await PostAsync(patientToken, "/api/queue/check-ins", new { code, appointmentId })).IsSuccessStatusCode,
            ok => ok, TimeSpan.FromSeconds(30), "check-in at the room");
    }

    private static async Task<HttpResponseMessage> PostAsync(string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    private static async Task<JsonElement> SendAsync(string token, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
