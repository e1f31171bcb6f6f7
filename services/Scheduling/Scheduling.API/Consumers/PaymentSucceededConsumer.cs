using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Payment;
using Platform.Messaging.Inbox;
using Scheduling.API.Application;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Consumers;

/// <summary>A registration fee was paid: 待支付 becomes 已预约. Money that arrives after the hold lapsed or the booking
/// ended goes straight back, so it is never kept for nothing.</summary>
public sealed class PaymentSucceededConsumer(SchedulingDbContext db, AppointmentNews news, AppointmentPayments payments, TimeProvider clock)
    : IdempotentConsumer<PaymentSucceededIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(PaymentSucceededIntegrationEvent e, ConsumeContext<PaymentSucceededIntegrationEvent> context)
    {
        if (e.OrderKind != OrderKinds.Registration) return;
        var appointment = await Db.Appointments
            .FromSql($"SELECT *, xmin FROM appointments WHERE id = {e.OrderId} FOR UPDATE").FirstOrDefaultAsync(context.CancellationToken);
        if (appointment is not { Status: AppointmentStatus.AwaitingPayment })
        {
            payments.Return(e.OrderId, "预约已失效，挂号费原路退回");
            return;
        }
        appointment.Pay(e.AmountFen, clock.GetUtcNow());
        news.StatusChanged(appointment);
        await news.BookedAsync(appointment, context.CancellationToken);
    }
}
