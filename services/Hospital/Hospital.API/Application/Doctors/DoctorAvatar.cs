using System.Security;

namespace Hospital.API.Application.Doctors;

/// <summary>A placeholder portrait until staff upload a photo: the surname on a colour picked from the name.</summary>
public static class DoctorAvatar
{
    private static readonly string[] Colours = ["#1989fa", "#07c160", "#ff976a", "#7232dd", "#ee0a24", "#0fa3b1"];

    public static string Svg(string name)
    {
        var initial = SecurityElement.Escape(name.Length > 0 ? name[..1] : "医");
        var colour = Colours[name.Sum(c => c) % Colours.Length];
        return $"""<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120" role="img" aria-label="{SecurityElement.Escape(name)}医生头像"><rect width="120" height="120" rx="60" fill="{colour}"/><text x="60" y="76" font-size="48" text-anchor="middle" fill="#fff" font-family="sans-serif">{initial}</text></svg>""";
    }
}
