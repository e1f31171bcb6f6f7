using HisAdapter.API.Application.Commands;
using HisAdapter.API.Infrastructure;
using MassTransit;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace HisAdapter.API.Consumers;

/// <summary>A patient paid an outpatient bill on the platform (门诊缴费): queued for the HIS, one command per payment, so a
/// second delivery under another message id adds nothing.</summary>
public sealed class HisBillPaidConsumer(HisAdapterDbContext db, HisCommandQueue queue)
    : IdempotentConsumer<HisBillPaidIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(HisBillPaidIntegrationEvent m, ConsumeContext<HisBillPaidIntegrationEvent> context) =>
        await queue.EnqueuePaymentAsync(
            new RecordPaymentCommand(m.PaymentId, "Invoice", m.HisInvoiceId, m.AmountFen, m.TransactionId, m.PaidAt,
                m.InsuranceFundFen, m.InsuranceAccountFen, m.InsuranceSettlementId), context.CancellationToken);
}

/// <summary>A patient topped up an inpatient deposit on the platform (住院预交金): queued for the HIS like a bill payment.</summary>
public sealed class HisDepositPaidConsumer(HisAdapterDbContext db, HisCommandQueue queue)
    : IdempotentConsumer<HisDepositPaidIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(HisDepositPaidIntegrationEvent m, ConsumeContext<HisDepositPaidIntegrationEvent> context) =>
        await queue.EnqueuePaymentAsync(
            new RecordPaymentCommand(m.PaymentId, "Account", m.HisAccountId, m.AmountFen, m.TransactionId, m.PaidAt), context.CancellationToken);
}
