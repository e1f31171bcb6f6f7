using Hospital.API.Application.Content;

namespace Hospital.API.Infrastructure.Seed;

/// <summary>就医指南 and 预约须知 of the demo hospital; each step opens the page of the app that does it.</summary>
internal static class DemoGuides
{
    private static GuideStep Step(string title, string detail, string path = "", string label = "") =>
        new() { Title = title, Detail = detail, AppPath = path, AppLabel = label };

    public static IEnumerable<(string Key, Guide Guide)> Build()
    {
        yield return ("outpatient-flow", new Guide
        {
            Category = Guide.PatientGuide, SortOrder = 1, Title = "门诊就医流程",
            Summary = "从预约挂号到取药离院，一次看懂门诊就医的每一步。",
            Steps =
            [
                Step("注册并实名认证", "首次使用请注册账号，添加就诊人并完成实名认证。", "/patients", "就诊人管理"),
                Step("预约挂号", "按科室或医生选择号源，可预约7天内的号源。", "/booking", "预约挂号"),
                Step("按时到院签到", "请在预约时段前30分钟到达诊区，在自助机或分诊台签到。", "/hospital", "院区与交通"),
                Step("候诊就诊", "签到后留意叫号屏或手机排队提醒，叫到号后进入诊室就诊。", "/queue", "排队叫号"),
                Step("缴费", "医生开具检查、检验或处方后，可在手机上直接缴费，无需排队。", "/payment", "在线缴费"),
                Step("检查检验与取药", "按缴费后的指引前往检查科室或药房，检验报告出具后手机推送。", "/reports", "报告查询"),
            ],
            Materials = ["本人有效身份证件（身份证、社保卡或医保电子凭证）", "既往病历、检查报告（如有）"],
            Notes = ["发热患者请先到发热门诊就诊", "急危重症请直接前往急诊科（本部院区急诊楼1楼），24小时开放"],
            Body = "就诊当日如需改约或退号，请在就诊前一天18:00前在“我的预约”中操作。",
        });
        yield return ("first-visit", new Guide
        {
            Category = Guide.PatientGuide, SortOrder = 2, Title = "首次就诊须知",
            Summary = "第一次来院？先注册账号、实名认证并绑定就诊人。",
            Steps =
            [
                Step("注册账号", "使用手机号注册并设置密码。", "/register", "注册账号"),
                Step("实名认证", "填写就诊人姓名与身份证号，通过实名核验后即可挂号。", "/patients/add", "实名认证"),
                Step("了解科室", "不确定挂哪个科？先看科室介绍或按疾病搜索医生。", "/departments", "科室介绍"),
                Step("查找医生", "输入医生姓名、科室或疾病（如“糖尿病”）查找医生和出诊时间。", "/doctors", "找医生"),
            ],
            Materials = ["就诊人身份证号", "本人手机号（接收验证码）", "儿童就诊：监护人身份证与儿童户口本或出生证明"],
            Notes = ["一个账号最多可绑定5位就诊人", "个人信息加密保存，仅用于就医"],
        });
        yield return ("exam-flow", new Guide
        {
            Category = Guide.PatientGuide, SortOrder = 3, Title = "检查检验指南",
            Summary = "抽血、B超、CT、磁共振前需要注意什么，报告在哪里看。",
            Steps =
            [
                Step("缴费后查看检查预约", "缴费后系统自动预约检查时间，请按短信或消息中心提示到达。", "/messages", "消息中心"),
                Step("按时到达检查科室", "检验科在本部院区医技楼2楼，放射科在医技楼1楼，超声科在医技楼3楼。", "/navigation", "院内导航"),
                Step("查看报告", "检验报告一般当天出具，影像报告1-2个工作日，出具后手机推送。", "/reports", "报告查询"),
            ],
            Materials = ["就诊卡或身份证件", "检查申请单（电子）", "既往同类检查结果（便于对比）"],
            Notes = ["空腹抽血及腹部超声需禁食8小时以上", "磁共振检查前请取下金属物品，体内有心脏起搏器者请提前告知医生"],
        });
        yield return ("inpatient", new Guide
        {
            Category = Guide.PatientGuide, SortOrder = 4, Title = "住院指南",
            Summary = "办理入院、住院期间和出院结算的流程与注意事项。",
            Steps =
            [
                Step("开具住院证", "门诊医生评估需要住院后开具电子住院证。"),
                Step("预约床位", "按住院预约须知登记，床位安排好后短信通知。", "/guide/booking-admission", "住院预约须知"),
                Step("办理入院", "携带证件到住院楼1楼入院服务中心办理入院、缴纳预交金。", "/payment", "在线缴费"),
                Step("出院结算", "出院当日医生开具出院医嘱后，可在手机上结算或到住院楼1楼窗口办理。", "/fees", "费用查询"),
            ],
            Materials = ["电子住院证", "患者身份证件", "医保电子凭证或社保卡", "预交金（可手机缴纳）"],
            Notes = ["住院期间陪护实行一患一陪护，凭陪护证出入病区", "请勿携带贵重物品"],
        });
        yield return ("booking-registration", new Guide
        {
            Category = Guide.Booking, SortOrder = 1, Title = "预约挂号须知",
            Summary = "可预约7天内号源，每天7:00放号，实名预约、按时段就诊。",
            Steps =
            [
                Step("选择就诊人", "预约实行实名制，请选择已实名认证的就诊人。", "/patients", "就诊人管理"),
                Step("选择科室和医生", "按科室或医生选择日期与时段。", "/booking", "预约挂号"),
                Step("确认并支付挂号费", "提交后15分钟内完成支付，逾期号源自动释放。"),
                Step("就诊当天签到", "请在预约时段前30分钟到达诊区签到，过号需重新排队。"),
            ],
            Materials = ["就诊人有效身份证件", "医保电子凭证或社保卡（医保患者）"],
            Notes = ["同一就诊人同一天同一科室限约1个号", "爽约3次的就诊人90天内不能预约", "退号请在就诊前一天18:00前操作"],
        });
        yield return ("booking-exam", new Guide
        {
            Category = Guide.Booking, SortOrder = 2, Title = "检查预约须知",
            Summary = "CT、磁共振、超声、胃肠镜等检查的预约方式与检查前准备。",
            Steps =
            [
                Step("医生开具检查单", "就诊时由医生开具电子检查申请单。"),
                Step("缴费", "缴费后系统按科室排程自动预约检查时间。", "/payment", "在线缴费"),
                Step("确认检查时间与准备事项", "在消息中心查看预约时间和检查前准备，如需改期请提前一天联系检查科室。", "/messages", "消息中心"),
                Step("按时检查", "请提前15分钟到检查科室签到。", "/navigation", "院内导航"),
            ],
            Materials = ["身份证件", "电子检查申请单", "增强CT/磁共振：近期肾功能检验结果", "胃肠镜：签署的知情同意书"],
            Notes = ["腹部超声、胃镜检查前需空腹8小时", "肠镜检查前一天按要求服用清肠药", "孕妇或可能怀孕者请在检查前告知医生"],
        });
        yield return ("booking-admission", new Guide
        {
            Category = Guide.Booking, SortOrder = 3, Title = "住院预约须知",
            Summary = "凭电子住院证登记床位，按通知时间到院办理入院。",
            Steps =
            [
                Step("取得住院证", "门诊医生开具电子住院证后，可在手机上查看。"),
                Step("登记床位", "在入院服务中心或病区护士站登记，选择院区并留下联系电话。"),
                Step("等待床位通知", "床位安排好后以短信通知入院日期，一般择期手术患者等待1-7天。"),
                Step("按时入院", "在通知日期9:00前到住院楼1楼入院服务中心办理入院。", "/guide/inpatient", "住院指南"),
            ],
            Materials = ["电子住院证", "患者身份证件（儿童携带户口本）", "医保电子凭证或社保卡", "近期检查检验报告", "生活用品"],
            Notes = ["择期手术患者入院前请完成术前检查", "异地医保患者请提前办理异地就医备案"],
        });
    }
}
