using System.Security.Claims;
using Consultation.API.Application;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;

namespace Consultation.API.Apis;

/// <summary>Upload by a participant; download only through a signed, short-lived link the API handed to a participant.</summary>
public static class MediaApi
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/consultation/media").WithTags("在线咨询");
        api.MapPost("", Upload).WithName("UploadConsultationImage").WithSummary("上传图片或语音（multipart: file；consultationId 可选）")
            .RequireAuthorization().DisableAntiforgery();
        api.MapGet("/{id:guid}", Download).WithName("ConsultationImage").WithSummary("签名链接读取图片").AllowAnonymous();
        return app;
    }

    public static async Task<Ok<MediaDto>> Upload(HttpRequest request, ClaimsPrincipal user, Messages messages, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw ProblemException.Invalid(new Dictionary<string, string[]> { ["file"] = ["请选择图片"] });
        var form = await request.ReadFormAsync(ct);
        Guid? consultationId = Guid.TryParse(form["consultationId"], out var cid) ? cid : null;
        return TypedResults.Ok(await messages.UploadAsync(user, consultationId, form.Files.GetFile("file"), ct));
    }

    public static async Task<IResult> Download(Guid id, long? exp, string? sig, MediaUrls urls, IMediaStore store, HttpContext http,
        CancellationToken ct)
    {
        if (exp is null || !urls.IsValid(id, exp.Value, sig))
            throw new ProblemException(403, "media_link_invalid", "图片链接已失效，请刷新页面");
        var file = await store.GetAsync(id, ct) ?? throw ProblemException.NotFound("图片");
        http.Response.Headers.CacheControl = "private, max-age=300";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return TypedResults.File(file.Bytes, file.ContentType);
    }
}
