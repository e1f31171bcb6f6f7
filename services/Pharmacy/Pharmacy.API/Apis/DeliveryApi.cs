using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pharmacy.API.Application;
using Pharmacy.API.Extensions;
using Pharmacy.API.Infrastructure;
using Platform.ServiceDefaults.Auth;

namespace Pharmacy.API.Apis;

public sealed record RegionsDto(IReadOnlyList<RegionDto> Regions, IReadOnlyList<string> ColdChainDistricts, long FeeFen, long ColdChainSurchargeFen);

public sealed record RegionDto(string Province, string City, IReadOnlyList<string> Districts);

/// <summary>药品配送 (R33): addresses, delivery orders and their progress, for the patient's account.</summary>
public static class DeliveryApi
{
    public static IEndpointRouteBuilder MapDeliveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pharmacy").WithTags("药品配送").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/delivery/regions", Regions).WithName("DeliveryRegions").WithSummary("配送范围与费用");
        api.MapGet("/me/addresses", Addresses).WithName("MyAddresses").WithSummary("我的收货地址");
        api.MapPost("/me/addresses", AddAddress).WithName("AddAddress").WithSummary("新增收货地址（校验配送范围）");
        api.MapPost("/deliveries", Create).WithName("CreateDelivery").WithSummary("下单配送（不可配送的药品说明原因），生成配送费支付订单");
        api.MapGet("/patients/{patientId:guid}/deliveries", Mine).WithName("MyDeliveries").WithSummary("配送订单与进度");
        api.MapGet("/patients/{patientId:guid}/deliveries/{id:guid}", One).WithName("MyDelivery").WithSummary("一个配送订单的进度");
        api.MapPost("/patients/{patientId:guid}/deliveries/{id:guid}/cancel", Cancel).WithName("CancelDelivery").WithSummary("取消未支付的配送订单");
        return app;
    }

    public static Ok<RegionsDto> Regions(IOptions<PharmacyOptions> options) => TypedResults.Ok(new RegionsDto(
        options.Value.Regions.Select(r => new RegionDto(r.Key.Split('/')[0], r.Key.Split('/')[1], r.Value)).ToList(),
        options.Value.ColdChainDistricts, options.Value.DeliveryFeeFen, options.Value.ColdChainSurchargeFen));

    public static async Task<Ok<List<AddressDto>>> Addresses(ClaimsPrincipal user, PharmacyDbContext db, DeliveryContacts contacts,
        CancellationToken ct)
    {
        var account = user.AccountId();
        return TypedResults.Ok((await db.Addresses.AsNoTracking().Where(a => a.AccountId == account).OrderByDescending(a => a.CreatedAt).ToListAsync(ct))
            .Select(a => AddressDto.From(a, contacts)).ToList());
    }

    public static async Task<Ok<AddressDto>> AddAddress(AddressInput input, ClaimsPrincipal user, Deliveries deliveries, CancellationToken ct) =>
        TypedResults.Ok(await deliveries.SaveAddressAsync(user.AccountId(), input, ct));

    public static async Task<Ok<DeliveryDto>> Create(CreateDeliveryRequest request, ClaimsPrincipal user, Access access, Deliveries deliveries,
        CancellationToken ct)
    {
        var account = access.RequirePatient(user, request.PatientId, "delivery:create");
        return TypedResults.Ok(await deliveries.CreateAsync(account, request, ct));
    }

    public static async Task<Ok<List<DeliveryDto>>> Mine(Guid patientId, ClaimsPrincipal user, Access access, PharmacyDbContext db,
        DeliveryContacts contacts, CancellationToken ct)
    {
        access.RequirePatient(user, patientId, "deliveries");
        var list = await db.Deliveries.AsNoTracking().Include(d => d.Steps).Where(d => d.PatientId == patientId)
            .OrderByDescending(d => d.CreatedAt).Take(50).ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list.Select(d => DeliveryDto.From(d, contacts)).ToList());
    }

    public static async Task<Results<Ok<DeliveryDto>, NotFound>> One(Guid patientId, Guid id, ClaimsPrincipal user, Access access, PharmacyDbContext db,
        DeliveryContacts contacts, CancellationToken ct)
    {
        access.RequirePatient(user, patientId, $"delivery:{id}");
        var d = await db.Deliveries.AsNoTracking().Include(x => x.Steps).SingleOrDefaultAsync(x => x.Id == id && x.PatientId == patientId, ct);
        await db.SaveChangesAsync(ct);
        return d is null ? TypedResults.NotFound() : TypedResults.Ok(DeliveryDto.From(d, contacts));
    }

    public static async Task<Ok<DeliveryDto>> Cancel(Guid patientId, Guid id, ClaimsPrincipal user, Access access, Deliveries deliveries,
        CancellationToken ct)
    {
        access.RequirePatient(user, patientId, $"delivery:{id}:cancel");
        return TypedResults.Ok(await deliveries.CancelUnpaidAsync(patientId, id, ct));
    }
}
