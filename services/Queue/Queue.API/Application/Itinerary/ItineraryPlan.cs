using Queue.API.Domain;

namespace Queue.API.Application.Itinerary;

public static class StepKind
{
    public const string CheckIn = "check-in";
    public const string Clinic = "clinic";
    public const string Exam = "exam";
    public const string BloodDraw = "blood";
    public const string Payment = "payment";
    public const string Pharmacy = "pharmacy";
}

public static class StepStatus
{
    public const string Done = "done";
    public const string Current = "current";
    public const string Upcoming = "upcoming";
}

/// <summary>One step of the day: where (a place on the indoor map when Hospital knows it, else the room's name), how it
/// stands, the people ahead and the wait if the patient joined that queue now (or their place in it), and why it is here.</summary>
public sealed record ItineraryStepDto(
    string Kind, string Title, string? PlaceId, string PlaceName, string Status, int? QueueAhead, int? EstimatedWaitMinutes, string Why,
    Guid? QueueId = null, Guid? AppointmentId = null, int? Number = null, string? TicketStatus = null, DateTimeOffset? StartsAt = null);

public sealed record ItineraryDto(Guid? PatientId, DateOnly Day, IReadOnlyList<ItineraryStepDto> Steps);

/// <summary>A visit, exam or pick-up as the plan needs it: its queue's live length and pace, and the patient's ticket.</summary>
public sealed record ItineraryStop(
    string Kind, string Title, string PlaceName, string? PlaceId, Guid QueueId, Guid? AppointmentId, DateTimeOffset StartsAt,
    string? Preparation, string? TicketStatus, int? Number, int PeopleAhead, int WaitingCount, double MinutesPerPatient)
{
    public bool Done => TicketStatus == Domain.TicketStatus.Done;
    public bool InLine => TicketStatus is Domain.TicketStatus.Waiting or Domain.TicketStatus.Called;

    /// <summary>People ahead: their place when in line, else everyone waiting now.</summary>
    public int Ahead => TicketStatus switch
    {
        Domain.TicketStatus.Waiting => PeopleAhead,
        null => WaitingCount,
        _ => 0,
    };

    public int WaitMinutes => WaitEstimates.EstimatedMinutes(Ahead, MinutesPerPatient);

    /// <summary>Fasting tests go first, so the patient can eat; a full-bladder scan goes last, so there is time to drink.</summary>
    public int PreparationRank => Needs("空腹") ? 0 : Needs("憋尿") || Needs("充盈膀胱") ? 2 : 1;

    private bool Needs(string what) =>
        Preparation is { } p && p.Contains(what, StringComparison.Ordinal)
        && !p.Contains($"无需{what}", StringComparison.Ordinal) && !p.Contains($"不需{what}", StringComparison.Ordinal)
        && !p.Contains($"不用{what}", StringComparison.Ordinal);
}

/// <summary>The day in order: 报到 and 就诊 for each clinic visit, the exams (those whose order does not matter by the
/// shortest wait now), 缴费, 取药. Pure, so the order is tested without a database.</summary>
public static class ItineraryPlan
{
    public static List<ItineraryStepDto> Build(IReadOnlyList<ItineraryStop> clinics, IReadOnlyList<ItineraryStop> exams,
        IReadOnlyList<ItineraryStop> pickups, bool paid, MapPlaceRef? paymentPlace)
    {
        var steps = new List<(ItineraryStepDto Step, bool Done, bool Called)>();
        foreach (var c in clinics.OrderBy(c => c.StartsAt))
        {
            var checkedIn = c.TicketStatus is not null;
            steps.Add((Step(StepKind.CheckIn, $"报到：{c.Title}", c, null,
                checkedIn ? $"已报到，{c.Number}号" : $"到{c.PlaceName}扫描诊室门口的二维码报到（{Time(c.StartsAt)} 预约）"), checkedIn, false));
            steps.Add((Step(StepKind.Clinic, $"候诊就诊：{c.Title}", c, c.Done ? null : c.Ahead, WhyInLine(c, "就诊")), c.Done,
                c.TicketStatus == TicketStatus.Called));
        }

        foreach (var e in OrderExams(exams))
            steps.Add((Step(e.Stop.Kind, e.Stop.Title, e.Stop, e.Stop.Done ? null : e.Stop.Ahead, e.Why), e.Stop.Done,
                e.Stop.TicketStatus == TicketStatus.Called));

        if (clinics.Count > 0)
        {
            var settled = paid || pickups.Count > 0;
            steps.Add((new ItineraryStepDto(StepKind.Payment, "缴费", paymentPlace?.Id, paymentPlace?.Name ?? "收费窗口", "", null, null,
                settled ? "已缴费" : "医生开具检查或药品后，可在手机上「缴费」在线支付，无需到窗口排队"), settled, false));
        }

        foreach (var p in pickups.OrderBy(p => p.StartsAt))
            steps.Add((Step(StepKind.Pharmacy, $"取药：{p.Title}", p, p.Done ? null : p.Ahead, WhyInLine(p, "取药")), p.Done,
                p.TicketStatus == TicketStatus.Called));
        if (pickups.Count == 0 && clinics.Count > 0)
            steps.Add((new ItineraryStepDto(StepKind.Pharmacy, "取药", null, "门诊药房", "", null, null,
                "如医生开了药，缴费后药房配好药会推送取药号"), false, false));

        var current = steps.FindIndex(s => s.Called && !s.Done);
        if (current < 0) current = steps.FindIndex(s => !s.Done);
        return steps.Select((s, i) => s.Step with
        {
            Status = s.Done ? StepStatus.Done : i == current ? StepStatus.Current : StepStatus.Upcoming,
        }).ToList();
    }

