using System.Text.RegularExpressions;

namespace Identity.API.Application;

public static partial class Fields
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    public static partial Regex MobilePattern();
}
