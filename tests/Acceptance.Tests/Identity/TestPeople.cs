using System.Security.Cryptography;

namespace Acceptance.Tests.Identity;

/// <summary>Fresh identities per run, so tests never collide with each other or with earlier runs.</summary>
public static class TestPeople
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static string Phone() => "139" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8");

    public static string Username(string prefix = "acc") =>
        $"{prefix}_{Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant()}";

    public static string Password() => $"Pw#{RandomNumberGenerator.GetInt32(100_000, 999_999)}ab";

    /// <summary>A resident ID number (GB 11643) for someone born on <paramref name="birthDate"/>, with a valid check character.</summary>
    public static string ResidentId(DateOnly birthDate)
    {
        var region = Regions[RandomNumberGenerator.GetInt32(Regions.Length)];
        var first17 = $"{region}{birthDate:yyyyMMdd}{RandomNumberGenerator.GetInt32(0, 1000):D3}";
        var sum = first17.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return first17 + CheckChars[sum % 11];
    }

    public static string ResidentIdWithWrongCheckChar(DateOnly birthDate)
    {
        var valid = ResidentId(birthDate);
        var wrong = valid[17] == '1' ? '2' : '1';
        return valid[..17] + wrong;
    }

    /// <summary>Someone aged <paramref name="years"/> (never a year older): the day is random so that people made by
    /// repeated runs against one stack don't share ID numbers.</summary>
    public static DateOnly BornYearsAgo(int years) =>
        DateOnly.FromDateTime(DateTime.Today).AddYears(-years).AddDays(-RandomNumberGenerator.GetInt32(40, 330));

    // Beijing Dongcheng, Shanghai Huangpu, Guangzhou Yuexiu, Wuhan Jiang'an: real region codes.
    private static readonly string[] Regions = ["110101", "310101", "440104", "420102"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] Given = ["建国", "秀英", "小明", "丽华", "志强", "桂兰", "子涵", "雨桐", "浩然", "淑珍"];

    public static string ChineseName() =>
        Surnames[RandomNumberGenerator.GetInt32(Surnames.Length)] + Given[RandomNumberGenerator.GetInt32(Given.Length)];
}
