using System.Security.Claims;
using Hospital.API.Domain;
using Hospital.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Apis;

/// <summary>Images staff upload for content (doctors' photos). Only PNG, JPEG and WebP, recognised by their bytes
/// rather than the name or declared type: an SVG or HTML "image" could carry script.</summary>
public static class MediaApi
{
    private const int MaxBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/hospital/admin/media", Upload).WithTags("内容管理").WithName("UploadMedia").WithSummary("上传图片（医生照片等）")
            .RequireAuthorization(PlatformRoles.Staff).DisableAntiforgery();
        app.MapGet("/api/hospital/media/{id:guid}", Download).WithTags("医院信息").WithName("GetMedia").WithSummary("图片");
        return app;
    }

    public sealed record UploadedMedia(Guid Id, string Url, string ContentType, int Size);

    public static async Task<Created<UploadedMedia>> Upload(IFormFile? file, ClaimsPrincipal user, HospitalDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw Invalid("请选择要上传的图片");
        if (file.Length > MaxBytes) throw Invalid("图片不能超过2MB");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var data = buffer.ToArray();
        var type = Sniff(data) ?? throw Invalid("只支持 PNG、JPEG 或 WebP 图片");
        var media = new MediaFile
        {
            ContentType = type, Data = data, FileName = Path.GetFileName(file.FileName).Replace("<", "").Replace(">", "") is { Length: > 0 and <= 200 } n ? n : "image",
            UploadedBy = user.AccountId(), UploadedAt = clock.GetUtcNow(),
        };
        db.MediaFiles.Add(media);
        await db.SaveChangesAsync(ct);
        var url = $"/api/hospital/media/{media.Id}";
        return TypedResults.Created(url, new UploadedMedia(media.Id, url, type, data.Length));
    }

    public static async Task<FileContentHttpResult> Download(Guid id, HospitalDbContext db, HttpContext http, CancellationToken ct)
    {
        var media = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw ProblemException.NotFound("图片");
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        http.Response.Headers.CacheControl = "public, max-age=86400, immutable";
        return TypedResults.File(media.Data, media.ContentType);
    }

    private static string? Sniff(byte[] d) => d switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };

    private static ProblemException Invalid(string message) =>
        ProblemException.Invalid(new Dictionary<string, string[]> { ["file"] = [message] });
}
