using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Queue.API.Application;

namespace Queue.API.Apis;

/// <summary>候诊信息 (R22) and the waiting-area display board: open to everyone, no sign-in.</summary>
public static class PublicApi
{
    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/queue/public").WithTags("候诊信息").AllowAnonymous();
        api.MapGet("/overview", Overview).WithName("PublicOverview").WithSummary("今日剩余号源与各诊室候诊人数");
        api.MapGet("/board", Board).WithName("DisplayBoard").WithSummary("候诊区叫号大屏");
        return app;
    }

    public static async Task<Ok<PublicOverviewDto>> Overview(PublicBoard board, CancellationToken ct) =>
        TypedResults.Ok(await board.OverviewAsync(ct));

    public static async Task<Ok<DisplayBoardDto>> Board(string? area, PublicBoard board, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(area) || area.Length > 100)
            throw new ProblemException(400, "area_required", "请指定候诊区域，例如 门诊楼2层");
        return TypedResults.Ok(await board.BoardAsync(area, ct));
    }
}
