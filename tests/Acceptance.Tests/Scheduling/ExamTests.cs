using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Scheduling;

/// <summary>检查检验集中预约 (R16) on a phone: a patient who is a seeded HIS patient with open exam orders opens 检查预约,
/// reads the preparation notes, presses 一键排程 and sees every exam booked on one day's timeline, none overlapping,
/// each confirmed by the HIS.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExamTests
{
    /// <summary>The seed gives the first 24 HIS patients open orders; pat-0001 is the showcase (空腹血糖, 腹部超声, 胸部CT,
    /// 头颅磁共振). A HIS patient belongs to one account, so a later run takes the next one with two or more orders.</summary>
    private const int OrderedPatients = 24;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly BrowserFixture browser;

    public ExamTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R16")]
    public async Task A_patient_books_all_exam_orders_in_one_tap_and_sees_a_day_without_overlaps_confirmed_by_the_his()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        await SchedulingStack.AcceptBookingAgreementAsync(account); // exams are booked under the booking agreement too (R10)
        var (hisPatient, patientId, hisOrders) = await AddSeededPatientWithOrdersAsync(his, account);
        // The HIS link and the orders arrive by events; the page shows them once Scheduling has them.
        await Eventually.Until(() => OrderCountAsync(account, patientId), n => n == hisOrders, Wait, $"{hisPatient} 的检查申请到达预约服务");

        var orders = await IdentityApi.GetAsync(account.AccessToken, $"/api/scheduling/exams/orders?patientId={patientId}");

        // An older patient: the whole flow runs in elder mode (长辈模式) and stays elder-friendly.
        await ElderModePages.SetAccountElderModeAsync(account, true);
        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/mine");
            await p.GetByTestId("mine-exams").ClickAsync();
            await Expect(p).ToHaveURLAsync(new Regex("/exams$"));
            await Expect(p.Locator($"[data-testid=exam-patient][data-id='{patientId}']")).ToHaveAttributeAsync("aria-checked", "true");
            await Expect(p.GetByTestId("exam-order")).ToHaveCountAsync(hisOrders);
            // Every order shows its preparation; a fasting one says 需空腹 and why, the way the HIS wrote it.
            foreach (var order in orders.EnumerateArray())
            {
                var card = p.Locator($"[data-testid=exam-order][data-id='{order.GetProperty("id").GetGuid()}']");
                await Expect(card.GetByTestId("exam-prep")).ToContainTextAsync(order.GetProperty("preparation").GetString()!);
                if (order.GetProperty("fastingRequired").GetBoolean())
                {
                    await Expect(card.GetByTestId("exam-fasting")).ToHaveTextAsync("需空腹");
                    await Expect(card.GetByTestId("exam-prep")).ToContainTextAsync("空腹");
                }
                else await Expect(card.GetByTestId("exam-fasting")).ToHaveCountAsync(0);
            }
            Assert.True(await p.IsElderModeAsync(), "应为长辈模式");
            await Accessibility.AssertElderFriendlyAsync(p);

            // A day's windows for one order.
            await p.GetByTestId("exam-day").Nth(1).ClickAsync();
            await p.GetByTestId("exam-order-slots").First.ClickAsync();
            await Expect(p.GetByTestId("exam-slot").First).ToBeVisibleAsync();
            await p.GetByTestId("exam-order-slots").First.ClickAsync();

            await p.GetByTestId("exam-plan-book").ClickAsync();
            var items = p.GetByTestId("exam-timeline-item");
            await Expect(items).ToHaveCountAsync(hisOrders, new() { Timeout = 30000 });
            await Expect(p.Locator("[data-testid=exam-timeline-item]:not([data-status=booked])")).ToHaveCountAsync(0, new() { Timeout = 60000 });
            await Expect(p.GetByTestId("exam-timeline-status").First).ToHaveTextAsync("已预约");
            await Expect(p.GetByTestId("exam-order")).ToHaveCountAsync(0);
            await Expect(p.GetByTestId("exam-plan-error")).ToHaveCountAsync(0);

            var windows = new List<(DateTimeOffset Start, DateTimeOffset End, string OrderId)>();
            for (var i = 0; i < hisOrders; i++)
            {
                var item = items.Nth(i);
                windows.Add((DateTimeOffset.Parse((await item.GetAttributeAsync("data-start"))!, CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse((await item.GetAttributeAsync("data-end"))!, CultureInfo.InvariantCulture),
                    (await item.GetAttributeAsync("data-order-id"))!));
            }
            Assert.Equal(hisOrders, windows.Select(w => w.OrderId).Distinct().Count());
            var ordered = windows.OrderBy(w => w.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].Start >= ordered[i - 1].End, $"检查时间重叠：{ordered[i - 1].Start:HH:mm}–{ordered[i - 1].End:HH:mm} 与 {ordered[i].Start:HH:mm}");
            Assert.Single(windows.Select(w => w.Start.ToOffset(TimeSpan.FromHours(8)).Date).Distinct());
            await Accessibility.AssertElderFriendlyAsync(p);
        });

        // Every booking is 已预约 in Scheduling and an Appointment based on its order at the HIS.
        var booked = await IdentityApi.GetAsync(account.AccessToken, $"/api/scheduling/exams/appointments?patientId={patientId}");
        Assert.Equal(hisOrders, booked.GetArrayLength());
        foreach (var appointment in booked.EnumerateArray())
        {
            Assert.Equal("booked", appointment.GetProperty("status").GetString());
            Assert.Equal("已预约", appointment.GetProperty("statusText").GetString());
            var atHis = await his.AppointmentAsync(appointment.GetProperty("id").GetGuid());
            Assert.Equal("booked", atHis.GetProperty("status").GetString());
            Assert.StartsWith("ServiceRequest/", atHis.GetProperty("basedOn")[0].GetProperty("reference").GetString());
        }

        // Plans change: one exam is cancelled on the page; its order is open to book again and the HIS cancels it too.
        var cancelled = Guid.Empty;
        await page.RunAsync(async p =>
        {
            // One still outside the cancel cut-off (an early-morning exam may already be inside it).
            var first = p.Locator("[data-testid=exam-appointment]:has([data-testid=exam-cancel])").First;
            cancelled = Guid.Parse((await first.GetAttributeAsync("data-id"))!);
            await first.GetByTestId("exam-cancel").ClickAsync();
            await p.GetByRole(AriaRole.Button, new() { Name = "确定取消" }).ClickAsync();
            await Expect(p.Locator($"[data-testid=exam-appointment][data-id='{cancelled}']")).ToHaveCountAsync(0);
            await Expect(p.GetByTestId("exam-appointment")).ToHaveCountAsync(hisOrders - 1);
            await Expect(p.GetByTestId("exam-order")).ToHaveCountAsync(1);
            await Expect(p.GetByText("检查预约已取消")).ToBeHiddenAsync(); // the toast, gone before the page is measured
            await Accessibility.AssertElderFriendlyAsync(p);
        }, "ExamCancel");
        await Eventually.Until(async () => (await his.AppointmentAsync(cancelled)).GetProperty("status").GetString(), s => s == "cancelled", Wait,
            "the HIS cancels the exam appointment");
    }

    [Fact]
    [Trait("Rubric", "R15")]
    public async Task Staff_report_an_exam_room_down_in_the_admin_console_and_its_patient_is_told_and_the_his_cancels()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        await SchedulingStack.AcceptBookingAgreementAsync(account);
        var (hisPatient, patientId, hisOrders) = await AddSeededPatientWithOrdersAsync(his, account);
        await Eventually.Until(() => OrderCountAsync(account, patientId), n => n == hisOrders, Wait, $"{hisPatient} 的检查申请到达预约服务");

        // Tomorrow morning (the outage dialog's default window is 08:00–12:00): the first order's first window there.
        var day = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var order = (await IdentityApi.GetAsync(account.AccessToken, $"/api/scheduling/exams/orders?patientId={patientId}"))[0];
        var slots = await IdentityApi.GetAsync(account.AccessToken, $"/api/scheduling/exams/orders/{order.GetProperty("id").GetGuid()}/slots?date={day}");
        var slot = slots.EnumerateArray().First(s => s.GetProperty("remaining").GetInt32() > 0
            && s.GetProperty("startsAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Hour is >= 8 and < 11);
        var booked = await SchedulingStack.SendAsync(account.AccessToken, HttpMethod.Post,
            $"/api/scheduling/exams/orders/{order.GetProperty("id").GetGuid()}/appointments", new { slotId = slot.GetProperty("id").GetGuid() },
            Guid.NewGuid().ToString());
        var appointmentId = booked.GetProperty("id").GetGuid();
        await Eventually.Until(async () => (await ExamAppointmentAsync(account, patientId, appointmentId)).GetProperty("status").GetString(),
            s => s == "booked", Wait, "the HIS confirms the exam");

        // The patient (in elder mode) has the exams page open when the equipment fails.
        await ElderModePages.SetAccountElderModeAsync(account, true);
        await using var patientContext = await browser.SignedInContextAsync(account);
        var patient = await patientContext.NewPageAsync();
        await patient.RunAsync(async p =>
        {
            await p.GotoAsync("/exams");
            await Expect(p.Locator($"[data-testid=exam-patient][data-id='{patientId}']")).ToHaveAttributeAsync("aria-checked", "true");
            await Expect(p.Locator($"[data-testid=exam-appointment][data-id='{appointmentId}']")).ToHaveAttributeAsync("data-status", "booked");
            await Expect(p.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected");
        }, "ExamOutage_patient_before");

        var staffToken = await StackTokens.StaffAsync();
        var rooms = await IdentityApi.GetAsync(staffToken, $"/api/scheduling/admin/exam-rooms?date={day}");
        var roomId = rooms.EnumerateArray().First(r => r.GetProperty("name").GetString() == slot.GetProperty("roomName").GetString())
            .GetProperty("id").GetGuid();
        var reason = $"设备球管故障（{DateTime.UtcNow:HHmmss}）";
        await using var staffContext = await browser.NewContextAsync(PatientSession.Desktop,
            new Dictionary<string, string> { ["platform.staff.token"] = staffToken });
        var admin = await staffContext.NewPageAsync();
        await admin.RunAsync(async a =>
        {
            await a.GotoAsync($"/admin/schedules?date={day}");
            var room = a.Locator("tr", new() { Has = a.Locator($"[data-testid=admin-exam-room][data-id='{roomId}']") });
            await room.GetByTestId("exam-room-outage").ClickAsync();
            await Expect(a.GetByTestId("outage-dialog")).ToBeVisibleAsync();
            await a.GetByLabel("故障原因").FillAsync(reason);
            await a.Keyboard.PressAsync("Enter");
            await Expect(room.GetByTestId("exam-outage")).ToHaveCountAsync(1);
        }, "ExamOutage_admin");

        // The patient's exam is cancelled with the reason, they are told once, and the HIS cancels its appointment.
        var cancelled = await ExamAppointmentAsync(account, patientId, appointmentId);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Contains(reason, cancelled.GetProperty("failureReason").GetString());
        await Eventually.Until(async () => (await IdentityApi.GetAsync(account.AccessToken, "/api/notification/messages")).GetRawText(),
            m => m.Contains("检查设备故障通知") && m.Contains(reason), Wait, "the outage message in the message centre");
        await Eventually.Until(async () => (await his.AppointmentAsync(appointmentId)).GetProperty("status").GetString(), s => s == "cancelled", Wait,
            "the HIS cancels the exam appointment");

        // X13: the nearest equivalent window is held for the patient and appears on the open page without a reload; it is
        // taken in one tap (in elder mode) and confirmed by the HIS.
        var rebooked = Guid.Empty;
        await patient.RunAsync(async p =>
        {
            await Expect(p.Locator($"[data-testid=exam-appointment][data-id='{appointmentId}']")).ToHaveCountAsync(0);
            var offer = p.Locator($"[data-testid=exam-offer][data-order-id='{order.GetProperty("id").GetGuid()}']");
            await Expect(offer.GetByTestId("exam-offer-text")).ToContainTextAsync("为您保留");
            await Accessibility.AssertElderFriendlyAsync(p);
            await offer.GetByTestId("exam-offer-accept").ClickAsync();
            await Expect(offer).ToHaveCountAsync(0);
            var booked = p.Locator($"[data-testid=exam-appointment][data-status=booked]");
            await Expect(booked).ToHaveCountAsync(1, new() { Timeout = 60000 });
            rebooked = Guid.Parse((await booked.GetAttributeAsync("data-id"))!);
        }, "ExamOutage_patient_rebooks");
        Assert.NotEqual(appointmentId, rebooked);
        Assert.Equal("booked", (await his.AppointmentAsync(rebooked)).GetProperty("status").GetString());

        // 设备恢复: the room's morning opens again for booking.
        await admin.RunAsync(async a =>
        {
            var room = a.Locator("tr", new() { Has = a.Locator($"[data-testid=admin-exam-room][data-id='{roomId}']") });
            await room.GetByTestId("exam-outage-end").ClickAsync();
            await Expect(room.GetByTestId("exam-outage")).ToHaveCountAsync(0);
        }, "ExamOutage_recovered");
        // The HIS frees its slot again and the sync brings it back.
        await Eventually.Until(async () =>
                (await IdentityApi.GetAsync(account.AccessToken, $"/api/scheduling/exams/orders/{order.GetProperty("id").GetGuid()}/slots?date={day}"))
                .EnumerateArray().Any(s => s.GetProperty("id").GetGuid() == slot.GetProperty("id").GetGuid() && s.GetProperty("remaining").GetInt32() > 0),
            open => open, Wait, "the recovered room's window open again");
    }

    private static async Task<JsonElement> ExamAppointmentAsync(TestAccount account, Guid patientId, Guid id) =>
        (await IdentityApi.GetAsync(account.AccessToken, $"/api/scheduling/exams/appointments?patientId={patientId}"))
        .EnumerateArray().First(a => a.GetProperty("id").GetGuid() == id);

    /// <summary>Adds, as 本人, the first adult seeded HIS patient with at least two open orders that no other account has yet.</summary>
    private static async Task<(string HisId, Guid PatientId, int Orders)> AddSeededPatientWithOrdersAsync(HisSimulator his, TestAccount account)
    {
        var orders = 0;
        var (hisId, patientId) = await his.AddSeededPatientAsync(account, OrderedPatients, async id => (orders = await his.ActiveOrdersAsync(id)) >= 2);
        return (hisId, patientId, orders);
    }

    private static async Task<int> OrderCountAsync(TestAccount account, Guid patientId)
    {
        try
        {
            var orders = await IdentityApi.GetAsync(account.AccessToken, $"/api/scheduling/exams/orders?patientId={patientId}");
            return orders.EnumerateArray().Count(o => o.GetProperty("status").GetString() == "active");
        }
        catch (HttpRequestException)
        {
            return -1; // not linked yet
        }
    }
}
