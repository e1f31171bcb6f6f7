using System.Text.Json;
using System.Text.RegularExpressions;
using Acceptance.Tests.Security.AuthorizationMatrix;
using CsCheck;

namespace Acceptance.Tests.Security.HostileInput;

/// <summary><c>MustRefuse</c>: no valid request carries it (a wrong type, broken JSON, a value out of range); the answer
/// must be a 4xx problem document. <c>MayAccept</c>: valid as data (text that looks like SQL or script, a negative
/// count): it may be accepted, stored as text and never executed, or refused; never a 5xx.</summary>
public enum Tolerance { MustRefuse, MayAccept }

/// <summary>One hostile value as raw JSON text (so that it can hold what a serializer would refuse to write: a lone
/// surrogate, 1e400). <c>{M}</c> stands for the request's marker, found later in any database that stored it.</summary>
public sealed record HostileValue(string Class, string Json, Tolerance Tolerance)
{
    public string With(string marker) => Json.Replace("{M}", marker);
}

/// <summary>The catalogue: per JSON type of a body property, per query or path parameter, and whole broken bodies.</summary>
public static partial class HostileValues
{
    private const int OverlongLength = 100_000;

    private static HostileValue Refuse(string @class, string json) => new(@class, json, Tolerance.MustRefuse);
    private static HostileValue Accept(string @class, string json) => new(@class, json, Tolerance.MayAccept);

    private static readonly HostileValue[] Text =
    [
        Accept("sql", Quote("{M}' OR '1'='1'; DROP TABLE patients; --")),
        Accept("script", Quote("{M}<script>alert(document.cookie)</script><img src=x onerror=alert(1)>")),
        Accept("path-traversal", Quote("{M}/../../../../etc/passwd")),
        Accept("unicode-tricks", "\"{M}\\u202Egnp.exe\\u200B\\uFEFF\\u0301ｓｅｌｅｃｔ\""),
        Refuse("overlong", Quote("{M}" + new string('长', OverlongLength))),
        Refuse("nul", "\"{M}\\u0000\""),
        // JSON's grammar allows the escape (RFC 8259 §8.2); a property that is read refuses it, one the endpoint ignores
        // (a read-only property in the schema) skips it unread. Stored, its marker would show.
        Accept("lone-surrogate", "\"{M}\\uD800\""),
        Refuse("wrong-type-object", "{\"$ne\":\"{M}\"}"),
        Refuse("wrong-type-array", "[\"{M}\"]"),
    ];

    private static readonly HostileValue[] Integer =
    [
        Refuse("not-a-number", Quote("{M}")),
        Refuse("huge-number", "1e400"),
        Refuse("overflow", "99999999999999999999999"),
        Refuse("fraction", "1.5"),
        Accept("negative", "-1"),
        Accept("minimum", "-2147483648"),
    ];

    private static readonly HostileValue[] Number =
    [
        Refuse("not-a-number", Quote("{M}")),
        Refuse("huge-number", "1e400"),
        Refuse("nan", "\"NaN\""),
        Accept("negative", "-1"),
    ];

    private static readonly HostileValue[] Uuid =
    [
        Refuse("not-a-uuid", Quote("{M}' OR 1=1--")),
        Accept("empty-uuid", Quote(Guid.Empty.ToString())),
    ];

    private static readonly HostileValue[] Boolean = [Refuse("not-a-boolean", Quote("{M}")), Refuse("number-as-boolean", "2")];

    private static readonly HostileValue[] Time =
    [
        Refuse("not-a-date", Quote("{M}")),
        Refuse("impossible-date", Quote("2026-13-45T25:61:00Z")),
        Accept("year-one", Quote("0001-01-01T00:00:00Z")),
    ];

    private static readonly HostileValue[] Day = [Refuse("not-a-date", Quote("{M}")), Refuse("impossible-date", Quote("2026-02-30"))];

    private static readonly HostileValue[] List =
    [
        Refuse("object-for-array", "{\"{M}\":1}"),
        Refuse("string-for-array", Quote("{M}")),
        Accept("huge-array", "[" + string.Join(",", Enumerable.Repeat("\"{M}\"", 5_000)) + "]"),
    ];

    private static readonly HostileValue[] Object = [Refuse("string-for-object", Quote("{M}")), Refuse("array-for-object", "[\"{M}\"]")];

    /// <summary>Money must never be negative: an amount, a price, a fee, a deposit.</summary>
    [GeneratedRegex("fen|amount|price|fee|total|deposit|balance|refund", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyName();

    public static IEnumerable<HostileValue> For(BodyProperty property)
    {
        var values = (property.Type, property.Format) switch
        {
            ("integer", _) => Integer,
            ("number", _) => Number,
            ("boolean", _) => Boolean,
            ("array", _) => List,
            ("object", _) => Object,
            (_, "uuid") => Uuid,
            (_, "date-time") => Time,
            (_, "date") => Day,
            _ => Text.Append(RandomText()),
        };
        return MoneyName().IsMatch(property.Name)
            ? values.Select(v => v.Class is "negative" or "minimum" ? v with { Tolerance = Tolerance.MustRefuse, Class = "negative-money" } : v)
            : values;
    }

    /// <summary>Random strings over all of UTF-16 (CsCheck), a fresh one each run; a failure prints the value it sent.</summary>
    private static HostileValue RandomText() =>
        Accept("random-text", "\"{M}" + string.Concat(Check.Single(Gen.String[1, 40]).Select(c => $"\\u{(int)c:X4}")) + "\"");

    /// <summary>Values for a path or query parameter, sent URL-encoded.</summary>
    public static IEnumerable<(string Class, string Value, Tolerance Tolerance)> ForParameter(OperationParameter parameter)
    {
        yield return ("sql", "{M}' OR '1'='1", parameter.Format == "uuid" || parameter.Type is "integer" or "number" ? Tolerance.MustRefuse : Tolerance.MayAccept);
        yield return ("path-traversal", "../../../../etc/passwd{M}", Tolerance.MayAccept);
        yield return ("nul", "{M}\0", Tolerance.MayAccept);
        yield return ("unicode-tricks", "{M}\u202Egnp.exe\u200B", Tolerance.MayAccept);
        yield return ("overlong", "{M}" + new string('A', 3_000), Tolerance.MayAccept);
        if (parameter.Type is "integer" or "number")
        {
            yield return ("overflow", "99999999999999999999999", Tolerance.MustRefuse);
            yield return ("negative", "-1", Tolerance.MayAccept);
        }
        if (parameter.Format is "date" or "date-time") yield return ("impossible-date", "2026-13-45", Tolerance.MustRefuse);
    }

    /// <summary>Whole bodies no endpoint may take: broken JSON, nesting past any sane depth, the wrong media type, XML
    /// that asks for a local file through an external entity.</summary>
    public static IEnumerable<(string Class, string Body, string ContentType)> Bodies()
    {
        yield return ("invalid-json", "{\"a\": \"{M}\",", "application/json");
        yield return ("string-for-body", Quote("{M}"), "application/json");
        yield return ("deep-nesting", new string('[', 5_000) + "\"{M}\"" + new string(']', 5_000), "application/json");
        yield return ("wrong-media-type", "{M}", "text/plain");
        yield return ("xml-external-entity",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;{M}</x>", "application/xml");
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text,
        new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
