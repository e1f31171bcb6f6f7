using System.Net.Http.Json;
using Platform.Contracts.His;
using Platform.Contracts.Payment;

namespace Scheduling.Tests;

/// <summary>The registration fee through Payment's events: asked for at 待支付, booked when paid, withdrawn when the
/// hold lapses, refunded when a paid booking ends, carried over by 改约, and returned when it arrives too late.</summary>
public sealed class RegistrationFeeTests(PaymentRequiredFixture f) : IClassFixture<PaymentRequiredFixture>
{
    private async Task<(TestPatient Patient, Guid Id, TestClinic Clinic, DateOnly Day)> AwaitingPaymentAsync(int hour)
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(day, hour, 0), units: 1);
        var patient = await f.World.PatientAsync();
        var id = (await f.World.BookedAsync(patient, slotId)).GetProperty("id").GetGuid();
        await f.World.PublishAsync(new HisAppointmentConfirmedIntegrationEvent(id, $"his-fee-{id:N}", "x"));
        await f.World.UntilStatusAsync(patient, id, "awaitingPayment");
        return (patient, id, clinic, day);
    }

    private async Task PayAsync(Guid id, long fen)
    {
        await f.World.PublishAsync(new PaymentSucceededIntegrationEvent(Guid.NewGuid(), Guid.Empty, OrderKinds.Registration, id, fen, "挂号费",
            DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task The_fee_is_asked_for_at_awaiting_payment_and_paying_it_books_the_appointment()
    {
        var (patient, id, _, _) = await AwaitingPaymentAsync(8);
        var asked = await f.Published.UntilAsync<PaymentRequestedIntegrationEvent>(e => e.OrderId == id);
        var appointment = await f.World.AppointmentAsync(patient, id);
        Assert.Equal(OrderKinds.Registration, asked.OrderKind);
        Assert.Equal(patient.AccountId, asked.AccountId);
        Assert.Equal(appointment.GetProperty("feeFen").GetInt64(), asked.AmountFen);
        Assert.True(asked.AmountFen > 0);
        Assert.Equal(appointment.GetProperty("holdExpiresAt").GetDateTimeOffset(), asked.PayBy);
        Assert.StartsWith("挂号费", asked.Description);

        await PayAsync(id, asked.AmountFen);
        var booked = await f.World.UntilStatusAsync(patient, id, "booked");
        Assert.Equal(asked.AmountFen, booked.GetProperty("paidFen").GetInt64());
        Assert.Equal(JsonValueKindNull, booked.GetProperty("holdExpiresAt").ValueKind);
        await f.Published.UntilAsync<Platform.Contracts.Scheduling.AppointmentBookedIntegrationEvent>(e => e.AppointmentId == id);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_lapsed_hold_withdraws_the_fee_and_money_arriving_afterwards_goes_back()
    {
        var (patient, id, _, _) = await AwaitingPaymentAsync(9);
        f.Clock.Advance(TimeSpan.FromMinutes(16));
        try
        {
            await f.World.UntilStatusAsync(patient, id, "expired");
            var withdrawn = await f.Published.UntilAsync<PaymentWithdrawnIntegrationEvent>(e => e.OrderId == id);
            Assert.Equal(OrderKinds.Registration, withdrawn.OrderKind);
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
        await PayAsync(id, 5000);
        var back = await f.Published.UntilAsync<RefundRequestedIntegrationEvent>(e => e.OrderId == id);
        Assert.Null(back.AmountFen);
        Assert.Equal("expired", (await f.World.AppointmentAsync(patient, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancelling_a_paid_booking_refunds_it_and_cancelling_an_unpaid_one_withdraws_the_fee()
    {
        var (paid, paidId, _, _) = await AwaitingPaymentAsync(10);
        await PayAsync(paidId, 5000);
        await f.World.UntilStatusAsync(paid, paidId, "booked");
        (await paid.Client.PostAsJsonAsync($"/api/scheduling/appointments/{paidId}/cancel", new { reason = "行程有变" })).EnsureSuccessStatusCode();
        var refund = await f.Published.UntilAsync<RefundRequestedIntegrationEvent>(e => e.OrderId == paidId);
        Assert.Equal("行程有变", refund.Reason);

        var (unpaid, unpaidId, _, _) = await AwaitingPaymentAsync(11);
        (await unpaid.Client.PostAsJsonAsync($"/api/scheduling/appointments/{unpaidId}/cancel", new { reason = "不去了" })).EnsureSuccessStatusCode();
        await f.Published.UntilAsync<PaymentWithdrawnIntegrationEvent>(e => e.OrderId == unpaidId);
        Assert.DoesNotContain(f.Published.Of<RefundRequestedIntegrationEvent>(), e => e.OrderId == unpaidId);
    }

    [Fact]
    public async Task Rescheduling_a_paid_booking_carries_the_fee_to_the_new_slot_without_paying_again()
    {
        var (patient, id, _, day) = await AwaitingPaymentAsync(14);
        await PayAsync(id, 3000);
        await f.World.UntilStatusAsync(patient, id, "booked");
        var newSlot = await f.World.SlotAsync(await f.World.ClinicAsync(), SchedulingWorld.Local(day.AddDays(1), 15, 0), units: 1);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduling/appointments/{id}/reschedule")
        {
            Content = JsonContent.Create(new { slotId = newSlot }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var moved = await (await patient.Client.SendAsync(request)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var newId = moved.GetProperty("id").GetGuid();
        await f.World.PublishAsync(new HisAppointmentConfirmedIntegrationEvent(newId, $"his-fee-{newId:N}", "x"));

        var booked = await f.World.UntilStatusAsync(patient, newId, "booked");
        Assert.Equal(3000, booked.GetProperty("paidFen").GetInt64());
        Assert.DoesNotContain(f.Published.Of<PaymentRequestedIntegrationEvent>(), e => e.OrderId == newId);
        Assert.DoesNotContain(f.Published.Of<RefundRequestedIntegrationEvent>(), e => e.OrderId == id);
        // Cancelling the new one later refunds through the order that took the money.
        (await patient.Client.PostAsJsonAsync($"/api/scheduling/appointments/{newId}/cancel", new { reason = "还是不去了" })).EnsureSuccessStatusCode();
        await f.Published.UntilAsync<RefundRequestedIntegrationEvent>(e => e.OrderId == id && e.Reason == "还是不去了");
    }

    [Fact]
    public async Task Rescheduling_to_a_dearer_doctor_is_refused_and_to_a_cheaper_one_refunds_the_difference()
    {
        var (patient, id, _, day) = await AwaitingPaymentAsync(16);
        await PayAsync(id, 3000);
        await f.World.UntilStatusAsync(patient, id, "booked");

        var dearClinic = await f.World.ClinicAsync(feeFen: 5000);
        var dearer = await f.World.SlotAsync(dearClinic, SchedulingWorld.Local(day.AddDays(1), 9, 0), units: 1);
        var refused = await patient.Client.SendAsync(Reschedule(id, dearer));
        Assert.Equal(409, (int)refused.StatusCode);
        Assert.Contains("请取消原预约后重新预约", await refused.Content.ReadAsStringAsync());
        // Nothing moved: the paid booking stands and the dearer slot is still free.
        await f.World.UntilStatusAsync(patient, id, "booked");
        Assert.Equal(1, (await f.World.SlotsAsync(dearClinic, day.AddDays(1))).Single(s => s.GetProperty("id").GetGuid() == dearer)
            .GetProperty("remaining").GetInt32());

        var cheaper = await f.World.SlotAsync(await f.World.ClinicAsync(feeFen: 1200), SchedulingWorld.Local(day.AddDays(1), 10, 0), units: 1);
        var moved = await (await patient.Client.SendAsync(Reschedule(id, cheaper))).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var newId = moved.GetProperty("id").GetGuid();
        await f.World.PublishAsync(new HisAppointmentConfirmedIntegrationEvent(newId, $"his-fee-{newId:N}", "x"));
        var booked = await f.World.UntilStatusAsync(patient, newId, "booked");
        Assert.Equal(1200, booked.GetProperty("paidFen").GetInt64());
        var refund = await f.Published.UntilAsync<RefundRequestedIntegrationEvent>(e => e.OrderId == id);
        Assert.Equal(1800, refund.AmountFen);
    }

    private static HttpRequestMessage Reschedule(Guid id, Guid slotId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduling/appointments/{id}/reschedule") { Content = JsonContent.Create(new { slotId }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return request;
    }
}
