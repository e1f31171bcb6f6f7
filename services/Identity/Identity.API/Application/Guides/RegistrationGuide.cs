namespace Identity.API.Application.Guides;

public sealed record GuideStep(string Title, string Detail);

public sealed record Guide(string Title, IReadOnlyList<GuideStep> Steps, IReadOnlyList<string> Materials);

/// <summary>R05: how to register and what to bring.</summary>
public static class RegistrationGuide
{
    public static readonly Guide Current = new("注册与实名就诊指南",
    [
        new("关注服务号或打开小程序", "微信搜索“智慧医院”服务号并关注，或在微信中打开“智慧医院”小程序，点击“我的-注册/登录”。"),
        new("手机号验证", "输入本人手机号并获取短信验证码，验证码5分钟内有效；60秒后可重新获取，每个手机号每天最多获取10次。"),
        new("设置用户名和密码", "用户名4-20位字母、数字或下划线；密码8-32位，须包含大写字母、小写字母、数字、符号中的至少3类，且不能包含用户名或手机号。"),
        new("阅读并同意协议", "阅读《用户注册协议》和《个人信息保护政策》，勾选同意后完成注册。"),
        new("添加就诊人并实名认证", "在“就诊人管理”中添加本人及家庭成员（最多5人），填写姓名、证件号码和手机号，可选择身份证、社保卡或银行卡方式完成实名认证。为未满14周岁的儿童添加就诊人须由监护人操作并勾选监护人同意。"),
        new("预约挂号与就诊", "选择科室、医生和时段完成预约及缴费；就诊当日携带有效证件按预约时段提前15分钟到院签到候诊。"),
    ],
    [
        "本人实名登记的手机号码",
        "就诊人的有效身份证件：居民身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证或护照",
        "选择银行卡认证时：就诊人本人的银行卡及其预留手机号",
        "选择社保卡认证时：就诊人本人的社会保障卡",
        "为儿童添加就诊人时：儿童的居民身份证或户口簿上的身份证号码，监护人须为当前账号持有人",
    ]);
}
