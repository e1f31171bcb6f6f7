using Hospital.API.Application.Doctors;
using Hospital.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Apis;

public static class DoctorsApi
{
    public static IEndpointRouteBuilder MapDoctorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hospital/doctors").WithTags("医生");
        api.MapGet("/", Search).WithName("SearchDoctors").WithSummary("医生列表与搜索（姓名、科室或疾病）");
        api.MapGet("/{id}", Get).WithName("GetDoctor").WithSummary("医生详情与出诊时间");
        api.MapGet("/{id}/avatar.svg", Avatar).WithName("GetDoctorAvatar").WithSummary("医生默认头像");
        return app;
    }

    public static async Task<Ok<List<DoctorSummary>>> Search(DoctorDirectory directory, CancellationToken ct, string? q = null,
        string? department = null)
    {
        if (q is { Length: > 50 }) throw ProblemException.Invalid(new Dictionary<string, string[]> { ["q"] = ["搜索内容最多50个字"] });
        return TypedResults.Ok(await directory.SearchAsync(q?.Trim(), department?.Trim(), ct));
    }

    public static async Task<Ok<DoctorDetail>> Get(string id, DoctorDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.GetAsync(id, ct) ?? throw ProblemException.NotFound("医生"));

    public static async Task<IResult> Avatar(string id, HospitalDbContext db, CancellationToken ct)
    {
        var name = await db.Doctors.AsNoTracking().Where(d => d.HisId == id).Select(d => d.Name).FirstOrDefaultAsync(ct)
            ?? throw ProblemException.NotFound("医生");
        return Results.Text(DoctorAvatar.Svg(name), "image/svg+xml; charset=utf-8");
    }
}
