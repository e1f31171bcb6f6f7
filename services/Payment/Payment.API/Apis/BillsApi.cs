using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Payment.API.Application;
using Payment.API.Infrastructure;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Payment.API.Apis;

/// <summary><paramref name="Unsent"/>: an order not yet sent to WeChat Pay, to pay another way (medical insurance).</summary>
public sealed record OrderBillRequest(Guid? PatientId, bool? Unsent = null);

public sealed record TopUpRequest(Guid? PatientId, long? AmountFen);

public sealed record DepositList(IReadOnlyList<DepositDto> Items);

/// <summary>门诊缴费 (R37), 费用查询 (R39) and 住院预交金 (R36) for the patients the account acts for.</summary>
public static class BillsApi
{
    public static IEndpointRouteBuilder MapBillsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payment").WithTags("缴费").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/bills", List).WithName("ListBills").WithSummary("费用明细：医院开具的账单与明细（按就诊）");
        api.MapPost("/bills/{invoiceId}/order", OrderBill).WithName("OrderBill").WithSummary("为一张待缴账单生成支付订单");
        api.MapGet("/deposits", Deposits).WithName("ListDeposits").WithSummary("住院预交金账户、余额与充值记录");
        api.MapPost("/deposits/{accountId}/top-up", TopUp).WithName("TopUpDeposit").WithSummary("预交金充值：生成支付订单");
        return app;
    }

    public static async Task<Ok<BillsDto>> List(Guid? patientId, ClaimsPrincipal user, Bills bills, CancellationToken ct) =>
        TypedResults.Ok(await bills.ListAsync(user.AccountId(), RequirePatient(patientId), ct));

    public static async Task<Ok<OrderDto>> OrderBill(string invoiceId, OrderBillRequest? body, ClaimsPrincipal user, Bills bills,
        PaymentDbContext db, CancellationToken ct)
    {
        var errors = new Validation();
        if (!HisId(invoiceId)) errors.Add("invoiceId", "账单编号不正确");
        if (body?.PatientId is null || body.PatientId == Guid.Empty) errors.Add("patientId", "请选择就诊人");
        errors.ThrowIfAny();
        var order = await bills.OrderBillAsync(user.AccountId(), body!.PatientId!.Value, invoiceId, ct, body.Unsent == true);
        return TypedResults.Ok((await db.ToDtosAsync([order], ct))[0]);
    }

    public static async Task<Ok<DepositList>> Deposits(Guid? patientId, ClaimsPrincipal user, Bills bills, CancellationToken ct) =>
        TypedResults.Ok(new DepositList(await bills.DepositsAsync(user.AccountId(), RequirePatient(patientId), ct)));

    public static async Task<Ok<OrderDto>> TopUp(string accountId, TopUpRequest? body, ClaimsPrincipal user, Bills bills, PaymentDbContext db,
        CancellationToken ct)
    {
        var errors = new Validation();
        if (!HisId(accountId)) errors.Add("accountId", "预交金账户不正确");
        if (body?.PatientId is null || body.PatientId == Guid.Empty) errors.Add("patientId", "请选择就诊人");
        if (body?.AmountFen is not (>= Bills.MinTopUpFen and <= Bills.MaxTopUpFen)) errors.Add("amountFen", "充值金额应在1元至50000元之间");
        errors.ThrowIfAny();
        var order = await bills.TopUpAsync(user.AccountId(), body!.PatientId!.Value, accountId, body.AmountFen!.Value, ct);
        return TypedResults.Ok((await db.ToDtosAsync([order], ct))[0]);
    }

    private static Guid RequirePatient(Guid? patientId)
    {
        if (patientId is null || patientId == Guid.Empty)
            new Validation().Add("patientId", "请选择就诊人").ThrowIfAny();
        return patientId!.Value;
    }

    /// <summary>A FHIR id: 1–64 of [A-Za-z0-9-.].</summary>
    private static bool HisId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
