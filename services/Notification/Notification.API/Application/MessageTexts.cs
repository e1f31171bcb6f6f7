using System.Globalization;
using Notification.API.Domain;
using Platform.Contracts.Consultation;
using Platform.Contracts.Inpatient;
using Platform.Contracts.Payment;
using Platform.Contracts.Pharmacy;
using Platform.Contracts.Queue;
using Platform.Contracts.Triage;
using Platform.Contracts.Reports;
using Platform.Contracts.Scheduling;

namespace Notification.API.Application;

/// <summary>The Chinese wording and deep link of each message, one method per event.</summary>
public static class MessageTexts
{
    public static MessageDraft AppointmentBooked(AppointmentBookedIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Appointment, "预约成功",
        $"您已预约{When(e.StartsAt)} {e.DepartmentName} {e.DoctorName}，就诊地点：{e.Location}。请提前15分钟到达签到。",
        $"/appointments/{e.AppointmentId}");

    public static MessageDraft AppointmentCancelled(AppointmentCancelledIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Appointment, "预约已取消",
        $"您{When(e.StartsAt)} {e.DepartmentName} {e.DoctorName}的预约已取消。原因：{e.Reason}。",
        $"/appointments/{e.AppointmentId}", MessageSeverity.Important);

    public static IEnumerable<MessageDraft> ClinicStopped(ClinicStoppedIntegrationEvent e) =>
        e.AffectedPatientIds.Distinct().Select(patientId => new MessageDraft(patientId,
            MessageCategory.ClinicStopped, "停诊通知",
            $"{e.DepartmentName} {e.DoctorName} {When(e.StartsAt)}的门诊停诊，原因：{e.Reason}。您的预约已受影响，请改约其他时间或医生。",
            "/appointments", MessageSeverity.Important, MustNotBeMissed: true));

    /// <summary>The day before: WeChat template message when the account is reachable there, otherwise SMS.</summary>
    public static MessageDraft AppointmentReminder(AppointmentReminderDueIntegrationEvent e) => e.Kind == AppointmentReminderDueIntegrationEvent.Exam
        ? new(e.PatientId, MessageCategory.Appointment, "检查提醒",
            $"您预约了{When(e.StartsAt)}的{e.ItemName}，地点：{e.RoomName}（{e.Location}）。"
            + (string.IsNullOrWhiteSpace(e.Preparation) ? "" : $"检查前请注意：{e.Preparation}。") + "请提前15分钟到达；如不能前往，请提前取消预约。",
            "/exams", MessageSeverity.Important, SmsUnlessOnWeChat: true)
        : new(e.PatientId, MessageCategory.Appointment, "就诊提醒",
            $"您预约了{When(e.StartsAt)} {e.DepartmentName} {e.DoctorName}的门诊，就诊地点：{e.Location}。请携带身份证件提前15分钟到达签到；如不能就诊，请提前取消预约。",
            $"/appointments/{e.AppointmentId}", MessageSeverity.Important, SmsUnlessOnWeChat: true);

    /// <summary>Once per patient, however many of their exams the failure cancelled; the link opens 检查预约, where a window
    /// held for them (HeldForPatientIds) is one tap away, or where they book again.</summary>
    public static IEnumerable<MessageDraft> ExamRoomOutage(ExamRoomOutageIntegrationEvent e) =>
        e.AffectedPatientIds.Distinct().Select(patientId => new MessageDraft(patientId,
            MessageCategory.ClinicStopped, "检查设备故障通知",
            $"{e.RoomName}（{e.Location}）设备故障，{When(e.From)}至{When(e.To)}的检查暂停，原因：{e.Reason}。您在此期间的检查预约已取消，"
            + (e.HeldForPatientIds?.Contains(patientId) == true
                ? "已为您保留最近的同类检查时段，请尽快打开“检查预约”一键改约，逾期将自动释放。"
                : "请重新预约其他时段。"),
            "/exams", MessageSeverity.Important, MustNotBeMissed: true));

    /// <summary>The deep link opens the offer itself, where 一键改约 and 退款 (or 放弃) are one tap away.</summary>
    public static MessageDraft SlotOffered(SlotOfferedIntegrationEvent e) => e.Kind == "waitlist"
        ? new(e.PatientId, MessageCategory.Appointment, "候补成功，号源已为您保留",
            $"您候补的{When(e.StartsAt)} {e.DepartmentName} {e.DoctorName}有号了，已为您保留至{When(e.HoldUntil)}，请及时确认预约，逾期将顺延给下一位候补患者。",
            $"/offers/{e.OfferId}", MessageSeverity.Important, MustNotBeMissed: true)
        : new(e.PatientId, MessageCategory.Appointment, "已为您保留改约号源",
            $"因停诊，已为您保留{When(e.StartsAt)} {e.DepartmentName} {e.DoctorName}的号源，请在{When(e.HoldUntil)}前一键改约；如不需要，可申请退款。",
            $"/offers/{e.OfferId}", MessageSeverity.Important);

