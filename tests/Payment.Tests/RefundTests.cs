using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Payment;
using Platform.Testing;

namespace Payment.Tests;

/// <summary>Orders that end: closed when withdrawn unpaid, refunded when paid, never refunded beyond what was paid.</summary>
public sealed class RefundTests(PaymentFixture fixture) : IClassFixture<PaymentFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.WeChatPay.Http.DeleteAsync("$sim/faults");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_withdrawn_unpaid_order_is_closed_at_WeChat_Pay_and_can_no_longer_be_paid()
    {
        var patient = await PayingPatient.WithFeeAsync(fixture);
        await patient.PayAsync();
        var outTradeNo = await patient.OutTradeNoAsync();

        await fixture.PublishAsync(new PaymentWithdrawnIntegrationEvent(OrderKinds.Registration, patient.SourceId, "未在规定时间内支付"));
        var closed = await patient.UntilStatusAsync("closed");
        Assert.Equal("已关闭", closed.GetProperty("statusText").GetString());
        var atWeChat = await fixture.SimGetAsync($"orders?out_trade_no={outTradeNo}");
        Assert.Equal("CLOSED", (atWeChat.ValueKind == JsonValueKind.Array ? atWeChat[0] : atWeChat).GetProperty("trade_state").GetString());

        var pay = await patient.Client.PostAsync($"/api/payment/orders/{closed.GetProperty("id")}/pay", null);
        Assert.Equal(409, (int)pay.StatusCode);
        Assert.Equal("order_closed", (await pay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Money_that_arrives_for_a_withdrawn_order_goes_straight_back()
    {
        // Paid at the last moment, and the notice lost: our closing round finds the payment instead.
        await fixture.SimAsync("faults", new { suppressNotices = true });
        var patient = await PayingPatient.WithFeeAsync(fixture);
        await patient.PrepayAndPayAsync();
        await fixture.PublishAsync(new PaymentWithdrawnIntegrationEvent(OrderKinds.Registration, patient.SourceId, "预约已过期"));

        var refunded = await fixture.Published.UntilAsync<PaymentRefundedIntegrationEvent>(e => e.OrderId == patient.SourceId,
            TimeSpan.FromSeconds(30));
        Assert.Equal(5000, refunded.AmountFen);
        var order = await patient.UntilStatusAsync("refunded");
        Assert.Equal(5000, order.GetProperty("refundedFen").GetInt64());
        // Nobody was told it was paid: the booking it was for had already lapsed.
        Assert.DoesNotContain(fixture.Published.Of<PaymentSucceededIntegrationEvent>(), e => e.OrderId == patient.SourceId);
    }

    [Fact]
    public async Task Refunds_never_add_up_to_more_than_was_paid_however_often_they_are_asked_for()
    {
        var patient = await PayingPatient.WithFeeAsync(fixture);
        var outTradeNo = await patient.PrepayAndPayAsync();
        await patient.UntilStatusAsync("paid");

        await fixture.PublishAsync(new RefundRequestedIntegrationEvent(OrderKinds.Registration, patient.SourceId, 2000, "部分退费"));
        var partial = await patient.OrderAsync(o => o.GetProperty("refunds").GetArrayLength() == 1
                                                  && o.GetProperty("refunds")[0].GetProperty("status").GetString() == "succeeded");
        Assert.Equal("partiallyRefunded", partial.GetProperty("status").GetString());

        // The rest, asked for three times (a stopped clinic, a cancellation and a redelivery).
        for (var i = 0; i < 3; i++)
            await fixture.PublishAsync(new RefundRequestedIntegrationEvent(OrderKinds.Registration, patient.SourceId, null, "患者取消预约"));
        await fixture.PublishAsync(new RefundRequestedIntegrationEvent(OrderKinds.Registration, patient.SourceId, 5000, "重复申请"));
        var done = await patient.UntilStatusAsync("refunded");
        Assert.Equal(5000, done.GetProperty("refundedFen").GetInt64());
        Assert.Equal(2, done.GetProperty("refunds").GetArrayLength());
        Assert.Equal([2000L, 3000L], done.GetProperty("refunds").EnumerateArray().Select(r => r.GetProperty("amountFen").GetInt64()).Order());

        var atWeChat = await fixture.SimGetAsync($"orders?out_trade_no={outTradeNo}");
        var refunds = (atWeChat.ValueKind == JsonValueKind.Array ? atWeChat[0] : atWeChat).GetProperty("refunds");
        Assert.Equal(5000, refunds.EnumerateArray().Sum(r => r.GetProperty("amount").GetProperty("refund").GetInt64()));
        await Eventually.Until(() => Task.FromResult(fixture.Published.Of<PaymentRefundedIntegrationEvent>().Count(e => e.OrderId == patient.SourceId)),
            n => n == 2, TimeSpan.FromSeconds(20), "two refund events");
    }

    [Fact]
    public async Task A_payment_the_HIS_refuses_is_refunded_in_full_and_raised_for_staff()
    {
        var patient = await PayingPatient.WithFeeAsync(fixture);
        var outTradeNo = await patient.PrepayAndPayAsync();
        var paid = await patient.UntilStatusAsync("paid");

        await fixture.PublishAsync(new Platform.Contracts.His.HisPaymentRefusedIntegrationEvent(paid.GetProperty("id").GetGuid(), "该发票已在窗口缴费"));
        var refunded = await patient.UntilStatusAsync("refunded");
        Assert.Equal(5000, refunded.GetProperty("refundedFen").GetInt64());
        var issues = await fixture.StaffClient().GetFromJsonAsync<JsonElement>("/api/payment/admin/issues?open=true");
        var issue = issues.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("outTradeNo").GetString() == outTradeNo);
        Assert.Equal("his_refused", issue.GetProperty("kind").GetString());
        Assert.Contains("该发票已在窗口缴费", issue.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_refund_that_ends_abnormal_is_raised_for_staff()
    {
        await fixture.SimAsync("faults", new { refundAbnormal = 1 });
        var patient = await PayingPatient.WithFeeAsync(fixture);
        var outTradeNo = await patient.PrepayAndPayAsync();
        await patient.UntilStatusAsync("paid");
        await fixture.PublishAsync(new RefundRequestedIntegrationEvent(OrderKinds.Registration, patient.SourceId, null, "患者取消预约"));

        var issue = await Eventually.Until(async () =>
        {
            var issues = await fixture.StaffClient().GetFromJsonAsync<JsonElement>("/api/payment/admin/issues?open=true");
            return issues.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("outTradeNo").GetString() == outTradeNo);
        }, i => i.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(30), "the refund issue");
        Assert.Equal("refund_abnormal", issue.GetProperty("kind").GetString());
        var order = await patient.OrderAsync();
        Assert.Equal("abnormal", order.GetProperty("refunds")[0].GetProperty("status").GetString());

        var staff = fixture.StaffClient();
        var empty = await staff.PostAsJsonAsync($"/api/payment/admin/issues/{issue.GetProperty("id")}/resolve", new { note = " " });
        Assert.Equal(400, (int)empty.StatusCode);
        Assert.Contains("处理说明", await empty.Content.ReadAsStringAsync());
        var resolved = await staff.PostAsJsonAsync($"/api/payment/admin/issues/{issue.GetProperty("id")}/resolve",
            new { note = "已联系患者，改为现金退款" });
        var body = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("财务张三", body.GetProperty("resolvedBy").GetString());
    }
}
