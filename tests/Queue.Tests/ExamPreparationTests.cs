using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Queue;
using Queue.API.Application;

namespace Queue.Tests;

/// <summary>R19: an exam's preparation notes are pushed once, the configured lead (14 hours) before it, not at booking and
/// never at night (a moment between 21:00 and 07:00 becomes 20:00 the evening before). Its own fixture: the test sets
/// the clock to 09:00 Beijing time and moves it.</summary>
public sealed class ExamPreparationTests(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task Preparation_notes_are_pushed_at_the_right_time_never_at_night_and_only_once()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Beijing).DateTime).AddDays(1);
        fixture.Clock.Offset = At(today, 9) - DateTimeOffset.UtcNow;
        var room = new ExamRoom(fixture);
        // 14:00 tomorrow: 14 hours before is midnight, so the notes go at 20:00 this evening.
        var afternoon = await room.BookAsync(At(today.AddDays(1), 14) - fixture.Clock.GetUtcNow(), "检查前空腹8小时，前一晚10点后禁食禁水");
        // 08:00 tomorrow: 14 hours before is 18:00 today.
        var morning = await room.BookAsync(At(today.AddDays(1), 8) - fixture.Clock.GetUtcNow(), "检查前空腹8小时");
        // 11:00 today: inside the lead already, so at once.
        var soon = await room.BookAsync(TimeSpan.FromHours(2), "检查前1小时饮水500毫升，憋尿");

        var now = await fixture.Published.UntilAsync<ExamPreparationDueIntegrationEvent>(e => e.AppointmentId == soon.AppointmentId);
        Assert.Contains("憋尿", now.Preparation);
        Assert.Equal(room.Location, now.Location);
        Assert.Null(await SentAtAsync(morning));
        Assert.Null(await SentAtAsync(afternoon));

        fixture.Clock.Advance(TimeSpan.FromHours(10)); // 19:00
        var evening = await fixture.Published.UntilAsync<ExamPreparationDueIntegrationEvent>(e => e.AppointmentId == morning.AppointmentId);
        Assert.Equal("上腹部CT平扫", evening.ItemName);
        // Sent in the same round had it been due: the afternoon exam waits for 20:00.
        Assert.Null(await SentAtAsync(afternoon));

        fixture.Clock.Advance(TimeSpan.FromHours(1)); // 20:00
        var due = await fixture.Published.UntilAsync<ExamPreparationDueIntegrationEvent>(e => e.AppointmentId == afternoon.AppointmentId);
        Assert.Contains("禁食禁水", due.Preparation);
        Assert.NotNull(await SentAtAsync(afternoon));
        Assert.Single(fixture.Published.Of<ExamPreparationDueIntegrationEvent>(), e => e.AppointmentId == soon.AppointmentId);
        Assert.Single(fixture.Published.Of<ExamPreparationDueIntegrationEvent>(), e => e.AppointmentId == morning.AppointmentId);
    }

    [Theory]
    [InlineData(8, 18, -1)]  // 08:00 exam → 18:00 the day before
    [InlineData(14, 20, -1)] // 14:00 → midnight → 20:00 the evening before
    [InlineData(11, 20, -1)] // 11:00 → 21:00 → 20:00 the evening before
    [InlineData(21, 7, 0)]   // 21:00 → 07:00 the same day
    public void The_night_moves_to_the_evening_before(int startHour, int dueHour, int dueDay)
    {
        var day = new DateOnly(2026, 12, 10);
        Assert.Equal(At(day.AddDays(dueDay), dueHour), ExamPreparationWorker.DueAt(At(day, startHour), TimeSpan.FromHours(14)));
    }

    private Task<DateTimeOffset?> SentAtAsync(BookedExam exam) =>
        fixture.QueryAsync(db => db.Appointments.Where(a => a.Id == exam.AppointmentId).Select(a => a.PreparationSentAt).SingleAsync());

    private static DateTimeOffset At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Beijing).ToUniversalTime();
}
