using System.Text.RegularExpressions;
using Convenience.API.Domain;
using Convenience.API.Extensions;
using Convenience.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Convenience;
using Platform.Contracts.Payment;
using Platform.Contracts.Staff;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;

namespace Convenience.API.Application;

public sealed record CreateVisitRequest(
    Guid PatientId, string? ServiceCode, DateOnly? VisitDate, string? HalfDay, ContactInput? Contact, string? OrderReference, bool? FirstDose,
    string? Condition);

/// <summary>医护到家 (X04): eligibility is checked before anything is charged, the half-day's places are taken with one
/// guarded statement, staff assign a nurse, the day's progress only goes forward, and the nurse's record closes it.</summary>
public sealed partial class HomeVisits(
    ConvenienceDbContext db, Contacts contacts, IIntegrationEventOutbox outbox, IOptions<ConvenienceOptions> options, TimeProvider clock)
{
    // The two half-days are counted in window_bookings like any catalogue window.
    private static readonly Guid Morning = new("0193a000-0000-7000-8000-00000000a001");
    private static readonly Guid Afternoon = new("0193a000-0000-7000-8000-00000000a002");

    public static string HalfDayText(string halfDay) => halfDay == "morning" ? "上午 08:00-12:00" : "下午 14:00-18:00";

    public async Task<HomeVisit> CreateAsync(Guid accountId, CreateVisitRequest request, CancellationToken ct)
    {
        var settings = options.Value;
        var errors = new Dictionary<string, string[]>();
        var service = HomeService.Find(request.ServiceCode);
        if (service is null) errors["serviceCode"] = ["请选择上门服务项目"];
        var (first, last) = BookableDates();
        if (request.VisitDate is not { } date || date < first || date > last)
            errors["visitDate"] = [$"上门日期须在{first:M月d日}至{last:M月d日}之间"];
        if (request.HalfDay is not ("morning" or "afternoon")) errors["halfDay"] = ["请选择上午或下午"];
        var reference = request.OrderReference?.Trim();
        if (service is { NeedsOrderReference: true } && (string.IsNullOrEmpty(reference) || !ReferencePattern().IsMatch(reference)))
            errors["orderReference"] = ["请填写本院医嘱号或处方号（4-40位字母数字）"];
        var condition = request.Condition?.Trim();
        if (condition is { Length: > 300 }) errors["condition"] = ["病情说明不能超过300个字"];
        var visit = new HomeVisit
        {
            AccountId = accountId, PatientId = request.PatientId, ServiceCode = service?.Code ?? "", ServiceName = service?.Name ?? "",
            AmountFen = service?.PriceFen ?? 0, VisitDate = request.VisitDate ?? default, HalfDay = request.HalfDay ?? "",
            Contact = null!, OrderReference = string.IsNullOrEmpty(reference) ? null : reference,
            Condition = string.IsNullOrEmpty(condition) ? null : condition, CreatedAt = clock.GetUtcNow(),
        };
        visit.Contact = contacts.Seal(visit.Id, request.Contact, errors);
        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        if (!settings.HomeCareDistricts.Contains(visit.Contact.District))
            throw new ProblemException(422, "outside_service_area",
                $"{visit.Contact.District}暂不在上门服务范围内，目前服务：{string.Join("、", settings.HomeCareDistricts)}");
        if (service!.Code == "injection" && request.FirstDose != false)
            throw new ProblemException(422, "first_dose_at_hospital", "首次使用的注射药物须在医院注射并观察，不能上门注射");
        visit.PayBy = visit.CreatedAt + settings.PayWithin;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO window_bookings (window_id, date, booked) VALUES ({SlotOf(visit)}, {visit.VisitDate}, 1)
            ON CONFLICT (window_id, date) DO UPDATE SET booked = window_bookings.booked + 1
            WHERE window_bookings.booked < {settings.HomeVisitsPerHalfDay}
            """, ct);
        if (taken == 0)
            throw new ProblemException(409, "visit_slots_full", $"{visit.VisitDate:M月d日}{HalfDayText(visit.HalfDay)}的上门名额已满，请选择其他时间（未产生费用）");
        db.Visits.Add(visit);
        Move(visit, HomeVisitStatus.AwaitingPayment, null);
        outbox.Add(new PaymentRequestedIntegrationEvent(OrderKinds.HomeCare, visit.Id, accountId, visit.PatientId, visit.AmountFen,
            $"医护到家 {visit.ServiceName}", visit.PayBy));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return visit;
    }

    /// <summary>The first and last day a visit may be booked for.</summary>
    public (DateOnly First, DateOnly Last) BookableDates()
    {
        var first = ShanghaiTime.Today(clock.GetUtcNow()).AddDays(options.Value.HomeCareFromToday ? 0 : 1);
        return (first, first.AddDays(options.Value.HomeCareDaysAhead - 1));
    }

    private static Guid SlotOf(HomeVisit visit) => visit.HalfDay == "morning" ? Morning : Afternoon;

    public async Task PaidAsync(Guid id, DateTimeOffset paidAt, CancellationToken ct)
    {
        var visit = await LoadAsync(id, ct);
        if (visit is not { Status: HomeVisitStatus.AwaitingPayment }) return;
        visit.PaidAt = paidAt;
        Move(visit, HomeVisitStatus.Paid, "已支付，等待安排护士");
    }

    public async Task PaymentClosedAsync(Guid id, CancellationToken ct)
    {
        var visit = await LoadAsync(id, ct);
        if (visit is not { Status: HomeVisitStatus.AwaitingPayment }) return;
        await ReleaseSlotAsync(visit, ct);
        Move(visit, HomeVisitStatus.Cancelled, "超时未支付，预约已取消");
    }

    public async Task RefundedAsync(Guid id, CancellationToken ct)
    {
        var visit = await LoadAsync(id, ct);
        if (visit is not { Status: HomeVisitStatus.Refunding }) return;
        Move(visit, HomeVisitStatus.Refunded, "退款已原路退回");
    }

    /// <summary>By the patient before the nurse sets out, or by staff when nobody can go: withdrawn if unpaid, else refunded.</summary>
    public async Task<HomeVisit> StopAsync(Guid id, string reason, bool byPatient, CancellationToken ct)
    {
        var visit = await RequireAsync(id, ct);
        var stoppable = byPatient
            ? visit.Status is HomeVisitStatus.AwaitingPayment or HomeVisitStatus.Paid or HomeVisitStatus.Assigned
            : HomeVisitStatus.Rank(visit.Status) is >= 0 and < 5;
        if (!stoppable)
            throw ProblemException.Conflict("not_cancellable", $"上门服务当前状态为“{HomeVisitStatus.TextOf(visit.Status)}”，不能取消");
        visit.Reason = reason;
        await ReleaseSlotAsync(visit, ct);
        if (visit.Status == HomeVisitStatus.AwaitingPayment)
        {
            outbox.Add(new PaymentWithdrawnIntegrationEvent(OrderKinds.HomeCare, visit.Id, reason));
            Move(visit, HomeVisitStatus.Cancelled, reason);
        }
        else
        {
            outbox.Add(new RefundRequestedIntegrationEvent(OrderKinds.HomeCare, visit.Id, null, reason));
            Move(visit, HomeVisitStatus.Refunding, reason);
        }
        await db.SaveChangesAsync(ct);
        return visit;
    }

    public async Task<HomeVisit> AssignAsync(Guid id, string staff, string? nurseName, string? nursePhone, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = nurseName?.Trim() ?? "";
        if (name.Length is 0 or > 30) errors["nurseName"] = ["请填写护士姓名"];
        if (!Contacts.IsPhone(nursePhone?.Trim())) errors["nursePhone"] = ["请填写护士的手机号"];
        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        var visit = await RequireAsync(id, ct);
        if (visit.Status is not (HomeVisitStatus.Paid or HomeVisitStatus.Assigned))
            throw ProblemException.Conflict("not_assignable", $"上门服务当前状态为“{HomeVisitStatus.TextOf(visit.Status)}”，不能派护士");
        visit.NurseName = name;
        visit.NursePhoneCipher = contacts.SealPhone(visit.Id, nursePhone!.Trim());
        visit.AssignedBy = staff;
        Move(visit, HomeVisitStatus.Assigned, $"已安排{name}护士上门");
        await db.SaveChangesAsync(ct);
        return visit;
    }

    /// <summary>On the visit day only, and forward only: 已出发 → 已到达.</summary>
    public async Task<HomeVisit> ProgressAsync(Guid id, string? status, CancellationToken ct)
    {
        if (status is not (HomeVisitStatus.OnTheWay or HomeVisitStatus.Arrived))
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["status"] = ["状态只能是 on-the-way 或 arrived"] });
        var visit = await RequireAsync(id, ct);
        if (visit.VisitDate != ShanghaiTime.Today(clock.GetUtcNow()))
            throw ProblemException.Conflict("not_visit_day", $"上门日期是{visit.VisitDate:M月d日}，当天才能更新上门进度");
        if (HomeVisitStatus.Rank(visit.Status) < HomeVisitStatus.Rank(HomeVisitStatus.Assigned)
            || HomeVisitStatus.Rank(status) <= HomeVisitStatus.Rank(visit.Status) || visit.Status == HomeVisitStatus.Completed)
            throw ProblemException.Conflict("wrong_status", $"上门服务当前状态为“{HomeVisitStatus.TextOf(visit.Status)}”，不能改为“{HomeVisitStatus.TextOf(status)}”");
        Move(visit, status, null);
        await db.SaveChangesAsync(ct);
        return visit;
    }

    public async Task<HomeVisit> CompleteAsync(Guid id, string? record, CancellationToken ct)
    {
        var text = record?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 1000)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["record"] = ["请填写服务记录（做了什么、患者情况，1000字以内）"] });
        var visit = await RequireAsync(id, ct);
        if (visit.Status != HomeVisitStatus.Arrived)
            throw ProblemException.Conflict("wrong_status", $"上门服务当前状态为“{HomeVisitStatus.TextOf(visit.Status)}”，护士到达后才能完成");
        visit.Record = text;
        Move(visit, HomeVisitStatus.Completed, "服务已完成，可查看服务记录");
        await db.SaveChangesAsync(ct);
        return visit;
    }

    private Task ReleaseSlotAsync(HomeVisit visit, CancellationToken ct) => db.Database.ExecuteSqlInterpolatedAsync(
        $"UPDATE window_bookings SET booked = GREATEST(booked - 1, 0) WHERE window_id = {SlotOf(visit)} AND date = {visit.VisitDate}", ct);

    private Task<HomeVisit?> LoadAsync(Guid id, CancellationToken ct) => db.Visits.Include(v => v.Steps).SingleOrDefaultAsync(v => v.Id == id, ct);

    private async Task<HomeVisit> RequireAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? throw ProblemException.NotFound("上门服务");

    private void Move(HomeVisit visit, string status, string? note)
    {
        var at = clock.GetUtcNow();
        visit.Status = status;
        var step = new HomeVisitStep { VisitId = visit.Id, Status = status, Text = HomeVisitStatus.TextOf(status), Note = note, At = at };
        visit.Steps.Add(step);
        if (db.Entry(visit).State != EntityState.Added) db.VisitSteps.Add(step);
        outbox.Add(new HomeVisitStatusChangedIntegrationEvent(visit.Id, visit.PatientId, visit.ServiceName, status, HomeVisitStatus.TextOf(status), note, at));
        outbox.Add(new StaffWorkChangedIntegrationEvent(StaffAreas.Convenience, visit.Id));
    }

    [GeneratedRegex("^[A-Za-z0-9-]{4,40}$")]
    private static partial Regex ReferencePattern();
}
