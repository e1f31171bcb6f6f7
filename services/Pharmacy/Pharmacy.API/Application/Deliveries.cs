using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pharmacy.API.Domain;
using Pharmacy.API.Extensions;
using Pharmacy.API.Infrastructure;
using Platform.Contracts.Payment;
using Platform.Contracts.Pharmacy;
using Platform.Messaging.Outbox;
using Platform.Security.Masking;
using Platform.ServiceDefaults.Problems;

namespace Pharmacy.API.Application;

public sealed record AddressInput(string? Recipient, string? Phone, string? Province, string? City, string? District, string? AddressLine);

public sealed record CreateDeliveryRequest(Guid PatientId, IReadOnlyList<Guid>? PrescriptionIds, Guid? AddressId, AddressInput? Address);

public sealed record RefusedDrugDto(Guid PrescriptionId, string DrugName, string Reason);

public sealed record DeliveryStepDto(string Status, string Text, string? Note, DateTimeOffset At);

public sealed record DeliveryDto(
    Guid Id, Guid PatientId, string Status, string StatusText, IReadOnlyList<string> DrugNames, bool ColdChain, string Recipient,
    string Phone, string Address, long FeeFen, string? WaybillNo, DateTimeOffset CreatedAt, DateTimeOffset PayBy,
    IReadOnlyList<DeliveryStepDto> Steps)
{
    public static DeliveryDto From(DeliveryOrder d, DeliveryContacts contacts) => From(d, contacts.Open(d));

    private static DeliveryDto From(DeliveryOrder d, DeliveryContact c) => new(d.Id, d.PatientId, d.Status, DeliveryStatus.TextOf(d.Status), d.DrugNames,
        d.ColdChain, c.Recipient, Mask.Phone(c.Phone), $"{d.Province}{d.City}{d.District}{c.AddressLine}", d.FeeFen, d.WaybillNo,
        d.CreatedAt, d.PayBy, d.Steps.OrderBy(s => s.At).ThenBy(s => DeliveryStatus.Rank(s.Status))
            .Select(s => new DeliveryStepDto(s.Status, s.Text, s.Note, s.At)).ToList());
}

public sealed record AddressDto(Guid Id, string Recipient, string Phone, string Province, string City, string District, string AddressLine)
{
    public static AddressDto From(DeliveryAddress a, DeliveryContacts contacts)
    {
        var c = contacts.Open(a);
        return new(a.Id, c.Recipient, Mask.Phone(c.Phone), a.Province, a.City, a.District, c.AddressLine);
    }
}

