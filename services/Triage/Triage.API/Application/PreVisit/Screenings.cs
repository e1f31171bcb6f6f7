using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Triage.API.Domain.PreVisit;
using Triage.API.Infrastructure;

namespace Triage.API.Application.PreVisit;

public sealed record ScreeningDto(
    Guid Id, Guid AppointmentId, Guid PatientId, string Title, string DepartmentName, string DoctorName, string Location,
    DateTimeOffset StartsAt, IReadOnlyList<ScreeningQuestion> Questions, bool Answered, Dictionary<string, bool>? Answers,
    decimal? Temperature, string? Outcome, string? Advice, DateTimeOffset? AnsweredAt);

public sealed record ScreeningAnswersInput(Dictionary<string, bool>? Answers, decimal? Temperature);

/// <summary>The patient's side of the pre-visit screening: their forms, and answering one.</summary>
public sealed class Screenings(TriageDbContext db, CareAccess access, TimeProvider clock)
{
    public async Task<List<ScreeningDto>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var patients = await access.PatientIdsAsync(user, ct);
        var since = clock.GetUtcNow() - CareAccess.AfterVisit;
        var rows = await (from s in db.Screenings.AsNoTracking()
                          join a in db.Appointments.AsNoTracking() on s.AppointmentId equals a.Id
                          where patients.Contains(s.PatientId) && !a.Cancelled && a.StartsAt >= since
                          orderby a.StartsAt
                          select new { s, a }).ToListAsync(ct);
        var phones = await PhonesAsync(rows.Select(r => r.a.DepartmentName), ct);
        return rows.Select(r => ToDto(r.s, r.a, phones.GetValueOrDefault(r.a.DepartmentName))).ToList();
    }

    public async Task<ScreeningDto> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var (screening, appointment) = await FindAsync(user, id, tracked: false, ct);
        var phones = await PhonesAsync([appointment.DepartmentName], ct);
        return ToDto(screening, appointment, phones.GetValueOrDefault(appointment.DepartmentName));
    }

    public async Task<ScreeningDto> AnswerAsync(ClaimsPrincipal user, Guid id, ScreeningAnswersInput input, CancellationToken ct)
    {
        var (screening, appointment) = await FindAsync(user, id, tracked: true, ct);
        var answers = input.Answers ?? [];
        var missing = ScreeningForms.EpidemicQuestions.Where(q => !answers.ContainsKey(q.Code)).ToList();
        var errors = new Dictionary<string, string[]>();
        if (missing.Count > 0) errors["answers"] = [$"请回答全部问题（还有{missing.Count}题未答）"];
        if (input.Temperature is < 34m or > 43m) errors["temperature"] = ["体温应在34-43℃之间"];
        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        var kept = ScreeningForms.EpidemicQuestions.ToDictionary(q => q.Code, q => answers[q.Code]);
        screening.Answer(kept, input.Temperature, ScreeningForms.Outcome(kept, input.Temperature), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var phones = await PhonesAsync([appointment.DepartmentName], ct);
        return ToDto(screening, appointment, phones.GetValueOrDefault(appointment.DepartmentName));
    }

    /// <summary>Another patient's form answers 404, as one that does not exist: its id tells nothing.</summary>
    private async Task<(Screening, VisitAppointment)> FindAsync(ClaimsPrincipal user, Guid id, bool tracked, CancellationToken ct)
    {
        var patients = await access.PatientIdsAsync(user, ct);
        var screenings = tracked ? db.Screenings : db.Screenings.AsNoTracking();
        var screening = await screenings.FirstOrDefaultAsync(s => s.Id == id && patients.Contains(s.PatientId), ct)
                        ?? throw new ProblemException(404, "screening_not_found", "筛查问卷不存在");
        var appointment = await db.Appointments.AsNoTracking().FirstAsync(a => a.Id == screening.AppointmentId, ct);
        if (appointment.Cancelled) throw new ProblemException(410, "appointment_cancelled", "该预约已取消，无需填写筛查问卷");
        return (screening, appointment);
    }

    private Task<Dictionary<string, string>> PhonesAsync(IEnumerable<string> departments, CancellationToken ct)
    {
        var names = departments.Distinct().ToList();
        return db.Departments.AsNoTracking().Where(d => names.Contains(d.Name) && d.Phone != "")
            .GroupBy(d => d.Name).ToDictionaryAsync(g => g.Key, g => g.Select(d => d.Phone).First(), ct);
    }

    public static ScreeningDto ToDto(Screening s, VisitAppointment a, string? phone) => new(
        s.Id, a.Id, s.PatientId, ScreeningForms.EpidemicTitle, a.DepartmentName, a.DoctorName, a.Location, a.StartsAt,
        ScreeningForms.EpidemicQuestions, s.Outcome is not null, s.Answers, s.Temperature, s.Outcome,
        s.Outcome is null ? null : ScreeningForms.Advice(s.Outcome, phone), s.AnsweredAt);
}
