using Notification.API.Application;
using Platform.Contracts.Scheduling;

namespace Notification.Tests;

/// <summary>设备故障: a patient for whom a window is held is told so; the others are asked to book again.</summary>
public sealed class ExamOutageTextTests
{
    [Fact]
    public void Only_patients_with_a_held_window_are_told_it_is_held()
    {
        Guid held = Guid.NewGuid(), notHeld = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddDays(1);
        var drafts = MessageTexts.ExamRoomOutage(new ExamRoomOutageIntegrationEvent(Guid.NewGuid(), "CT室", "医技楼1楼", at, at.AddHours(1),
            "球管故障", [held, notHeld, held], [held])).ToList();

        Assert.Equal(2, drafts.Count);
        Assert.Contains("已为您保留", drafts.Single(d => d.PatientId == held).Body);
        Assert.DoesNotContain("已为您保留", drafts.Single(d => d.PatientId == notHeld).Body);
        Assert.Contains("请重新预约其他时段", drafts.Single(d => d.PatientId == notHeld).Body);
        Assert.All(drafts, d => Assert.Equal("/exams", d.Link));
    }
}