    public static MessageDraft PaymentSucceeded(PaymentSucceededIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Payment, "支付成功",
        $"您已成功支付{Yuan(e.AmountFen)}（{e.Description}），支付时间{When(e.PaidAt)}。",
        $"/payments/{e.PaymentId}");

    public static MessageDraft PaymentRefunded(PaymentRefundedIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Payment, "退款成功",
        $"{Yuan(e.AmountFen)}已原路退回，原因：{e.Reason}。退回零钱即时到账，退回银行卡以银行入账时间为准。",
        $"/payments/{e.PaymentId}");

    public static MessageDraft ReportReady(ReportReadyIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Report, "报告已出",
        $"您的{e.Title}（{e.Category}）已于{When(e.IssuedAt)}出具，可在线查看。",
        $"/reports/{e.ReportId}");

    public static MessageDraft CriticalValueDetected(CriticalValueDetectedIntegrationEvent e) => new(e.PatientId,
        MessageCategory.CriticalValue, "危急值提醒",
        $"您的检验项目“{e.ItemName}”结果为{e.Value}{e.Unit}（参考范围{e.ReferenceRange}），属于危急值。请立即联系医生或前往急诊就诊。",
        $"/reports/critical/{Uri.EscapeDataString(e.HisReportId)}", MessageSeverity.Critical, MustNotBeMissed: true);

    public static MessageDraft PatientAdmitted(PatientAdmittedIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Inpatient, "入院登记完成",
        $"您已于{When(e.AdmittedAt)}办理入院，病区：{e.Ward}，床位：{e.Bed}。",
        $"/inpatient/{Uri.EscapeDataString(e.HisEncounterId)}");

    public static MessageDraft BedChanged(BedChangedIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Inpatient, "床位变更",
        $"您的床位已于{When(e.ChangedAt)}调整为{e.Ward} {e.Bed}。",
        $"/inpatient/{Uri.EscapeDataString(e.HisEncounterId)}");

    public static MessageDraft PatientDischarged(PatientDischargedIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Inpatient, "出院通知",
        e.HasDischargeMedication
            ? $"您已于{When(e.DischargedAt)}办理出院。您有出院带药，请到药房领取，并按医嘱服用。"
            : $"您已于{When(e.DischargedAt)}办理出院。祝您早日康复，请按医嘱按时复诊。",
        $"/inpatient/{Uri.EscapeDataString(e.HisEncounterId)}");

    public static MessageDraft SurgeryScheduled(SurgeryScheduledIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Surgery, "手术安排通知",
        $"您的手术“{e.Name}”已安排在{When(e.ScheduledAt)}，地点：{e.Location}。请遵医嘱做好术前准备。",
        $"/inpatient/surgeries/{Uri.EscapeDataString(e.HisProcedureId)}", MessageSeverity.Important);

    public static MessageDraft MedicineReadyForPickup(MedicineReadyForPickupIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Pharmacy, "取药提醒",
        $"您的药品已于{When(e.ReadyAt)}备好，请到{e.PharmacyWindow}取药。",
        $"/pharmacy/{Uri.EscapeDataString(e.PrescriptionId)}");

    /// <summary>R34: a prescription conflicts with the patient's record; a high-severity one must reach the phone (SMS too).</summary>
    public static MessageDraft MedicationSafetyAlert(MedicationSafetyAlertRaisedIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Pharmacy, "合理用药提醒",
        $"{e.Title}。{e.Detail}{e.Advice}",
        "/pharmacy", e.Severity == "high" ? MessageSeverity.Important : MessageSeverity.Normal, MustNotBeMissed: e.Severity == "high");

    /// <summary>R33: the steps the patient waits for (handed over, delivered, lost); the courier's en-route updates only on the page.</summary>
    public static MessageDraft? DeliveryStatusChanged(DeliveryStatusChangedIntegrationEvent e) => e.Status switch
    {
        "handed-over" or "delivered" or "lost" or "packed" => new MessageDraft(e.PatientId, MessageCategory.Pharmacy, "药品配送",
            $"您的药品配送{e.StatusText}{(string.IsNullOrEmpty(e.Note) ? "" : "：" + e.Note)}（{When(e.At)}）。",
            $"/pharmacy/deliveries/{e.DeliveryId}", e.Status == "lost" ? MessageSeverity.Important : MessageSeverity.Normal),
        _ => null,
    };

