using System.Text.RegularExpressions;
using Identity.API.Domain;
using Platform.Security.Identifiers;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Patients;

/// <summary>Adding a patient. Gender and birth date are read from a resident ID; other documents must state them.</summary>
public sealed partial record PatientRequest(string? Relation, string? Name, string? IdType, string? IdNumber, string? Phone,
    string? Method, string? CardNumber, bool? GuardianConsent, string? Gender = null, DateOnly? BirthDate = null)
{
    /// <summary>Every format rule, before any call to the verification authority. Returns the normalised identity.</summary>
    public (string IdNumber, string Gender, DateOnly BirthDate) Validate(DateOnly today)
    {
        var v = new Validation()
            .Required("relation", Relation, "与本人关系");
        if (Relation is { Length: > 0 } && !PatientRelation.All.Contains(Relation)) v.Add("relation", "与本人关系无效");
        v.Required("name", Name, "姓名").Matches("name", Name?.Trim(), NamePattern(), "姓名应为2-30个汉字或字母，可含间隔号“·”");
        if (IdType is null || !IdentityDocumentType.All.Contains(IdType)) v.Add("idType", "请选择证件类型");
        else if (IdentityDocument.Problem(IdType, IdNumber, today) is { } idProblem) v.Add("idNumber", idProblem);
        v.Required("phone", Phone, "手机号").Matches("phone", Phone?.Trim(), Fields.MobilePattern(), "请输入正确的11位手机号");
        if (Method is null || !VerificationMethod.All.Contains(Method)) v.Add("method", "请选择实名认证方式");
        else if (Method != VerificationMethod.IdCard && (CardNumber is null || !CardPattern().IsMatch(CardNumber.Trim())))
            v.Add("cardNumber", Method == VerificationMethod.BankCard ? "请输入正确的银行卡号（12-19位数字）" : "请输入正确的社会保障卡号");
        v.ThrowIfAny();

        var idNumber = IdentityDocument.Normalise(IdNumber!);
        var (gender, birthDate) = IdType == IdentityDocumentType.ResidentId
            ? (ResidentIdNumber.Gender(idNumber), ResidentIdNumber.BirthDate(idNumber)!.Value)
            : (Gender ?? "", BirthDate ?? default);
        if (IdType != IdentityDocumentType.ResidentId)
        {
            if (gender is not ("male" or "female")) v.Add("gender", "请选择性别");
            if (BirthDate is not { } b || b < new DateOnly(1900, 1, 1) || b > today) v.Add("birthDate", "请填写正确的出生日期");
            v.ThrowIfAny();
        }
        if (AgeOn(birthDate, today) < Patient.GuardianAgeLimit)
        {
            if (Relation != "child") v.Add("relation", "未满14周岁的就诊人只能以“子女”关系添加");
            if (GuardianConsent != true) v.Add("guardianConsent", "为未满14周岁的儿童添加就诊人，需由监护人同意");
        }
        v.ThrowIfAny();
        return (idNumber, gender, birthDate);
    }

    public static int AgeOn(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        return birth > today.AddYears(-age) ? age - 1 : age;
    }

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z][\p{IsCJKUnifiedIdeographs}A-Za-z·• ]{0,28}[\p{IsCJKUnifiedIdeographs}A-Za-z]$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[0-9A-Za-z]{9,19}$")]
    private static partial Regex CardPattern();
}

public sealed partial record PatientUpdate(string? Phone)
{
    public void Validate() => new Validation()
        .Required("phone", Phone, "手机号").Matches("phone", Phone?.Trim(), Fields.MobilePattern(), "请输入正确的11位手机号")
        .ThrowIfAny();
}

public sealed record SharingUpdate(bool Allowed);
