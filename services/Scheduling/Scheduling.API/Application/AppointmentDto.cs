using Microsoft.Extensions.Options;
using Scheduling.API.Domain;

namespace Scheduling.API.Application;

public sealed record AppointmentStepDto(string Status, string StatusText, DateTimeOffset At);

public sealed record AppointmentDto(
    Guid Id, Guid PatientId, Guid SlotId, Guid SessionId, Guid DepartmentId, string DepartmentName, Guid DoctorId,
    string DoctorName, string Location, DateTimeOffset StartsAt, DateTimeOffset EndsAt, long FeeFen, string Status,
    string StatusText, string? FailureReason, bool CanCancel, DateTimeOffset CancelDeadline, DateTimeOffset CreatedAt,
    IReadOnlyList<AppointmentStepDto> Steps, DateTimeOffset? RefundRequestedAt = null, long RefundOwedFen = 0,
    DateTimeOffset? RemindedAt = null, DateTimeOffset? HoldExpiresAt = null, long PaidFen = 0);

/// <summary>How an appointment reads to its patient now: the status text says 「等待医院确认」 once the HIS has been slow.</summary>
public sealed class AppointmentViews(TimeProvider clock, IOptions<SchedulingOptions> options)
{
    public string StatusTextOf(Appointment a) =>
        a.Status == AppointmentStatus.Locking && clock.GetUtcNow() - a.CreatedAt >= options.Value.HisSlowAfter
            ? AppointmentStatus.WaitingForHospital
            : AppointmentStatus.TextOf(a.Status);

    public DateTimeOffset CancelDeadline(Appointment a) => a.StartsAt - options.Value.CancelCutoff;

    public bool CanCancel(Appointment a) => a.IsActive && clock.GetUtcNow() < CancelDeadline(a);

    /// <summary>Why it failed, or why it was cancelled (the patient's page reads 「取消原因：医生停诊：…」).</summary>
    public static string? ReasonOf(Appointment a) =>
        a.FailureReason ?? (a.Status == AppointmentStatus.Cancelled ? a.CancelReason : null);

    public AppointmentDto ToDto(Appointment a) => new(
        a.Id, a.PatientId, a.SlotId, a.SessionId, a.DepartmentId, a.DepartmentName, a.DoctorId, a.DoctorName, a.Location,
        a.StartsAt, a.EndsAt, a.FeeFen, a.Status, StatusTextOf(a), ReasonOf(a), CanCancel(a), CancelDeadline(a), a.CreatedAt,
        a.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new AppointmentStepDto(s.Status, s.StatusText, s.At)).ToList(),
        a.RefundRequestedAt, a.RefundOwedFen,
        // The deadline to pay, while there is one to meet.
        HoldExpiresAt: a.Status == AppointmentStatus.AwaitingPayment ? a.HoldExpiresAt : null, PaidFen: a.PaidFen);
}
