using Microsoft.AspNetCore.Http.HttpResults;
using Pharmacy.API.Application;

namespace Pharmacy.API.Apis;

public sealed record CallbackAck(string Code, bool Applied);

/// <summary>The courier platform's status callbacks: no token, the request signature is the authentication.</summary>
public static class CourierCallbackApi
{
    public static IEndpointRouteBuilder MapCourierCallbackApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(CourierCallbacks.Path, Receive).WithTags("快递回调").WithName("CourierCallback")
            .WithSummary("快递状态回调（HMAC 签名、时间戳、nonce 防重放；按序号只前进不后退）").AllowAnonymous();
        return app;
    }

    public static async Task<Ok<CallbackAck>> Receive(HttpRequest request, CourierCallbacks callbacks, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var applied = await callbacks.ReceiveAsync(request.Headers, body, ct);
        return TypedResults.Ok(new CallbackAck("SUCCESS", applied));
    }
}
