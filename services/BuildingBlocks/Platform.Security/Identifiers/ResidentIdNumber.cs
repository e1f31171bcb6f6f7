namespace Platform.Security.Identifiers;

/// <summary>GB 11643-1999 citizen identification number: 6-digit region, 8-digit birth date, 3-digit sequence
/// (odd = male), ISO 7064 MOD 11-2 check character.</summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    // GB/T 2260 province-level prefixes, plus 81-83 used by residence permits for Hong Kong, Macao and Taiwan residents.
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    ];

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Null when valid, else the Chinese reason.</summary>
    public static string? Problem(string? value, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value)) return "请填写身份证号";
        var v = value.Trim().ToUpperInvariant();
        if (v.Length != 18 || !v[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(v[17]) || v[17] == 'X'))
            return "身份证号应为18位，前17位为数字，最后一位为数字或X";
        if (!Provinces.Contains(v[..2]) || v[2..6] == "0000" && v[..2] is not ("81" or "82" or "83")) return "身份证号的地区码无效";
        if (BirthDate(v) is not { } birth) return "身份证号中的出生日期无效";
        if (birth < Earliest || birth > today) return "身份证号中的出生日期无效";
        if (CheckCharacter(v) != v[17]) return "身份证号校验位不正确，请核对";
        return null;
    }

    public static DateOnly? BirthDate(string value) =>
        DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", out var d) ? d : null;

    public static string Gender(string value) => (value[16] - '0') % 2 == 1 ? "male" : "female";
}
