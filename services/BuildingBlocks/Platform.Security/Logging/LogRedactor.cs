using System.Text.RegularExpressions;
using Platform.Security.Masking;

namespace Platform.Security.Logging;

/// <summary>Masks anything that looks like an ID number, mobile number or card number in free text (third-party
/// error bodies, exception messages) before it is logged.</summary>
public static partial class LogRedactor
{
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var result = ResidentId().Replace(text, m => Mask.IdNumber(m.Value));
        result = Mobile().Replace(result, m => Mask.Phone(m.Value));
        return LongDigits().Replace(result, m => Mask.Card(m.Value));
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex ResidentId();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)\d{12,19}(?!\d)")]
    private static partial Regex LongDigits();
}
