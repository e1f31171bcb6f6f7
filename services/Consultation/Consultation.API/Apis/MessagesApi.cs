using System.Security.Claims;
using Consultation.API.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consultation.API.Apis;

/// <summary>The chat of one consultation, for its patient and its doctor only.</summary>
public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/consultation/consultations/{id:guid}").WithTags("在线咨询").RequireAuthorization();
        api.MapGet("/messages", List).WithName("ConsultationMessages").WithSummary("消息（after=已有的最大序号，重连后补齐）");
        api.MapPost("/messages", Post).WithName("PostConsultationMessage").WithSummary("发送文字或图片消息（医生可发随访计划卡片）");
        api.MapPost("/read", Read).WithName("ReadConsultationMessages").WithSummary("已读回执：读到第几条");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<MessageDto>>> List(Guid id, long? after, ClaimsPrincipal user, Messages messages, CancellationToken ct) =>
        TypedResults.Ok(await messages.ListAsync(user, id, after ?? 0, ct));

    public static async Task<Ok<MessageDto>> Post(Guid id, PostMessageRequest request, ClaimsPrincipal user, Messages messages, CancellationToken ct) =>
        TypedResults.Ok(await messages.PostAsync(user, id, request, ct));

    public static async Task<Ok<ReadResult>> Read(Guid id, ReadRequest request, ClaimsPrincipal user, Messages messages, CancellationToken ct) =>
        TypedResults.Ok(new ReadResult(await messages.ReadAsync(user, id, request.Seq, ct)));

    public sealed record ReadResult(long ReadSeq);
}
