namespace WeChat.Gateway.Application.Callbacks;

/// <summary>A service of the H5 app that users reach by a keyword or a menu CLICK key.</summary>
public sealed record KeywordRoute(string MenuKey, string[] Keywords, string Title, string Description, string Path);

public static class KeywordRoutes
{
    public static readonly IReadOnlyList<KeywordRoute> All =
    [
        new("BOOKING", ["挂号", "预约"], "预约挂号", "选择院区、科室、医生和就诊时段，在线预约挂号", "/booking"),
        new("REPORTS", ["报告", "检查", "检验", "化验"], "报告查询", "查看检验、检查报告及医生解读", "/reports"),
        new("PAYMENT", ["缴费", "支付", "付款", "账单"], "门诊缴费", "查看待缴费用，微信支付在线缴费", "/payments"),
        new("NAVIGATION", ["导航", "地图", "怎么走", "在哪"], "院内导航", "查找科室、诊室与检查地点的位置和路线", "/navigation"),
        new("QUEUE", ["排队", "候诊", "叫号", "签到"], "候诊排队", "查看排队进度，到号前提醒", "/queue"),
        new("GUIDE", ["指南", "须知", "流程"], "就医指南", "就诊流程、所需材料与注意事项", "/guide"),
    ];

    public static KeywordRoute? ForText(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : All.FirstOrDefault(r => r.Keywords.Any(k => trimmed.Contains(k, StringComparison.Ordinal)));
    }

    public static KeywordRoute? ForMenuKey(string key) =>
        All.FirstOrDefault(r => string.Equals(r.MenuKey, key, StringComparison.OrdinalIgnoreCase));
}
