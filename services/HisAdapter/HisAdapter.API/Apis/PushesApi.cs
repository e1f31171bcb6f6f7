using HisAdapter.API.Application.Pushes;
using HisAdapter.API.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HisAdapter.API.Apis;

public static class PushesApi
{
    public static IEndpointRouteBuilder MapPushesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/his/pushes", ReceivePush).WithName("ReceiveHisPush").WithTags("HIS")
            .WithSummary("接收医院信息系统推送的事件（X-His-Signature 签名校验）").DisableRateLimiting();
        return app;
    }

    public static async Task<Results<Ok<PushReceipt>, ContentHttpResult>> ReceivePush(
        HttpRequest request, PushReceiver receiver, IOptions<HisOptions> options, CancellationToken ct)
    {
        var body = await ReadBodyAsync(request, options.Value.MaxPushBytes, ct);
        if (body is null) return FhirResults.Outcome(413, "too-costly", "推送内容过大");
        try
        {
            return TypedResults.Ok(await receiver.ReceiveAsync(body, request.Headers["X-His-Signature"].ToString(),
                request.Headers["X-His-Delivery"].ToString(), ct));
        }
        catch (PushRejectedException ex)
        {
            return FhirResults.Outcome(ex.Status, ex.IssueCode, ex.Message);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
