using Hospital.API.Application;
using Hospital.API.Application.Content;
using Hospital.API.Application.Doctors;
using Hospital.API.Application.Publishing;
using Hospital.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Hospital;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Apis;

public static class DepartmentsApi
{
    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hospital/departments").WithTags("科室");
        api.MapGet("/", ListDepartments).WithName("ListDepartments").WithSummary("科室列表（按院区与展示顺序）");
        api.MapGet("/{id:guid}", GetDepartment).WithName("GetDepartment").WithSummary("科室详情");
        api.MapPut("/{id:guid}", UpdateDepartment).WithName("UpdateDepartment").WithSummary("修改科室信息（工作人员）")
            .RequireAuthorization(PlatformRoles.Staff);
        return app;
    }

    public static async Task<Ok<List<DepartmentDto>>> ListDepartments(HospitalDbContext db, PublishedContent<DepartmentContent> content,
        CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(ct);
        var described = await content.ListAsync(ct);
        return TypedResults.Ok(departments.Select(d => DepartmentDto.From(d, described.GetValueOrDefault(d.Code))).ToList());
    }

    public static async Task<Ok<DepartmentDetailDto>> GetDepartment(Guid id, HospitalDbContext db, PublishedContent<DepartmentContent> content,
        DoctorDirectory doctors, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw ProblemException.NotFound("科室");
        var described = await content.GetAsync(department.Code, ct);
        var staff = await doctors.SearchAsync(null, department.Code, ct);
        return TypedResults.Ok(DepartmentDetailDto.From(department, described, staff));
    }

    public static async Task<Ok<DepartmentDto>> UpdateDepartment(
        Guid id, DepartmentUpdate update, HospitalDbContext db, IIntegrationEventOutbox outbox, TimeProvider clock,
        CancellationToken ct)
    {
        update.Validate();
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw ProblemException.NotFound("科室");
        if (update.Version is { } expected && expected != department.Version)
            throw new ProblemException(412, "department_changed", "该科室信息已被他人修改，请刷新后再编辑");

        department.Revise(update.Name!.Trim(), update.Summary?.Trim() ?? "", update.Phone?.Trim() ?? "",
            update.Building?.Trim() ?? "", update.Floor?.Trim() ?? "", clock.GetUtcNow());
        outbox.Add(new DepartmentChangedIntegrationEvent(department.Id, department.Code, department.Name,
            department.Campus, DepartmentChangeKind.Updated));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ProblemException(412, "department_changed", "该科室信息已被他人修改，请刷新后再编辑");
        }
        return TypedResults.Ok(DepartmentDto.From(department));
    }
}
