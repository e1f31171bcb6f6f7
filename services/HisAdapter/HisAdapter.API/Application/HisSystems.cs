namespace HisAdapter.API.Application;

/// <summary>Identifier systems and extension URLs the hospital's HIS uses.</summary>
public static class HisSystems
{
    public const string ResidentId = "urn:oid:2.16.156.10011.1.2";
    public const string Passport = "urn:oid:2.16.840.1.113883.4.330";
    public const string OtherIdDocument = "http://platform.jcsy.example/sid/id-document";
    public const string PlatformAppointment = "http://platform.jcsy.example/sid/appointment";
    public const string PlatformPatient = "http://platform.jcsy.example/sid/patient";
    /// <summary>Staff's 加诊 request on the platform, carried by the Schedule the HIS creates for it.</summary>
    public const string PlatformSessionRequest = "http://platform.jcsy.example/sid/session-request";
    /// <summary>A payment made on the platform (门诊缴费, 住院预交金): the PaymentNotice and PaymentReconciliation carry its id.</summary>
    public const string PlatformPayment = "http://platform.jcsy.example/sid/payment";
    /// <summary>An online consultation on the platform (在线咨询, 互联网复诊): the virtual Encounter and its note carry its id.</summary>
    public const string PlatformConsultation = "http://platform.jcsy.example/sid/consultation";
    /// <summary>WeChat Pay's transaction id (transaction_id), the HIS cashier's key for reconciliation.</summary>
    public const string WeChatPayTransaction = "https://pay.weixin.qq.com/sid/transaction-id";
    /// <summary>A 医保移动支付 settlement (结算) at the national insurance platform.</summary>
    public const string InsuranceSettlement = "http://platform.jcsy.example/sid/insurance-settlement";
    /// <summary>Who paid which part of a bill: 医保统筹, 个人账户, 自付.</summary>
    public const string PaymentSource = "http://platform.jcsy.example/CodeSystem/payment-source";
    public const string PaymentStatus = "http://terminology.hl7.org/CodeSystem/paymentstatus";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Department = "http://his.jcsy.example/CodeSystem/department";
    public const string ExamService = "http://his.jcsy.example/CodeSystem/exam-service";
    public const string ExamItem = "http://his.jcsy.example/CodeSystem/exam-item";
    private const string Extensions = "http://his.jcsy.example/fhir/StructureDefinition/";
    public const string Building = Extensions + "building";
    public const string Floor = Extensions + "floor";
    public const string Introduction = Extensions + "introduction";
    public const string Expertise = Extensions + "expertise";
    public const string RegistrationFee = Extensions + "registration-fee";
    public const string DepositTotal = Extensions + "deposit-total";
    public const string ChargesTotal = Extensions + "charges-total";
    public const string DepositBalance = Extensions + "deposit-balance";
    public const string FastingRequired = Extensions + "fasting-required";

    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
}
