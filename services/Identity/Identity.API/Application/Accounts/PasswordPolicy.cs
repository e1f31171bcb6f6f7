using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Accounts;

/// <summary>8-32 characters from at least 3 of 4 classes, not containing the username or the phone number.</summary>
public static class PasswordPolicy
{
    public static Validation CheckPassword(this Validation v, string field, string? password, string? username, string? phone)
    {
        if (string.IsNullOrEmpty(password)) return v.Add(field, "请设置密码");
        if (password.Length is < 8 or > 32) return v.Add(field, "密码长度应为8-32位");
        if (password.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return v.Add(field, "密码不能包含空格或控制字符");
        var classes = new[]
        {
            password.Any(char.IsAsciiLetterUpper), password.Any(char.IsAsciiLetterLower), password.Any(char.IsAsciiDigit),
            password.Any(c => !char.IsAsciiLetterOrDigit(c)),
        }.Count(present => present);
        if (classes < 3) v.Add(field, "密码须包含大写字母、小写字母、数字、符号中的至少3类");
        if (!string.IsNullOrWhiteSpace(username) && password.Contains(username.Trim(), StringComparison.OrdinalIgnoreCase))
            v.Add(field, "密码不能包含用户名");
        if (!string.IsNullOrWhiteSpace(phone) && password.Contains(phone.Trim(), StringComparison.Ordinal))
            v.Add(field, "密码不能包含手机号");
        return v;
    }
}
