using Hospital.API.Application.Content;
using Hospital.API.Application.Publishing;
using Hospital.API.Domain;
using Hospital.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;

namespace Hospital.API.Application.Doctors;

/// <summary>Doctors as patients see them: the HIS record, what staff published about them, and their clinic times.</summary>
public sealed class DoctorDirectory(HospitalDbContext db, PublishedContent<DoctorProfile> profiles, TimeProvider clock)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public async Task<List<DoctorSummary>> SearchAsync(string? query, string? departmentCode, CancellationToken ct)
    {
        var doctors = await db.Doctors.AsNoTracking().Where(d => d.IsActive).ToListAsync(ct);
        if (!string.IsNullOrEmpty(departmentCode)) doctors = doctors.Where(d => d.DepartmentCodes.Contains(departmentCode)).ToList();
        var departments = await DepartmentsAsync(ct);
        var published = await profiles.ListAsync(ct);
        var today = Today();
        var hisIds = doctors.Select(d => d.HisId).ToList();
        var next = (await db.ClinicSessions.AsNoTracking().Where(s => hisIds.Contains(s.PractitionerHisId) && s.Date >= today)
                .OrderBy(s => s.Date).ThenBy(s => s.StartsAt).ToListAsync(ct))
            .GroupBy(s => s.PractitionerHisId).ToDictionary(g => g.Key, g => g.First());

        var ranked = doctors
            .Select(d => (Doctor: d, Profile: published.GetValueOrDefault(d.HisId)))
            .Select(x => (x.Doctor, x.Profile, Score: DoctorSearch.Score(Candidate(x.Doctor, x.Profile, departments), query ?? "")))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => TitleRank(x.Doctor.Title)).ThenBy(x => x.Doctor.HisId, StringComparer.Ordinal)
            .Take(200);
        return ranked.Select(x => new DoctorSummary(x.Doctor.HisId, x.Doctor.Name, Gender(x.Doctor.Gender), x.Doctor.Title,
            Departments(x.Doctor, departments), Expertise(x.Doctor, x.Profile), x.Profile?.Diseases ?? [],
            Photo(x.Doctor, x.Profile), x.Doctor.RegistrationFeeFen,
            next.TryGetValue(x.Doctor.HisId, out var s) ? Clinic(s) : null)).ToList();
    }

    public async Task<DoctorDetail?> GetAsync(string hisId, CancellationToken ct)
    {
        var doctor = await db.Doctors.AsNoTracking().FirstOrDefaultAsync(d => d.HisId == hisId && d.IsActive, ct);
        if (doctor is null) return null;
        var profile = await profiles.GetAsync(hisId, ct);
        var departments = await DepartmentsAsync(ct);
        var today = Today();
        var sessions = await db.ClinicSessions.AsNoTracking()
            .Where(s => s.PractitionerHisId == hisId && s.Date >= today && s.Date < today.AddDays(14))
            .OrderBy(s => s.Date).ThenBy(s => s.StartsAt).ToListAsync(ct);
        var introduction = profile is { Introduction.Length: > 0 } ? profile.Introduction : RichText.Render(doctor.Introduction);
        return new DoctorDetail(doctor.HisId, doctor.Name, Gender(doctor.Gender), doctor.Title, Departments(doctor, departments),
            Expertise(doctor, profile), profile?.Diseases ?? [], Photo(doctor, profile), doctor.RegistrationFeeFen, introduction,
            sessions.Select(Clinic).ToList(), HisIds.Doctor(doctor.HisId));
    }

    private async Task<Dictionary<string, Department>> DepartmentsAsync(CancellationToken ct) =>
        await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    private static DoctorSearch.Candidate Candidate(Doctor d, DoctorProfile? p, Dictionary<string, Department> departments) =>
        new(d.Name, Expertise(d, p), p?.Diseases ?? [], d.DepartmentCodes.Select(c => departments.GetValueOrDefault(c)?.Name ?? c).ToList(),
            d.Introduction, d.Title);

    private static string Expertise(Doctor d, DoctorProfile? p) => p is { Expertise.Length: > 0 } ? p.Expertise : d.Expertise;

    /// <summary>An uploaded photo when staff published one, otherwise a generated avatar.</summary>
    private static string Photo(Doctor d, DoctorProfile? p) =>
        p is { PhotoUrl.Length: > 0 } ? p.PhotoUrl : $"/api/hospital/doctors/{d.HisId}/avatar.svg";

    private static List<DoctorDepartment> Departments(Doctor d, Dictionary<string, Department> departments) =>
        d.DepartmentCodes.Select(c => departments.TryGetValue(c, out var dept)
            ? new DoctorDepartment(c, dept.Name, dept.Id, HisIds.Department(c))
            : new DoctorDepartment(c, c, null, HisIds.Department(c))).ToList();

    private static ClinicTime Clinic(ClinicSession s) =>
        new(s.Date, Weekdays[(int)s.Date.DayOfWeek], s.Period, s.StartsAt, s.EndsAt, s.DepartmentCode, s.FreeSlots, s.TotalSlots);

    private static string Gender(string gender) => gender switch { "male" => "男", "female" => "女", _ => "" };

    private static int TitleRank(string title) => title switch
    {
        "主任医师" => 0,
        "副主任医师" => 1,
        "主治医师" => 2,
        _ => 3,
    };
}
