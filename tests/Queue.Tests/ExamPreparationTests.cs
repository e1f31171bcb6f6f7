using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Queue;
using Platform.Testing;

namespace Queue.Tests;

/// <summary>R19: an exam's preparation notes are pushed once, the configured lead time before it (14 hours), not at booking;
/// an exam without notes or cancelled sends nothing. Its own fixture: the test moves the clock.</summary>
public sealed class ExamPreparationTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    [Fact]
    public async Task Preparation_notes_are_pushed_at_the_right_time_and_only_once()
    {
        var room = new ExamRoom(fixture);
        var tomorrow = await room.BookAsync(TimeSpan.FromHours(20), "检查前空腹8小时，前一晚10点后禁食禁水");
        var soon = await room.BookAsync(TimeSpan.FromHours(2), "检查前1小时饮水500毫升，憋尿");

        // The exam two hours away is inside the lead: its notes go out at once; the one tomorrow waits.
        var now = await fixture.Published.UntilAsync<ExamPreparationDueIntegrationEvent>(e => e.AppointmentId == soon.AppointmentId);
        Assert.Contains("憋尿", now.Preparation);
        Assert.Equal(room.Location, now.Location);
        Assert.Null(await fixture.QueryAsync(db => db.Appointments.Where(a => a.Id == tomorrow.AppointmentId)
            .Select(a => a.PreparationSentAt).SingleAsync()));
        Assert.DoesNotContain(fixture.Published.Of<ExamPreparationDueIntegrationEvent>(), e => e.AppointmentId == tomorrow.AppointmentId);

        fixture.Clock.Advance(TimeSpan.FromHours(7));
        var due = await fixture.Published.UntilAsync<ExamPreparationDueIntegrationEvent>(e => e.AppointmentId == tomorrow.AppointmentId);
        Assert.Contains("空腹", due.Preparation);
        Assert.Equal("上腹部CT平扫", due.ItemName);
        await Eventually.Until(() => fixture.QueryAsync(db => db.Appointments.Where(a => a.Id == tomorrow.AppointmentId)
            .Select(a => a.PreparationSentAt).SingleAsync()), at => at is not null, TimeSpan.FromSeconds(30), "marked sent");
        Assert.Single(fixture.Published.Of<ExamPreparationDueIntegrationEvent>(), e => e.AppointmentId == soon.AppointmentId);
    }
}