    /// <summary>R32: a dose of discharge medication is due (WeChat or, failing that, SMS — once).</summary>
    public static MessageDraft DoseReminderDue(DoseReminderDueIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Pharmacy, "服药提醒",
        $"现在是{When(e.DueAt)}，请按医嘱服用{e.DrugName} {e.Dose}。",
        "/pharmacy/discharge", SmsUnlessOnWeChat: true);

    /// <summary>Third in line: time to walk to the clinic (message centre and WeChat, no SMS).</summary>
    public static MessageDraft QueueTurnNear(QueueTurnNearIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Queue, e.Kind == "pharmacy" ? "即将取药" : e.Kind is "exam" or "blood" ? "即将检查" : "即将就诊",
        e.Kind == "pharmacy"
            ? $"您的取药号{e.Number}号，前面还有{e.PeopleAhead}位，请到{e.Location}附近等候。"
            : $"您在{e.DepartmentName} {e.DoctorName}的排队号{e.Number}号，前面还有{e.PeopleAhead}位，请到{e.Location}门口候诊。",
        "/queue", MessageSeverity.Important);

    public static MessageDraft QueueCalled(QueueCalledIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Queue, e.Recall ? "再次叫号" : "叫号提醒",
        e.Kind switch
        {
            "pharmacy" => $"请{e.Number}号到{e.Location}取药。",
            "exam" => $"请{e.Number}号到{e.Location}（{e.DoctorName}）检查。",
            "blood" => $"请{e.Number}号到{e.Location}（{e.DoctorName}）采血。",
            _ => $"请{e.Number}号到{e.Location}就诊（{e.DepartmentName} {e.DoctorName}）。",
        },
        "/queue", MessageSeverity.Important);

    /// <summary>R19: what to do before an exam (空腹, 憋尿), pushed at the right moment before it and kept in the message centre.</summary>
    public static MessageDraft ExamPreparationDue(ExamPreparationDueIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Appointment, "检查前准备",
        $"您预约了{When(e.StartsAt)}在{e.Location}（{e.RoomName}）的{e.ItemName}，检查前请注意：{e.Preparation}",
        "/exams", MessageSeverity.Important);

    /// <summary>R19: the prescription is dispensed: the pick-up number and window, and how to take each drug.</summary>
    public static MessageDraft MedicationGuidance(MedicationGuidanceIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Pharmacy, "取药及用药指导",
        $"您的药品已调配完成，取药号{e.PickupNumber}号，请到{e.Window}取药。用药方法：" +
        string.Join("；", e.Lines.Select(l => $"{l.DrugName}：{string.Join("，", new[] { l.Route, l.DosageText }.Where(t => !string.IsNullOrWhiteSpace(t)))}")) +
        "。如有疑问请咨询药师。",
        "/queue", MessageSeverity.Important);

    /// <summary>After booking: fill in the screening form before coming (message centre and WeChat).</summary>
    public static MessageDraft PreVisitScreeningRequested(PreVisitScreeningRequestedIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Appointment, "诊前筛查",
        $"您已预约{When(e.StartsAt)} {e.DepartmentName} {e.DoctorName}，请在来院前填写{e.Title}，填写后即可知道能否按时来院。",
        $"/screening/{e.ScreeningId}", MessageSeverity.Important);

    /// <summary>B01: the consultation ended; the summary is read in the app (medical text never travels in a message).</summary>
    public static MessageDraft ConsultationEnded(ConsultationEndedIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Consultation, "咨询已结束",
        e.EndedBy == "timeout"
            ? $"您与{e.DoctorName}医生的在线咨询已到时限，已自动结束。"
            : $"{e.DoctorName}医生已结束本次在线咨询，并为您写了咨询小结，请及时查看。",
        $"/consultation/{e.ConsultationId}");

    /// <summary>X01: the pharmacist approved the e-prescription; the patient pays and chooses pickup or delivery.</summary>
    public static MessageDraft EPrescriptionReleased(EPrescriptionReleasedIntegrationEvent e) => new(e.PatientId,
        MessageCategory.Pharmacy, "电子处方已审核",
        $"{e.DoctorName}医生在互联网复诊中开具的处方已由药师审核通过，请缴费并选择到院取药或配送到家。",
        $"/consultation/{e.ConsultationId}", MessageSeverity.Important);

    public static string When(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, NotificationPreferences.ChinaTime).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string Yuan(long fen) => $"{fen / 100}.{Math.Abs(fen % 100):00}元";
}
