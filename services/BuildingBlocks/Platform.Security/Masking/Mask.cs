namespace Platform.Security.Masking;

/// <summary>How identifiers are shown to people: enough to recognise one's own, not enough to use someone else's.</summary>
public static class Mask
{
    /// <summary>1101************33: at most the first 4 and the last 2 kept, so that with a birth date beside it the number
    /// still cannot be recomputed (the region's last digits, and all but one digit of the sequence, stay hidden).</summary>
    public static string IdNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value.Trim();
        var (head, tail) = v.Length switch { >= 15 => (4, 2), >= 8 => (2, 1), >= 3 => (1, 1), _ => (0, 0) };
        return v[..head] + new string('*', v.Length - head - tail) + v[^tail..];
    }

    /// <summary>138****0001.</summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value.Trim();
        return v.Length < 7 ? new string('*', v.Length) : v[..3] + new string('*', v.Length - 7) + v[^4..];
    }

    /// <summary>oAbC****wXyZ: enough to tell one's own WeChat apart, never enough to address a message.</summary>
    public static string OpenId(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value.Trim();
        return v.Length < 12 ? new string('*', v.Length) : v[..4] + "****" + v[^4..];
    }

    /// <summary>6222 **** **** 1234, whatever the card's length.</summary>
    public static string Card(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var digits = new string(value.Where(char.IsLetterOrDigit).ToArray());
        return digits.Length < 8 ? new string('*', digits.Length) : $"{digits[..4]} **** **** {digits[^4..]}";
    }

    /// <summary>张* / 欧*** : the family name stays, the given name goes.</summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value.Trim();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(v);
        elements.MoveNext();
        var first = elements.GetTextElement();
        var rest = new System.Globalization.StringInfo(v).LengthInTextElements - 1;
        return first + new string('*', Math.Max(rest, 1));
    }
}
