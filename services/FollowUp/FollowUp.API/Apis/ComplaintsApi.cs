using System.Security.Claims;
using FollowUp.API.Application;
using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Apis;

public sealed record TextRequest(string? Text);

public sealed record RatingRequest(int? Rating, string? Comment);

/// <summary>The patient's complaints and suggestions: submit (with photos), follow the handling, answer back, rate.</summary>
public static class ComplaintsApi
{
    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/followup/complaint-categories", () => TypedResults.Ok(ComplaintCategory.All))
            .WithTags("投诉建议").WithName("ComplaintCategories").WithSummary("投诉建议的类别").RequireAuthorization();
        var api = app.MapGroup("/api/followup").WithTags("投诉建议").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/patients/{patientId:guid}/complaints", List).WithName("MyComplaints").WithSummary("就诊人的投诉建议");
        api.MapPost("/patients/{patientId:guid}/complaints", Submit).WithName("SubmitComplaint").WithSummary("提交投诉或建议（可附照片）");
        api.MapGet("/complaints/{id:guid}", Get).WithName("GetComplaint").WithSummary("投诉详情、处理进度与回复");
        api.MapPost("/complaints/{id:guid}/messages", Message).WithName("AnswerComplaintReply").WithSummary("对医院的回复再留言");
        api.MapPost("/complaints/{id:guid}/rating", Rate).WithName("RateComplaint").WithSummary("评价处理结果");
        api.MapGet("/complaints/{id:guid}/photos/{photoId:guid}", Photo).WithName("ComplaintPhoto").WithSummary("投诉照片");
        return app;
    }

    public static async Task<Ok<List<ComplaintSummaryDto>>> List(Guid patientId, ClaimsPrincipal user, PatientAccess access, FollowUpDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(user, patientId, ct);
        var list = await db.Complaints.AsNoTracking().Where(c => c.PatientId == patientId).OrderByDescending(c => c.CreatedAt).Take(100).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ComplaintSummaryDto.From).ToList());
    }

    public static async Task<Created<ComplaintDto>> Submit(Guid patientId, NewComplaint request, ClaimsPrincipal user, PatientAccess access,
        Complaints complaints, CancellationToken ct)
    {
        await access.RequireAsync(user, patientId, ct);
        var c = await complaints.SubmitAsync(user.AccountId(), patientId, request, ct);
        return TypedResults.Created($"/api/followup/complaints/{c.Id}", ComplaintDto.From(c, c.Photos.Select(p => p.Id).ToList()));
    }

    private static async Task<Complaint> OwnAsync(Guid id, ClaimsPrincipal user, PatientAccess access, Complaints complaints, CancellationToken ct)
    {
        Complaint? c;
        try { c = await complaints.LoadAsync(id, ct); }
        catch (ProblemException) { c = null; }
        return await access.RequireOwnAsync(user, c, x => x.PatientId, "投诉建议", ct);
    }

    public static async Task<Ok<ComplaintDto>> Get(Guid id, ClaimsPrincipal user, PatientAccess access, Complaints complaints, FollowUpDbContext db, CancellationToken ct)
    {
        var c = await OwnAsync(id, user, access, complaints, ct);
        return TypedResults.Ok(ComplaintDto.From(c, await PhotoIdsAsync(db, id, ct)));
    }

    public static async Task<Ok<ComplaintDto>> Message(Guid id, TextRequest request, ClaimsPrincipal user, PatientAccess access, Complaints complaints,
        FollowUpDbContext db, CancellationToken ct)
    {
        var c = await complaints.PatientMessageAsync(await OwnAsync(id, user, access, complaints, ct), request.Text, ct);
        return TypedResults.Ok(ComplaintDto.From(c, await PhotoIdsAsync(db, id, ct)));
    }

    public static async Task<Ok<ComplaintDto>> Rate(Guid id, RatingRequest request, ClaimsPrincipal user, PatientAccess access, Complaints complaints,
        FollowUpDbContext db, CancellationToken ct)
    {
        var c = await complaints.RateAsync(await OwnAsync(id, user, access, complaints, ct), request.Rating, request.Comment, ct);
        return TypedResults.Ok(ComplaintDto.From(c, await PhotoIdsAsync(db, id, ct)));
    }

    public static async Task<FileContentHttpResult> Photo(Guid id, Guid photoId, ClaimsPrincipal user, PatientAccess access, Complaints complaints,
        FollowUpDbContext db, CancellationToken ct)
    {
        await OwnAsync(id, user, access, complaints, ct);
        return await PhotoFileAsync(db, id, photoId, ct);
    }

    internal static async Task<FileContentHttpResult> PhotoFileAsync(FollowUpDbContext db, Guid id, Guid photoId, CancellationToken ct)
    {
        var photo = await db.ComplaintPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.ComplaintId == id, ct)
            ?? throw ProblemException.NotFound("照片");
        return TypedResults.File(photo.Content, photo.ContentType);
    }

    internal static Task<List<Guid>> PhotoIdsAsync(FollowUpDbContext db, Guid id, CancellationToken ct) =>
        db.ComplaintPhotos.Where(p => p.ComplaintId == id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
}