/// <summary>Medicine delivery (R33): which drugs may travel and where, the fee asked of Payment, the pharmacist's
/// release, and the courier's progress applied forward only.</summary>
public sealed class Deliveries(PharmacyDbContext db, DeliveryContacts contacts, IIntegrationEventOutbox outbox, IOptions<PharmacyOptions> options,
    TimeProvider clock)
{
    private PharmacyOptions Settings => options.Value;

    /// <summary>Why a drug may not be delivered to <paramref name="district"/>, or null when it may.</summary>
    public string? RefusalOf(Drug? drug, string district) => drug switch
    {
        { Controlled: "narcotic" } => "麻醉药品按规定须本人持证到医院药房领取，不能配送",
        { Controlled: "psychotropic" } => "精神药品按规定须到医院药房领取，不能配送",
        { ColdChain: true } when !Settings.ColdChainDistricts.Contains(district) =>
            $"该药需2～8℃冷链运输，{(string.IsNullOrEmpty(district) ? "您的地址" : district)}暂不支持冷链配送，请到医院药房领取",
        _ => null,
    };

    public string? RegionProblem(string province, string city, string district) =>
        Settings.Regions.TryGetValue($"{province}/{city}", out var districts) && districts.Contains(district)
            ? null
            : $"配送范围暂不包括{province}{city}{district}，目前仅支持{string.Join("；", Settings.Regions.Select(r => $"{r.Key.Replace("/", "")}（{string.Join("、", r.Value)}）"))}";

    public async Task<AddressDto> SaveAddressAsync(Guid accountId, AddressInput input, CancellationToken ct)
    {
        var (address, contact) = Validate(accountId, input);
        address.ContactCipher = contacts.Seal(address, contact);
        db.Addresses.Add(address);
        await db.SaveChangesAsync(ct);
        return AddressDto.From(address, contacts);
    }

    private (DeliveryAddress Address, DeliveryContact Contact) Validate(Guid accountId, AddressInput input)
    {
        var errors = new Dictionary<string, string[]>();
        string Need(string? value, string field, string label, int max)
        {
            var v = value?.Trim() ?? "";
            if (v.Length == 0 || v.Length > max) errors[field] = [$"请填写{label}"];
            return v;
        }
        var contact = new DeliveryContact(Need(input.Recipient, "recipient", "收件人", 30), Need(input.Phone, "phone", "手机号", 11),
            Need(input.AddressLine, "addressLine", "详细地址", 100));
        var address = new DeliveryAddress
        {
            AccountId = accountId, ContactCipher = "",
            Province = Need(input.Province, "province", "省份", 20), City = Need(input.City, "city", "城市", 20),
            District = Need(input.District, "district", "区县", 20), CreatedAt = clock.GetUtcNow(),
        };
        if (!errors.ContainsKey("phone") && !System.Text.RegularExpressions.Regex.IsMatch(contact.Phone, "^1[3-9][0-9]{9}$"))
            errors["phone"] = ["手机号格式不正确"];
        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        if (RegionProblem(address.Province, address.City, address.District) is { } problem)
            throw new ProblemException(422, "region_not_served", problem);
        return (address, contact);
    }

    public async Task<DeliveryDto> CreateAsync(Guid accountId, CreateDeliveryRequest request, CancellationToken ct)
    {
        var ids = request.PrescriptionIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["prescriptionIds"] = ["请选择要配送的药品"] });
        var (address, contact) = request.AddressId is { } addressId
            ? await SavedAddressAsync(accountId, addressId, ct)
            : Validate(accountId, request.Address ?? new AddressInput(null, null, null, null, null, null));
        if (RegionProblem(address.Province, address.City, address.District) is { } problem)
            throw new ProblemException(422, "region_not_served", problem);
        var prescriptions = await db.Prescriptions.AsNoTracking()
            .Where(p => p.PatientId == request.PatientId && ids.Contains(p.Id)).ToListAsync(ct);
        if (prescriptions.Count != ids.Count) throw ProblemException.NotFound("处方");
        var codes = prescriptions.Select(p => p.DrugCode).ToList();
        var drugs = await db.Drugs.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
        var refused = prescriptions
            .Select(p => (p, reason: p.Status != "active" ? "处方已结束，不能配送"
                : p.DispenseStatus == "completed" ? "药品已在药房发出，不能重复配送"
                : RefusalOf(drugs.GetValueOrDefault(p.DrugCode), address.District)))
            .Where(x => x.reason is not null).Select(x => new RefusedDrugDto(x.p.Id, x.p.DrugName, x.reason!)).ToList();
        if (refused.Count > 0)
            throw new ProblemException(422, "delivery_refused",
                string.Join("；", refused.Select(r => $"{r.DrugName}：{r.Reason}")),
                refused.ToDictionary(r => r.PrescriptionId.ToString(), r => new[] { r.Reason }));
        var busy = await db.Deliveries.AnyAsync(d => d.PatientId == request.PatientId
            && d.Status != DeliveryStatus.Cancelled && d.Status != DeliveryStatus.Lost
            && d.PrescriptionIds.Any(id => ids.Contains(id)), ct);
        if (busy) throw ProblemException.Conflict("already_ordered", "所选药品已有配送订单");
        var cold = prescriptions.Any(p => drugs.GetValueOrDefault(p.DrugCode)?.ColdChain == true);
        var now = clock.GetUtcNow();
        var order = new DeliveryOrder
        {
            AccountId = accountId, PatientId = request.PatientId, PrescriptionIds = ids, DrugNames = prescriptions.Select(p => p.DrugName).ToList(),
            ColdChain = cold, ContactCipher = "", Province = address.Province, City = address.City, District = address.District,
            FeeFen = Settings.DeliveryFeeFen + (cold ? Settings.ColdChainSurchargeFen : 0), CreatedAt = now, PayBy = now + Settings.PayWithin,
        };
        order.ContactCipher = contacts.Seal(order, contact);
        order.Steps.Add(Step(order, DeliveryStatus.AwaitingPayment, null, now));
        db.Deliveries.Add(order);
        outbox.Add(new PaymentRequestedIntegrationEvent(OrderKinds.Delivery, order.Id, accountId, request.PatientId, order.FeeFen,
            cold ? "药品配送费（冷链）" : "药品配送费", order.PayBy));
        await db.SaveChangesAsync(ct);
        return DeliveryDto.From(order, contacts);
    }

    private async Task<(DeliveryAddress, DeliveryContact)> SavedAddressAsync(Guid accountId, Guid addressId, CancellationToken ct)
    {
        var address = await db.Addresses.AsNoTracking().SingleOrDefaultAsync(a => a.Id == addressId && a.AccountId == accountId, ct)
                      ?? throw ProblemException.NotFound("收货地址");
        return (address, contacts.Open(address));
    }

    public async Task PaidAsync(Guid deliveryId, DateTimeOffset paidAt, CancellationToken ct)
    {
        var order = await db.Deliveries.Include(d => d.Steps).SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (order is null || order.Status != DeliveryStatus.AwaitingPayment) return;
        order.PaidAt = paidAt;
        Move(order, DeliveryStatus.Paid, "配送费已支付，等待药师审核", paidAt);
    }

    public async Task<DeliveryDto> ReleaseAsync(Guid deliveryId, string pharmacist, CancellationToken ct)
    {
        var order = await db.Deliveries.Include(d => d.Steps).SingleOrDefaultAsync(d => d.Id == deliveryId, ct)
                    ?? throw ProblemException.NotFound("配送订单");
        if (order.Status != DeliveryStatus.Paid)
            throw ProblemException.Conflict("not_releasable", $"订单当前状态为“{DeliveryStatus.TextOf(order.Status)}”，不能放行");
        var now = clock.GetUtcNow();
        order.ReleasedBy = pharmacist;
        order.ReleasedAt = now;
        Move(order, DeliveryStatus.Packed, $"药师{pharmacist}已审核放行，药品已打包", now);
        await db.SaveChangesAsync(ct);
        return DeliveryDto.From(order, contacts);
    }

    /// <summary>The patient withdraws an order before paying for it.</summary>
    public async Task<DeliveryDto> CancelUnpaidAsync(Guid patientId, Guid deliveryId, CancellationToken ct)
    {
        var order = await db.Deliveries.Include(d => d.Steps).SingleOrDefaultAsync(d => d.Id == deliveryId && d.PatientId == patientId, ct)
                    ?? throw ProblemException.NotFound("配送订单");
        if (order.Status != DeliveryStatus.AwaitingPayment)
            throw ProblemException.Conflict("not_cancellable", $"订单当前状态为“{DeliveryStatus.TextOf(order.Status)}”，不能取消");
        Cancel(order, "您已取消配送订单", clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ProblemException.Conflict("not_cancellable", "订单状态刚刚发生变化（可能已支付），请刷新后再试");
        }
        return DeliveryDto.From(order, contacts);
    }

    /// <summary>An unpaid order ends: its drugs may be ordered again, and Payment closes the fee's order.</summary>
    public void Cancel(DeliveryOrder order, string note, DateTimeOffset at)
    {
        Move(order, DeliveryStatus.Cancelled, note, at);
        outbox.Add(new PaymentWithdrawnIntegrationEvent(OrderKinds.Delivery, order.Id, note));
    }

    /// <summary>Applies a courier status; true when it changed the order. Older or repeated news never moves it back.</summary>
    public bool ApplyCourier(DeliveryOrder order, string eventId, int sequence, string status, string? note, DateTimeOffset at)
    {
        if (order.Steps.Any(s => s.CourierEventId == eventId)) return false;
        if (status is not (DeliveryStatus.HandedOver or DeliveryStatus.InTransit or DeliveryStatus.Delivered or DeliveryStatus.Lost)) return false;
        if (order.Status == DeliveryStatus.Cancelled || DeliveryStatus.Rank(order.Status) < DeliveryStatus.Rank(DeliveryStatus.Packed))
            return false;
        // A late event still belongs in the timeline (drawn by time), but it never moves the order back, and a
        // delivered or lost parcel's status is final.
        var step = Step(order, status, note, at);
        step.CourierEventId = eventId;
        order.Steps.Add(step);
        db.Steps.Add(step);
        var final = order.Status is DeliveryStatus.Delivered or DeliveryStatus.Lost;
        var forward = !final && sequence > order.CourierSequence && DeliveryStatus.Rank(status) >= DeliveryStatus.Rank(order.Status);
        if (!forward) return true;
        order.CourierSequence = sequence;
        if (order.Status != status || status == DeliveryStatus.InTransit)
        {
            order.Status = status;
            outbox.Add(new DeliveryStatusChangedIntegrationEvent(order.Id, order.PatientId, status, DeliveryStatus.TextOf(status), note, at));
            // The patient paid for a delivery that never came: the fee goes back, and the drugs may be ordered again.
            if (status == DeliveryStatus.Lost)
                outbox.Add(new RefundRequestedIntegrationEvent(OrderKinds.Delivery, order.Id, null, "包裹丢失，退回配送费"));
        }
        return true;
    }

    private void Move(DeliveryOrder order, string status, string? note, DateTimeOffset at)
    {
        order.Status = status;
        var step = Step(order, status, note, at);
        order.Steps.Add(step);
        db.Steps.Add(step);
        outbox.Add(new DeliveryStatusChangedIntegrationEvent(order.Id, order.PatientId, status, DeliveryStatus.TextOf(status), note, at));
    }

    private static DeliveryStep Step(DeliveryOrder order, string status, string? note, DateTimeOffset at) =>
        new() { DeliveryId = order.Id, Status = status, Text = DeliveryStatus.TextOf(status), Note = note, At = at };
}
