using Payment.API.Domain;
using Platform.Contracts.His;
using Platform.Contracts.Payment;
using Platform.Messaging.Outbox;

namespace Payment.API.Application;

/// <summary>The events a payment's steps send, written to the outbox with the step's own change.</summary>
public sealed class PaymentNews(IIntegrationEventOutbox outbox)
{
    public void StatusChanged(PaymentOrder o, IReadOnlyCollection<Refund> refunds, InsuranceClaim? claim = null)
    {
        var (status, text) = OrderStatus.Shown(o, refunds, claim);
        outbox.Add(new PaymentStatusChangedIntegrationEvent(o.Id, o.PatientId, o.Kind, o.SourceId, status, text));
    }

    public void Succeeded(PaymentOrder o, InsuranceClaim? claim = null)
    {
        outbox.Add(new PaymentSucceededIntegrationEvent(o.Id, o.PatientId, o.Kind, o.SourceId, o.AmountFen, o.Description, o.PaidAt!.Value));
        // The HIS learns of money paid for its own bills and deposit accounts: the whole bill, with insurance's part.
        if (o.Kind == OrderKinds.Outpatient && o.HisReference is { } invoice)
            outbox.Add(new HisBillPaidIntegrationEvent(o.Id, o.PatientId, invoice, o.AmountFen, o.TransactionId ?? "", o.PaidAt.Value,
                claim?.FundPayFen ?? 0, claim?.AccountPayFen ?? 0, claim?.SettlementId));
        else if (o.Kind == OrderKinds.Deposit && o.HisReference is { } account)
            outbox.Add(new HisDepositPaidIntegrationEvent(o.Id, o.PatientId, account, o.AmountFen, o.TransactionId!, o.PaidAt.Value));
    }

    public void Refunded(PaymentOrder o, Refund r) =>
        outbox.Add(new PaymentRefundedIntegrationEvent(o.Id, o.PatientId, o.Kind, o.SourceId, r.AmountFen, r.Reason));
}
