using Notification.API.Application;
using Platform.Contracts.Queue;

namespace Notification.Tests;

/// <summary>R19 during-care guidance: the preparation notes before an exam and the medication guidance with the pick-up
/// number, as the message centre shows them.</summary>
public sealed class CareGuidanceTextTests
{
    [Fact]
    public void Exam_preparation_says_what_where_when_and_what_to_do()
    {
        var patient = Guid.NewGuid();
        var draft = MessageTexts.ExamPreparationDue(new ExamPreparationDueIntegrationEvent(Guid.NewGuid(), patient, "上腹部超声", "超声3室",
            "医技楼2层", new DateTimeOffset(2026, 12, 8, 0, 30, 0, TimeSpan.Zero), "检查前空腹8小时"));
        Assert.Equal(patient, draft.PatientId);
        Assert.Equal("检查前准备", draft.Title);
        Assert.Contains("12月8日 08:30", draft.Body);
        Assert.Contains("医技楼2层", draft.Body);
        Assert.Contains("检查前空腹8小时", draft.Body);
    }

    [Fact]
    public void Medication_guidance_gives_the_pick_up_number_and_how_to_take_each_drug()
    {
        var draft = MessageTexts.MedicationGuidance(new MedicationGuidanceIntegrationEvent(Guid.NewGuid(), Guid.NewGuid(), 12, "西药房3号窗口",
            [new MedicationGuidanceLine("阿莫西林胶囊", "每次0.5g，每日3次，饭后服用", "口服"), new MedicationGuidanceLine("布洛芬缓释胶囊", "必要时服用", "")]));
        Assert.Equal("取药及用药指导", draft.Title);
        Assert.Contains("取药号12号", draft.Body);
        Assert.Contains("西药房3号窗口", draft.Body);
        Assert.Contains("阿莫西林胶囊：口服，每次0.5g，每日3次，饭后服用", draft.Body);
        Assert.Contains("布洛芬缓释胶囊：必要时服用", draft.Body);
    }

    [Fact]
    public void A_called_pick_up_or_exam_number_says_where_to_go_and_what_for()
    {
        var patient = Guid.NewGuid();
        Assert.Equal("请7号到西药房3号窗口取药。", MessageTexts.QueueCalled(new QueueCalledIntegrationEvent(Guid.NewGuid(), patient, 7, "药房",
            "西药房3号窗口", "西药房3号窗口", false, "pharmacy")).Body);
        Assert.Equal("请3号到门诊楼1层（采血2号窗口）采血。", MessageTexts.QueueCalled(new QueueCalledIntegrationEvent(Guid.NewGuid(), patient, 3,
            "采血", "采血2号窗口", "门诊楼1层", false, "blood")).Body);
        Assert.Equal("请5号到门诊楼2层201诊室就诊（心血管内科 王医生）。", MessageTexts.QueueCalled(new QueueCalledIntegrationEvent(Guid.NewGuid(),
            patient, 5, "心血管内科", "王医生", "门诊楼2层201诊室", false)).Body);
        var near = MessageTexts.QueueTurnNear(new QueueTurnNearIntegrationEvent(Guid.NewGuid(), patient, 7, "药房", "西药房3号窗口", "西药房3号窗口", 2,
            "pharmacy"));
        Assert.Equal("即将取药", near.Title);
        Assert.Contains("取药号7号", near.Body);
    }
}
