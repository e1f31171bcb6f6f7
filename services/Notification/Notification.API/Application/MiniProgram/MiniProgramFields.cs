using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Notification.API.Domain;

namespace Notification.API.Application.MiniProgram;

/// <summary>Fills a template's keywords from a message, shaped to each keyword's type so WeChat never answers 47003 for
/// our own texts: thing ≤ 20 characters (cut with an ellipsis), phrase ≤ 5 Chinese characters, character_string ≤ 32
/// printable ASCII, time as "yyyy-MM-dd HH:mm" China time.</summary>
public static partial class MiniProgramFields
{
    public const int ThingMax = 20;
    public const int PhraseMax = 5;
    public const int CharacterStringMax = 32;
    public const int NameMax = 10;

    public static readonly string[] SupportedTypes = ["thing", "time", "date", "phrase", "character_string", "name"];

    public static string TypeOf(string keyword) => keyword.TrimEnd("0123456789".ToCharArray());

    public static Dictionary<string, string> For(Message message, MiniProgramTemplate template) =>
        template.Keywords.ToDictionary(k => k.Key, k => Shape(TypeOf(k.Key), Source(message, k.Value), message), StringComparer.Ordinal);

    private static string Source(Message message, string source) => source switch
    {
        "title" => message.Title,
        "body" => message.Body,
        "category" => message.Category,
        "time" => Time(message.CreatedAt),
        _ when source.StartsWith('=') => source[1..],
        _ => "",
    };

    private static string Shape(string type, string value, Message message) => type switch
    {
        "thing" => Cut(Collapse(value), ThingMax, "通知"),
        "time" or "date" => TimeLike().IsMatch(value) ? value : Time(message.CreatedAt),
        "phrase" => Take(Chinese(value), PhraseMax, "新消息"),
        "character_string" => Take(new string(value.Where(c => c is > ' ' and <= '~').ToArray()), CharacterStringMax,
            message.Id.ToString("N")),
        "name" => Cut(Collapse(value), NameMax, "患者"),
        _ => throw new InvalidOperationException($"keyword type '{type}' is not supported"),
    };

    public static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, NotificationPreferences.ChinaTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Keeps the first <paramref name="max"/> characters (by code point) and marks the cut with an ellipsis.</summary>
    private static string Cut(string value, int max, string whenEmpty)
    {
        if (value.Length == 0) return whenEmpty;
        var runes = value.EnumerateRunes().ToArray();
        if (runes.Length <= max) return value;
        var sb = new StringBuilder();
        foreach (var rune in runes.AsSpan(0, max - 1)) sb.Append(rune.ToString());
        return sb.Append('…').ToString();
    }

    /// <summary>Values whose meaning a cut mark would change (codes, phrases) are shortened without one.</summary>
    private static string Take(string value, int max, string whenEmpty) =>
        value.Length == 0 ? whenEmpty : value.Length <= max ? value : value[..max];

    private static string Collapse(string value) => Whitespace().Replace(value, " ").Trim();

    private static string Chinese(string value) => new(value.Where(c => c is >= '\u4e00' and <= '\u9fa5').ToArray());

    [GeneratedRegex(@"[\s\p{Cc}]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")]
    private static partial Regex TimeLike();
}
