using Scheduling.API.Application;
using Scheduling.API.Domain;

namespace Scheduling.Tests;

/// <summary>The one-day plan on its own: which windows it picks, with no database in the way.</summary>
public sealed class ExamPlannerTests
{
    private static readonly DateOnly Day = new(2026, 12, 7);

    [Fact]
    public void Two_fasting_exams_and_two_others_fit_one_morning_fasting_first_without_overlap()
    {
        var orders = new List<ExamOrder>
        {
            Order("blood", fasting: true, orderedDaysAgo: 3), Order("us", fasting: true, orderedDaysAgo: 0),
            Order("ct", fasting: false, orderedDaysAgo: 2), Order("mri", fasting: false, orderedDaysAgo: 1),
        };
        var slots = new Dictionary<string, List<ExamSlotDto>>
        {
            ["blood"] = Windows("07:30", 15, 12), ["us"] = Windows("08:00", 15, 16),
            ["ct"] = Windows("08:00", 15, 16), ["mri"] = Windows("08:00", 30, 8),
        };

        var plan = ExamPlanner.Plan(Guid.NewGuid(), orders, slots, [], Day);

        Assert.Empty(plan.Unplaced);
        Assert.Equal(4, plan.Items.Count);
        var items = plan.Items.OrderBy(i => i.StartsAt).ToList();
        for (var i = 1; i < items.Count; i++) Assert.True(items[i].StartsAt >= items[i - 1].EndsAt + ExamBooking.Gap);
        Assert.All(items.Take(2), i => Assert.True(i.FastingRequired));
        Assert.All(items.Where(i => i.FastingRequired), i => Assert.True(i.StartsAt < ClinicClock.At(Day, ExamBooking.FastingBefore)));
    }

    private static ExamOrder Order(string service, bool fasting, int orderedDaysAgo) => new()
    {
        Id = Guid.NewGuid(), HisId = $"sr-{service}", PatientId = Guid.Empty, ItemCode = service, ItemName = service, Category = "检查",
        ServiceCode = service, Preparation = fasting ? "检查前空腹8小时" : "", FastingRequired = fasting, OrderedBy = "医生", Status = "active",
        OrderedAt = DateTimeOffset.UtcNow.AddDays(-orderedDaysAgo),
    };

    private static List<ExamSlotDto> Windows(string first, int minutes, int count)
    {
        var start = ClinicClock.At(Day, TimeOnly.Parse(first));
        return Enumerable.Range(0, count)
            .Select(i => new ExamSlotDto(Guid.NewGuid(), "室", "医技楼", start.AddMinutes(i * minutes), start.AddMinutes((i + 1) * minutes), 1, 1))
            .ToList();
    }
}
