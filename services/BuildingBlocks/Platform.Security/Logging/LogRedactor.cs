using System.Text.RegularExpressions;
using Platform.Security.Masking;

namespace Platform.Security.Logging;

/// <summary>Masks anything that looks like an ID number, mobile number, card number or WeChat openid in free text (third-party
/// error bodies, exception messages) before it is logged.</summary>
public static partial class LogRedactor
{
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var result = ResidentId().Replace(text, m => Mask.IdNumber(m.Value));
        result = Mobile().Replace(result, m => Mask.Phone(m.Value));
        result = LongDigits().Replace(result, m => Mask.Card(m.Value));
        return OpenId().Replace(result, m => Mask.OpenId(m.Value));
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex ResidentId();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)\d{12,19}(?!\d)")]
    private static partial Regex LongDigits();

    /// <summary>Service-account openids: 28 characters of base64url starting with "o".</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z_-])o[0-9A-Za-z_-]{27}(?![0-9A-Za-z_-])")]
    private static partial Regex OpenId();
}
