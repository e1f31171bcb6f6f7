using System.Security.Claims;
using Consultation.API.Domain;
using Consultation.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace Consultation.API.Application;

/// <summary>Doctors who consult online, from the HIS roster, and each doctor's own offer (which services, at what fee).</summary>
public sealed class Doctors(ConsultationDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<DoctorDto>> OfferingAsync(string? kind, string? departmentCode, CancellationToken ct)
    {
        var query = db.Doctors.AsNoTracking().Where(d => d.Active);
        query = kind == ConsultationKinds.FollowUp ? query.Where(d => d.OffersFollowUp) : query.Where(d => d.OffersText);
        if (!string.IsNullOrEmpty(departmentCode)) query = query.Where(d => d.DepartmentCodes.Contains(departmentCode));
        var doctors = await query.OrderBy(d => d.Name).Take(200).ToListAsync(ct);
        return await ViewAsync(doctors, ct);
    }

    public async Task<DoctorDto> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var doctor = await FindMineAsync(user, ct);
        return (await ViewAsync([doctor], ct))[0];
    }

    public async Task<DoctorDto> SetOfferAsync(ClaimsPrincipal user, OfferRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.TextFeeFen is < 0 or > 100_000) errors["textFeeFen"] = ["咨询费应在0～1000元之间"];
        if (request.FollowUpFeeFen is < 0 or > 100_000) errors["followUpFeeFen"] = ["复诊费应在0～1000元之间"];
        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        var doctor = await FindMineAsync(user, ct);
        db.Attach(doctor);
        doctor.OffersText = request.OffersText;
        doctor.TextFeeFen = request.TextFeeFen;
        doctor.OffersFollowUp = request.OffersFollowUp;
        doctor.FollowUpFeeFen = request.FollowUpFeeFen;
        doctor.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return (await ViewAsync([doctor], ct))[0];
    }

    private async Task<DoctorOffer> FindMineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var practitioner = Participants.RequirePractitioner(user);
        return await db.Doctors.AsNoTracking().SingleOrDefaultAsync(d => d.PractitionerHisId == practitioner, ct)
               ?? throw new ProblemException(404, "doctor_unknown", "医院排班数据中还没有您的医生信息，请稍后再试");
    }

    private async Task<IReadOnlyList<DoctorDto>> ViewAsync(IReadOnlyList<DoctorOffer> doctors, CancellationToken ct)
    {
        var codes = doctors.SelectMany(d => d.DepartmentCodes).Distinct().ToList();
        var names = await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return doctors.Select(d => new DoctorDto(d.PractitionerHisId, d.Name, d.Title,
            d.DepartmentCodes.Select(c => names.GetValueOrDefault(c)).OfType<string>().ToList(), d.Expertise, d.OffersText, d.TextFeeFen,
            d.OffersFollowUp, d.FollowUpFeeFen)).ToList();
    }
}
