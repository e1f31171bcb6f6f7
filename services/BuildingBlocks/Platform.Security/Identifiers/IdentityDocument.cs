using System.Text.RegularExpressions;

namespace Platform.Security.Identifiers;

public static class IdentityDocumentType
{
    public const string ResidentId = "resident_id";
    public const string HongKongMacaoPermit = "hk_macao_permit";
    public const string TaiwanPermit = "taiwan_permit";
    public const string ForeignPermanentId = "foreign_permanent_id";
    public const string Passport = "passport";

    public static readonly string[] All = [ResidentId, HongKongMacaoPermit, TaiwanPermit, ForeignPermanentId, Passport];
}

/// <summary>Format checks for every identity document a patient may register with.</summary>
public static partial class IdentityDocument
{
    /// <summary>Null when <paramref name="number"/> is well-formed for <paramref name="type"/>, else the Chinese reason.</summary>
    public static string? Problem(string? type, string? number, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(number)) return "请填写证件号码";
        var v = Normalise(number);
        return type switch
        {
            IdentityDocumentType.ResidentId => ResidentIdNumber.Problem(v, today),
            IdentityDocumentType.HongKongMacaoPermit => HongKongMacao().IsMatch(v) ? null
                : "港澳居民来往内地通行证号码应为H或M开头，后接8位或10位数字",
            IdentityDocumentType.TaiwanPermit => Taiwan().IsMatch(v) ? null : "台湾居民来往大陆通行证号码应为8位数字",
            IdentityDocumentType.ForeignPermanentId => ForeignPermanentProblem(v, today),
            IdentityDocumentType.Passport => Passport().IsMatch(v) ? null : "护照号码应为5-17位字母或数字",
            _ => "证件类型无效",
        };
    }

    public static string Normalise(string number) => number.Trim().ToUpperInvariant();

    /// <summary>15 characters (3 letters country code + 12 digits, before 2023) or 18 (since 2023: starts with 9,
    /// GB 11643 check character).</summary>
    private static string? ForeignPermanentProblem(string v, DateOnly today)
    {
        if (v.Length == 15) return OldForeignPermanent().IsMatch(v) ? null : "外国人永久居留身份证号码格式不正确";
        if (v.Length == 18 && v[0] == '9' && v[..17].All(char.IsAsciiDigit))
            return ResidentIdNumber.CheckCharacter(v) == v[17] ? null : "外国人永久居留身份证号码校验位不正确";
        return "外国人永久居留身份证号码应为15位或18位";
    }

    [GeneratedRegex(@"^[HM](\d{8}|\d{10})$")]
    private static partial Regex HongKongMacao();

    [GeneratedRegex(@"^\d{8}$")]
    private static partial Regex Taiwan();

    [GeneratedRegex(@"^[A-Z]{3}\d{12}$")]
    private static partial Regex OldForeignPermanent();

    [GeneratedRegex(@"^[A-Z0-9]{5,17}$")]
    private static partial Regex Passport();
}