    /// <summary>Exams already done, then those the patient is in line for, then the rest: preparation first (fasting
    /// before, full bladder after), then the shortest wait now, then the booked time.</summary>
    public static List<(ItineraryStop Stop, string Why)> OrderExams(IReadOnlyList<ItineraryStop> exams)
    {
        var result = exams.Where(e => e.Done).OrderBy(e => e.StartsAt).Select(e => (e, "已完成")).ToList();
        result.AddRange(exams.Where(e => e.InLine).OrderBy(e => e.TicketStatus == TicketStatus.Called ? 0 : 1).ThenBy(e => e.WaitMinutes)
            .Select(e => (e, WhyInLine(e, "检查"))));
        var open = exams.Where(e => !e.Done && !e.InLine).OrderBy(e => e.PreparationRank).ThenBy(e => e.WaitMinutes).ThenBy(e => e.Ahead)
            .ThenBy(e => e.StartsAt).ToList();
        for (var i = 0; i < open.Count; i++)
        {
            var e = open[i];
            var later = open.Skip(i + 1).Where(o => o.PreparationRank == e.PreparationRank).ToList();
            var why = e.PreparationRank switch
            {
                0 => $"先做{Short(e)}：需空腹，做完即可进食",
                2 => $"{Short(e)}需憋尿，安排在其他检查之后",
                _ when later.Count > 0 && later.Any(o => o.WaitMinutes > e.WaitMinutes || o.Ahead > e.Ahead)
                    => $"先做{Short(e)}：排队人数较少（{e.Ahead}人，约{e.WaitMinutes}分钟）",
                _ => $"排队{e.Ahead}人，约{e.WaitMinutes}分钟",
            };
            result.Add((e, $"{why}；到{e.PlaceName}扫码报到"));
        }
        return result;
    }

    private static string WhyInLine(ItineraryStop s, string what) => s.TicketStatus switch
    {
        TicketStatus.Done => "已完成",
        TicketStatus.Called => $"正在叫您的号（{s.Number}号），请到{s.PlaceName}{what}",
        TicketStatus.Waiting => $"{s.Number}号，前面还有{s.PeopleAhead}人，约{s.WaitMinutes}分钟",
        TicketStatus.Absent => $"过号未到，请到{s.PlaceName}分诊台重新报到",
        null => $"报到后开始排队，当前{s.WaitingCount}人候诊",
        _ => TicketStatus.TextOf(s.TicketStatus),
    };

    private static ItineraryStepDto Step(string kind, string title, ItineraryStop s, int? ahead, string why) =>
        new(kind, title, s.PlaceId, s.PlaceName, "", ahead, ahead is { } n ? WaitEstimates.EstimatedMinutes(n, s.MinutesPerPatient) : null, why,
            s.QueueId, s.AppointmentId, s.Number, s.TicketStatus, s.StartsAt);

    private static string Short(ItineraryStop s) => s.Title.Contains('：') ? s.Title[(s.Title.IndexOf('：') + 1)..] : s.Title;

    private static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm");
}
