using System.Text;
using System.Text.RegularExpressions;

namespace Platform.WeChat.Templates;

/// <summary>
/// WeChat's per-type limits for template and subscription message fields. Free text (thing) is cleaned and
/// shortened with an ellipsis; values whose meaning would change when cut (codes, times, amounts) are rejected.
/// </summary>
public static partial class TemplateFieldRules
{
    public const string Ellipsis = "…";
    public const int ThingMaxChars = 20;
    public const int CharacterStringMaxChars = 32;
    public const int NumberMaxChars = 32;
    public const int LetterMaxChars = 32;
    public const int SymbolMaxChars = 5;
    public const int PhraseMaxChars = 5;
    public const int PhoneNumberMaxChars = 17;
    public const int CarNumberMaxChars = 8;
    public const int NameMaxChineseChars = 10;
    public const int NameMaxLatinChars = 20;
    public const int UnknownMaxChars = 200;

    public static TemplateFieldKind Classify(string key)
    {
        var prefix = key.TrimEnd("0123456789".ToCharArray());
        return prefix switch
        {
            "thing" => TemplateFieldKind.Thing,
            "number" => TemplateFieldKind.Number,
            "letter" => TemplateFieldKind.Letter,
            "symbol" => TemplateFieldKind.Symbol,
            "character_string" => TemplateFieldKind.CharacterString,
            "time" => TemplateFieldKind.Time,
            "date" => TemplateFieldKind.Date,
            "amount" => TemplateFieldKind.Amount,
            "phone_number" => TemplateFieldKind.PhoneNumber,
            "car_number" => TemplateFieldKind.CarNumber,
            "name" => TemplateFieldKind.Name,
            "phrase" => TemplateFieldKind.Phrase,
            _ => TemplateFieldKind.Unknown,
        };
    }

    /// <summary>Returns the value WeChat will accept, or throws <see cref="TemplateFieldException"/>.</summary>
    public static string Normalize(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var kind = Classify(key);
        if (kind == TemplateFieldKind.Thing)
        {
            var thing = CollapseControlCharacters(value);
            if (thing.Length == 0) Reject(key, kind, "value is empty");
            return Truncate(thing, ThingMaxChars);
        }

        if (value.Any(char.IsControl))
            Reject(key, kind, "line breaks and control characters are not allowed");
        var v = value.Trim();
        if (v.Length == 0)
            Reject(key, kind, "value is empty");

        var length = CountChars(v);
        switch (kind)
        {
            case TemplateFieldKind.Number:
                Require(key, kind, length <= NumberMaxChars && NumberPattern().IsMatch(v), "at most 32 digits, optionally with decimals");
                break;
            case TemplateFieldKind.Letter:
                Require(key, kind, length <= LetterMaxChars && v.All(char.IsAsciiLetter), "at most 32 letters");
                break;
            case TemplateFieldKind.Symbol:
                Require(key, kind, length <= SymbolMaxChars && v.All(IsSymbol), "at most 5 symbols");
                break;
            case TemplateFieldKind.CharacterString:
                Require(key, kind, length <= CharacterStringMaxChars && v.All(c => c is > ' ' and <= '~'), "at most 32 ASCII letters, digits or symbols");
                break;
            case TemplateFieldKind.Time:
                Require(key, kind, TimePattern().IsMatch(v), "24-hour time, optionally with a date, or a range joined by '~'");
                break;
            case TemplateFieldKind.Date:
                Require(key, kind, DatePattern().IsMatch(v), "a date such as 2024年5月1日 or 2024-05-01, optionally with time, or a range joined by '~'");
                break;
            case TemplateFieldKind.Amount:
                Require(key, kind, AmountPattern().IsMatch(v), "an optional currency symbol, at most 10 digits, optional decimals and 元");
                break;
            case TemplateFieldKind.PhoneNumber:
                Require(key, kind, length <= PhoneNumberMaxChars && v.All(c => char.IsAsciiDigit(c) || IsSymbol(c)), "at most 17 digits and symbols");
                break;
            case TemplateFieldKind.CarNumber:
                Require(key, kind, length <= CarNumberMaxChars && CarNumberPattern().IsMatch(v), "at most 8 characters, Chinese only first or last");
                break;
            case TemplateFieldKind.Name:
                Require(key, kind, v.Any(IsChinese) ? length <= NameMaxChineseChars : length <= NameMaxLatinChars,
                    "at most 10 Chinese or 20 Latin characters");
                break;
            case TemplateFieldKind.Phrase:
                Require(key, kind, length <= PhraseMaxChars && v.All(IsChinese), "at most 5 Chinese characters");
                break;
            default:
                Require(key, kind, length <= UnknownMaxChars, "at most 200 characters");
                break;
        }
        return v;
    }

    public static string Truncate(string value, int maxChars)
    {
        var runes = value.EnumerateRunes().ToArray();
        if (runes.Length <= maxChars) return value;
        var sb = new StringBuilder();
        foreach (var rune in runes.AsSpan(0, maxChars - 1)) sb.Append(rune.ToString());
        return sb.Append(Ellipsis).ToString();
    }

    private static int CountChars(string value) => value.EnumerateRunes().Count();

    private static string CollapseControlCharacters(string value) =>
        ControlRun().Replace(value, " ").Trim();

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static bool IsSymbol(char c) => c is > ' ' and <= '~' && !char.IsAsciiLetterOrDigit(c);

    private static void Require(string key, TemplateFieldKind kind, bool ok, string rule)
    {
        if (!ok) Reject(key, kind, rule);
    }

    private static void Reject(string key, TemplateFieldKind kind, string reason) =>
        throw new TemplateFieldException(key, kind, reason);

    [GeneratedRegex(@"\p{Cc}+")]
    private static partial Regex ControlRun();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberPattern();

    private const string DatePart = @"(\d{4}年\d{1,2}月(\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2})";
    private const string ClockPart = @"([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?";

    [GeneratedRegex("^(" + DatePart + " ?)?" + ClockPart + "( ?~ ?(" + DatePart + " ?)?" + ClockPart + ")?$")]
    private static partial Regex TimePattern();

    [GeneratedRegex("^" + DatePart + "( " + ClockPart + ")?( ?~ ?" + DatePart + "( " + ClockPart + ")?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^[\u4e00-\u9fa5]?[A-Za-z0-9]{1,7}[\u4e00-\u9fa5]?$")]
    private static partial Regex CarNumberPattern();
}
