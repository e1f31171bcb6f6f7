namespace Platform.Contracts.His;

/// <summary>A patient paid an outpatient bill (门诊缴费) on the platform: the HIS records the payment and balances the
/// invoice. <paramref name="AmountFen"/> is the whole bill; medical insurance paid <paramref name="InsuranceFundFen"/>
/// (统筹) and <paramref name="InsuranceAccountFen"/> (个人账户) of it under <paramref name="InsuranceSettlementId"/>, WeChat
/// Pay the rest under <paramref name="TransactionId"/> (empty when insurance paid everything).</summary>
public record HisBillPaidIntegrationEvent(
    Guid PaymentId, Guid PatientId, string HisInvoiceId, long AmountFen, string TransactionId, DateTimeOffset PaidAt,
    long InsuranceFundFen = 0, long InsuranceAccountFen = 0, string? InsuranceSettlementId = null) : IntegrationEvent;

/// <summary>A patient topped up an inpatient deposit account (住院预交金): the HIS records it and raises the balance.</summary>
public record HisDepositPaidIntegrationEvent(
    Guid PaymentId, Guid PatientId, string HisAccountId, long AmountFen, string TransactionId, DateTimeOffset PaidAt) : IntegrationEvent;

/// <summary>The HIS would not take a payment made on the platform (the bill was paid at the window meanwhile, its amount
/// changed, the account was closed): the money must go back to the patient.</summary>
public record HisPaymentRefusedIntegrationEvent(Guid PaymentId, string Reason) : IntegrationEvent;
