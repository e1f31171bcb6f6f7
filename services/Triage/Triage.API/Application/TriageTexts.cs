namespace Triage.API.Application;

internal static class TriageTexts
{
    public const string Disclaimer = "智能导诊仅为就诊科室建议，不能替代医生诊断；最终选择由您决定，如病情紧急请立即就医。";
    public const string EmergencyMessage = "您描述的情况可能危及生命，请立即拨打120或马上到急诊科就诊，不要等待预约。";
    public const string NothingRecognised = "未能识别具体症状，建议先到内科就诊，由医生进一步判断";
}
