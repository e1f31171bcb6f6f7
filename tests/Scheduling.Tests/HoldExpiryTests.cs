using Platform.Contracts.His;
using Platform.Contracts.Scheduling;

namespace Scheduling.Tests;

public sealed class HoldExpiryTests(PaymentRequiredFixture f) : IClassFixture<PaymentRequiredFixture>
{
    [Fact]
    public async Task An_unpaid_hold_expires_after_fifteen_minutes_and_returns_the_unit()
    {
        var clinic = await f.World.ClinicAsync();
        var day = f.World.Today.AddDays(1);
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(day, 9, 30), units: 1);
        var patient = await f.World.PatientAsync();
        var id = (await f.World.BookedAsync(patient, slotId)).GetProperty("id").GetGuid();
        await f.World.PublishAsync(new HisAppointmentConfirmedIntegrationEvent(id, "his-hold-1", "x"));
        var waiting = await f.World.UntilStatusAsync(patient, id, "awaitingPayment");
        Assert.Equal("待支付", waiting.GetProperty("statusText").GetString());
        Assert.Equal(0, (await f.World.SlotAsync(clinic, slotId, day)).GetProperty("remaining").GetInt32());

        f.Clock.Advance(TimeSpan.FromMinutes(16));
        try
        {
            var expired = await f.World.UntilStatusAsync(patient, id, "expired");
            Assert.Equal("已过期", expired.GetProperty("statusText").GetString());
            Assert.Equal(1, (await f.World.SlotAsync(clinic, slotId, day)).GetProperty("remaining").GetInt32());
            await f.Published.UntilAsync<HisAppointmentCancelRequestedIntegrationEvent>(e => e.AppointmentId == id);
            await f.Published.UntilAsync<AppointmentStatusChangedIntegrationEvent>(e => e.AppointmentId == id && e.Status == "expired");
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_booking_the_his_has_not_answered_reads_waiting_for_the_hospital()
    {
        var clinic = await f.World.ClinicAsync();
        var slotId = await f.World.SlotAsync(clinic, SchedulingWorld.Local(f.World.Today.AddDays(1), 10, 30), units: 1);
        var patient = await f.World.PatientAsync();
        var id = (await f.World.BookedAsync(patient, slotId)).GetProperty("id").GetGuid();

        f.Clock.Advance(TimeSpan.FromSeconds(11));
        try
        {
            Assert.Equal("等待医院确认", (await f.World.AppointmentAsync(patient, id)).GetProperty("statusText").GetString());
            await f.Published.UntilAsync<AppointmentStatusChangedIntegrationEvent>(e => e.AppointmentId == id && e.StatusText == "等待医院确认");
            Assert.Equal("locking", (await f.World.AppointmentAsync(patient, id)).GetProperty("status").GetString());
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }
}
