using Notification.API.Domain;
using Platform.Contracts.FollowUp;

namespace Notification.API.Application;

/// <summary>The wording of FollowUp's messages (R25–R30). A follow-up plan's questionnaire and the hospital's reply to
/// a complaint must reach the phone (SMS too); a satisfaction survey or an invitation stays in the app.</summary>
public static class FollowUpTexts
{
    public static MessageDraft SurveySent(SurveySentIntegrationEvent e) => e.Purpose switch
    {
        "followup" => new(e.PatientId, MessageCategory.Survey, "随访问卷",
            $"您有一份随访问卷“{e.Title}”待填写，请在智慧医院“我的问卷”中填写，以便医生了解您的恢复情况。",
            $"/surveys/{e.ResponseId}", MessageSeverity.Important, MustNotBeMissed: true),
        "recruitment" => new(e.PatientId, MessageCategory.Survey, "临床研究招募",
            $"根据您的就诊情况，邀请您了解“{e.Title}”。是否参加完全自愿，不影响您的诊疗。",
            $"/surveys/{e.ResponseId}"),
        _ => new(e.PatientId, MessageCategory.Survey, "满意度调查",
            $"感谢您{(string.IsNullOrEmpty(e.DepartmentName) ? "" : $"在{e.DepartmentName}")}就诊，邀请您填写“{e.Title}”，约需1分钟。",
            $"/surveys/{e.ResponseId}"),
    };

    public static MessageDraft ComplaintReplied(ComplaintRepliedIntegrationEvent e) => new(e.PatientId, MessageCategory.Complaint,
        e.Kind == "suggestion" ? "建议已回复" : "投诉已回复",
        $"{e.HandlerGroup}回复了您的{(e.Kind == "suggestion" ? "建议" : "投诉")}：{e.Excerpt} 请在智慧医院“投诉建议”中查看并评价。",
        $"/complaints/{e.ComplaintId}", MessageSeverity.Important, MustNotBeMissed: true);

    public static MessageDraft ComplaintStatusChanged(ComplaintStatusChangedIntegrationEvent e) => new(e.PatientId, MessageCategory.Complaint,
        "投诉建议进度", $"{e.StatusText}。", $"/complaints/{e.ComplaintId}");
}
