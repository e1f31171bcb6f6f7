namespace Hospital.API.Domain.Navigation;

/// <summary>What a spot on a floor map is; patients filter and recognise places by it.</summary>
public static class PlaceKind
{
    public const string Department = "department";
    public const string Clinic = "clinic";
    public const string Lab = "lab";
    public const string Pharmacy = "pharmacy";
    public const string Payment = "payment";
    public const string Lift = "lift";
    public const string Toilet = "toilet";
    public const string Service = "service";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Department] = "科室", [Clinic] = "诊室", [Lab] = "检验检查", [Pharmacy] = "药房", [Payment] = "收费窗口",
        [Lift] = "电梯", [Toilet] = "卫生间", [Service] = "服务台",
    };

    public static bool IsKnown(string kind) => Labels.ContainsKey(kind);
}
