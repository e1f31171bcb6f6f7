using HisAdapter.API.Extensions;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Platform.Fhir.Validation;
using Platform.Messaging.Outbox;

namespace HisAdapter.API.Application.Commands;

/// <summary>Tells the HIS of a payment made on the platform: one transaction of a PaymentReconciliation (the money
/// received, with WeChat Pay's transaction id) and a PaymentNotice (what it pays), both created only if none carries the
/// payment's id yet, so a retry after a lost answer records nothing twice. The HIS balances the Invoice or raises the
/// deposit Account itself. An invoice or account the HIS does not know, or a payment it refuses (another amount, a bill
/// already paid at the window), fails for good: retrying cannot change the HIS's mind, the cashier has to look.</summary>
public sealed class RecordPaymentHandler(FhirClient his, IOptions<HisOptions> options, TimeProvider clock, IIntegrationEventOutbox outbox,
    ILogger<RecordPaymentHandler> logger)
{
    public async Task<CommandOutcome> HandleAsync(RecordPaymentCommand command, CancellationToken ct)
    {
        if (await ExistsAsync(command, ct) is false)
            return Refused(command, $"医院系统中不存在{PayeeText(command)} {command.PayeeType}/{command.PayeeHisId}");
        try
        {
            await his.TransactionAsync(PaymentBundle.For(command, options.Value.HospitalOrganizationId, clock.GetUtcNow()), ct: ct);
            return CommandOutcome.Done;
        }
        catch (FhirOperationException ex) when (!HisFailure.IsTransient(ex))
        {
            var reason = ex.Outcome?.Issue.Select(i => i.Details?.Text ?? i.Diagnostics).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
            return Refused(command, $"医院系统拒绝了{PayeeText(command)}缴费（{(int)ex.Status}）：{reason ?? ex.Message}");
        }
        catch (FhirResourceInvalidException ex)
        {
            return Refused(command, "缴费记录未通过 FHIR 校验，未发送至医院：" + ex.Message);
        }
    }

    private async Task<bool> ExistsAsync(RecordPaymentCommand command, CancellationToken ct)
    {
        try
        {
            _ = command.PayeeType == "Invoice"
                ? await his.ReadByIdAsync<Invoice>(command.PayeeHisId, ct)
                : await his.ReadByIdAsync<Account>(command.PayeeHisId, ct) as Resource;
            return true;
        }
        catch (FhirOperationException ex) when (ex.IsNotFound())
        {
            return false;
        }
    }

    private CommandOutcome Refused(RecordPaymentCommand command, string reason)
    {
        logger.LogError("Payment {PaymentId} ({AmountFen} fen, WeChat Pay {TransactionId}) could not be recorded at the HIS: {Reason}",
            command.PaymentId, command.AmountFen, command.TransactionId, reason);
        // Committed with the refusal: Payment gives the money back, so nobody pays twice for one bill.
        outbox.Add(new HisPaymentRefusedIntegrationEvent(command.PaymentId, reason));
        return CommandOutcome.Refused(reason);
    }

    private static string PayeeText(RecordPaymentCommand command) => command.PayeeType == "Invoice" ? "门诊发票" : "住院预交金账户";
}

/// <summary>The transaction that records one payment at the HIS; the notice points at the reconciliation by its urn:uuid
/// until the HIS assigns it an id (or finds the one an earlier attempt created).</summary>
public static class PaymentBundle
{
    public static Bundle For(RecordPaymentCommand command, string hospitalOrganizationId, DateTimeOffset now)
    {
        var paymentId = command.PaymentId.ToString();
        var amount = new Money { Value = command.AmountFen / 100m, Currency = Money.Currencies.CNY };
        var paymentDate = command.PaidAt.ToOffset(HisSystems.Shanghai).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = new FhirDateTime(now.ToOffset(HisSystems.Shanghai));
        var reconciliationUrn = $"urn:uuid:{Guid.NewGuid()}";
        var insured = command.InsuranceSettlementId is not null;
        var reconciliation = new PaymentReconciliation
        {
            Identifier = [Identifier(paymentId)],
            Status = FinancialResourceStatusCodes.Active,
            CreatedElement = created,
            PaymentDate = paymentDate,
            PaymentAmount = amount,
            PaymentIdentifier = string.IsNullOrEmpty(command.TransactionId) && insured
                ? new Identifier(HisSystems.InsuranceSettlement, command.InsuranceSettlementId)
                : new Identifier(HisSystems.WeChatPayTransaction, command.TransactionId),
            Outcome = ClaimProcessingCodes.Complete,
            Disposition = command.PayeeType == "Invoice"
                ? insured ? "互联网医院门诊缴费（医保移动支付 + 微信支付）" : "互联网医院门诊缴费（微信支付）"
                : "互联网医院住院预交金（微信支付）",
            Detail = insured ? InsuranceDetails(command) : [],
        };
        var notice = new PaymentNotice
        {
            Identifier = [Identifier(paymentId)],
            Status = FinancialResourceStatusCodes.Active,
            Request = FhirHelpers.Ref(command.PayeeType, command.PayeeHisId),
            CreatedElement = (FhirDateTime)created.DeepCopy(),
            Payment = new ResourceReference(reconciliationUrn),
            PaymentDate = paymentDate,
            Recipient = FhirHelpers.Ref("Organization", hospitalOrganizationId),
            Amount = (Money)amount.DeepCopy(),
            PaymentStatus = new CodeableConcept(HisSystems.PaymentStatus, "paid", "Paid", "已支付"),
        };
        var condition = $"identifier={HisSystems.PlatformPayment}|{paymentId}";
        return new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                Post(reconciliationUrn, reconciliation, condition),
                Post($"urn:uuid:{Guid.NewGuid()}", notice, condition),
            ],
        };
    }

    private static Identifier Identifier(string paymentId) => new(HisSystems.PlatformPayment, paymentId);

    /// <summary>The bill's three payers, so the cashier's books show what insurance owes the hospital.</summary>
    private static List<PaymentReconciliation.DetailsComponent> InsuranceDetails(RecordPaymentCommand command) =>
    [
        Detail("fund", "医保统筹支付", command.InsuranceFundFen, new Identifier(HisSystems.InsuranceSettlement, command.InsuranceSettlementId)),
        Detail("account", "医保个人账户支付", command.InsuranceAccountFen, new Identifier(HisSystems.InsuranceSettlement, command.InsuranceSettlementId)),
        Detail("self", "个人自付（微信支付）", command.SelfPayFen,
            string.IsNullOrEmpty(command.TransactionId) ? null : new Identifier(HisSystems.WeChatPayTransaction, command.TransactionId)),
    ];

    private static PaymentReconciliation.DetailsComponent Detail(string code, string text, long fen, Identifier? reference) => new()
    {
        Identifier = reference,
        // payment-type is the binding (extensible); our source code says which payer.
        Type = new CodeableConcept
        {
            Coding = [new Coding("http://terminology.hl7.org/CodeSystem/payment-type", "payment", "Payment"), new Coding(HisSystems.PaymentSource, code, text)],
            Text = text,
        },
        Amount = new Money { Value = fen / 100m, Currency = Money.Currencies.CNY },
    };

    private static Bundle.EntryComponent Post(string fullUrl, Resource resource, string ifNoneExist) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName, IfNoneExist = ifNoneExist },
    };
}
