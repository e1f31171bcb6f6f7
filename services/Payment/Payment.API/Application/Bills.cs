using Platform.Messaging.PatientLinks;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Payment.API.Infrastructure.EntityConfigurations;
using Platform.Contracts.Payment;
using Platform.ServiceDefaults.Problems;

namespace Payment.API.Application;

/// <summary>A line of a bill; for a bill paid (or being paid) through medical insurance, its 统筹 / 个人账户 / 自付 split.</summary>
public sealed record BillLineDto(string Id, string Name, string Category, string CategoryText, decimal Quantity, long AmountFen,
    DateTimeOffset? OccurredAt, long? FundPayFen = null, long? AccountPayFen = null, long? SelfPayFen = null);

public sealed record BillDto(string Id, string Number, string Type, DateTimeOffset? Date, long TotalFen, string Status, string StatusText,
    Guid? OrderId, IReadOnlyList<BillLineDto> Items, InsuranceDto? Insurance = null);

public sealed record BillsDto(Guid PatientId, long UnpaidFen, IReadOnlyList<BillDto> Invoices);

public sealed record TopUpDto(Guid OrderId, long AmountFen, string Status, string StatusText, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt);

public sealed record DepositDto(string Id, string Name, string Status, long DepositTotalFen, long ChargesTotalFen, long BalanceFen,
    DateTimeOffset? Since, DateTimeOffset? Until, IReadOnlyList<TopUpDto> TopUps, IReadOnlyList<HisDepositMovement> Movements);

/// <summary>门诊缴费 and 住院预交金: the HIS's bills and deposit accounts of a patient the account acts for, with the
/// orders that pay them. The amount of an order is the HIS's, read at the moment it is made.</summary>
public sealed class Bills(PaymentDbContext db, HisRecords his, PaymentNews news, OrderQuerySignal queries, TimeProvider clock,
    ILogger<Bills> logger)
{
    private static readonly TimeSpan PayWithin = TimeSpan.FromMinutes(30);
    public const long MinTopUpFen = 100, MaxTopUpFen = 5_000_000;

    public async Task<BillsDto> ListAsync(Guid account, Guid patientId, CancellationToken ct)
    {
        await RequireLinkAsync(account, patientId, ct);
        var charges = await Read(() => his.ChargesAsync(patientId, ct));
        var ids = charges.Invoices.Select(i => i.Id).ToList();
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.Kind == OrderKinds.Outpatient && o.PatientId == patientId && ids.Contains(o.HisReference!) && o.WithdrawnReason == null
                        && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Pending))
            .ToListAsync(ct);
        var claims = await db.CurrentClaimsAsync(orders.Select(o => o.Id).ToList(), ct);
        var byId = charges.Items.ToDictionary(c => c.Id);
        var bills = charges.Invoices.OrderByDescending(i => i.Date).Select(i =>
        {
            var order = orders.Where(o => o.HisReference == i.Id).OrderByDescending(o => o.Status == OrderStatus.Paid).FirstOrDefault();
            var claim = order is null ? null : claims.GetValueOrDefault(order.Id);
            var (status, text) = !i.Unpaid || (order?.Status == OrderStatus.Paid && claim?.Status != InsuranceStatus.Settling) ? ("paid", "已缴费")
                : claim?.Status == InsuranceStatus.Settling ? ("paying", "医保结算中")
                : order is not null ? ("paying", "支付中") : ("unpaid", "待缴费");
            var split = claim?.Status is InsuranceStatus.Failed ? null : claim?.Lines.ToDictionary(l => l.ChargeId);
            var lines = i.ChargeIds.Select(id => byId.GetValueOrDefault(id)).OfType<HisCharge>().Select(c =>
            {
                var line = LineOf(c);
                return split?.GetValueOrDefault(c.Id) is { } s ? line with { FundPayFen = s.FundPayFen, AccountPayFen = s.AccountPayFen, SelfPayFen = s.SelfPayFen } : line;
            }).ToList();
            return new BillDto(i.Id, i.Number, i.Type, i.Date, i.TotalFen, status, text, order?.Id, lines,
                split is null ? null : InsuranceDto.From(claim));
        }).ToList();
        return new BillsDto(patientId, bills.Where(b => b.Status != "paid").Sum(b => b.TotalFen), bills);
    }

    /// <summary>The bill's open order (one per bill). <paramref name="unsent"/> asks for one not yet sent to WeChat Pay, as a
    /// change of the way to pay (medical insurance) needs: an order already sent is withdrawn (closed at WeChat Pay; money
    /// that still arrives for it goes back) and a new one made.</summary>
    public async Task<PaymentOrder> OrderBillAsync(Guid account, Guid patientId, string invoiceId, CancellationToken ct, bool unsent = false)
    {
        await RequireLinkAsync(account, patientId, ct);
        var charges = await Read(() => his.ChargesAsync(patientId, ct));
        var invoice = charges.Invoices.FirstOrDefault(i => i.Id == invoiceId) ?? throw ProblemException.NotFound("账单");
        var existing = await db.Orders.AsNoTracking()
            .Where(o => o.Kind == OrderKinds.Outpatient && o.HisReference == invoiceId && o.WithdrawnReason == null
                        && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Pending))
            .FirstOrDefaultAsync(ct);
        if (!invoice.Unpaid || existing?.Status == OrderStatus.Paid) throw ProblemException.Conflict("bill_paid", "该账单已缴费");
        if (existing is not null && await db.InsuranceClaims.AnyAsync(c => c.OrderId == existing.Id && c.Status == InsuranceStatus.Settling, ct))
            throw ProblemException.Conflict("insurance_settling", "该账单正在进行医保结算，请稍候查看结果");
        // Paying oneself after choosing insurance: the same order forgets the split, unless WeChat Pay already has its amount.
        if (existing is { InsuredFen: > 0 } && !unsent && existing.CanChangeInsurance) return await ForgetInsuranceAsync(existing.Id, ct);
        if (existing is not null && existing.PrepaidAt is not null && (unsent || existing.InsuredFen > 0)) await WithdrawAsync(existing.Id, ct);
        else if (existing is not null) return existing;
        if (invoice.TotalFen <= 0) throw ProblemException.Conflict("bill_empty", "该账单无需缴费");
        var order = NewOrder(OrderKinds.Outpatient, account, patientId, invoiceId, invoice.TotalFen,
            $"门诊缴费 {invoice.Type} {invoice.Number}".Trim());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                                          && pg.ConstraintName == PaymentOrderConfiguration.OneOpenOrderPerBill)
        {
            // Another tap made it first: that one is the order.
            return await db.Orders.AsNoTracking().FirstAsync(o => o.Kind == OrderKinds.Outpatient && o.HisReference == invoiceId
                && o.Status == OrderStatus.Pending && o.WithdrawnReason == null, ct);
        }
        return order;
    }

    private async Task<PaymentOrder> ForgetInsuranceAsync(Guid orderId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = (await db.LockOrderAsync(orderId, ct))!;
        var claims = await db.InsuranceClaims.Where(c => c.OrderId == orderId).ToListAsync(ct);
        if (!order.CanChangeInsurance || claims.Any(c => c.Status is not (InsuranceStatus.Authorizing or InsuranceStatus.PreSettled
                or InsuranceStatus.Failed or InsuranceStatus.Abandoned)))
            throw ProblemException.Conflict("insurance_settling", "该账单正在进行医保结算，请稍候查看结果");
        foreach (var claim in claims) claim.Abandon(now);
        order.DropInsurance(now);
        news.StatusChanged(order, []);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return order;
    }

    private async Task WithdrawAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.FirstAsync(o => o.Id == orderId, ct);
        if (order.Status != OrderStatus.Pending) throw ProblemException.Conflict("bill_paid", "该账单已缴费");
        order.Withdraw("改用其他方式支付", clock.GetUtcNow());
        news.StatusChanged(order, []);
        // Saved before the new order is added: only one open order per bill may exist at any moment.
        await db.SaveChangesAsync(ct);
        queries.Nudge();
    }

    public async Task<List<DepositDto>> DepositsAsync(Guid account, Guid patientId, CancellationToken ct)
    {
        await RequireLinkAsync(account, patientId, ct);
        var deposits = await Read(() => his.DepositsAsync(patientId, ct));
        var ids = deposits.Select(d => d.Id).ToList();
        var topUps = await db.Orders.AsNoTracking()
            .Where(o => o.Kind == OrderKinds.Deposit && o.PatientId == patientId && ids.Contains(o.HisReference!))
            .OrderByDescending(o => o.CreatedAt).Take(100).ToListAsync(ct);
        return deposits.Select(d => new DepositDto(d.Id, d.Name, d.Status, d.DepositTotalFen, d.ChargesTotalFen, d.BalanceFen, d.Since, d.Until,
            topUps.Where(o => o.HisReference == d.Id).Select(o =>
            {
                var (status, text) = OrderStatus.Shown(o, []);
                return new TopUpDto(o.Id, o.AmountFen, status, text, o.CreatedAt, o.PaidAt);
            }).ToList(), d.Movements ?? [])).ToList();
    }

    public async Task<PaymentOrder> TopUpAsync(Guid account, Guid patientId, string accountId, long fen, CancellationToken ct)
    {
        await RequireLinkAsync(account, patientId, ct);
        var deposit = (await Read(() => his.DepositsAsync(patientId, ct))).FirstOrDefault(d => d.Id == accountId)
            ?? throw ProblemException.NotFound("预交金账户");
        if (deposit.Status != "active") throw ProblemException.Conflict("deposit_closed", "该预交金账户已结清，不能再充值");
        var order = NewOrder(OrderKinds.Deposit, account, patientId, accountId, fen, $"住院预交金 {deposit.Name}".Trim());
        await db.SaveChangesAsync(ct);
        return order;
    }

    private PaymentOrder NewOrder(string kind, Guid account, Guid patientId, string hisReference, long fen, string description)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var order = new PaymentOrder
        {
            Id = id, Kind = kind, SourceId = Guid.CreateVersion7(), AccountId = account, PatientId = patientId, Description = description,
            AmountFen = fen, OutTradeNo = PaymentOrder.OutTradeNoOf(id), CreatedAt = now, ExpiresAt = now + PayWithin, HisReference = hisReference,
        };
        order.QueryAgainAt(order.ExpiresAt);
        db.Orders.Add(order);
        news.StatusChanged(order, []);
        return order;
    }

    private async Task RequireLinkAsync(Guid account, Guid patientId, CancellationToken ct)
    {
        if (!await db.PatientLinks.MayActForAsync(account, patientId, ct))
            throw new ProblemException(403, "patient_not_linked", "该就诊人不属于当前账号，请先添加就诊人");
    }

    private async Task<T> Read<T>(Func<Task<T>> call)
    {
        try { return await call(); }
        catch (Exception e) when (PartyFailures.IsUnreachable(e))
        {
            logger.LogWarning(e, "HIS fees could not be read");
            throw new ProblemException(503, "his_unavailable", "暂时无法从医院获取费用信息，请稍后再试");
        }
    }

    public static BillLineDto LineOf(HisCharge c)
    {
        var (category, text) = CategoryOf(c);
        // The HIS gives the unit price; a line is what it costs in all.
        return new BillLineDto(c.Id, c.Item, category, text, c.Quantity, (long)Math.Round(c.AmountFen * c.Quantity), c.OccurredAt);
    }

    /// <summary>The HIS's charge codes (GH 挂号, JC- 检查, JY- 检验, YP- 药品), else the item's own name.</summary>
    public static (string Category, string Text) CategoryOf(HisCharge c)
    {
        var code = c.Code ?? "";
        if (code == "GH" || c.Item.StartsWith("挂号", StringComparison.Ordinal)) return ("registration", "挂号费");
        if (code.StartsWith("JC-", StringComparison.Ordinal) || c.Item.StartsWith("检查", StringComparison.Ordinal)) return ("exam", "检查费");
        if (code.StartsWith("JY-", StringComparison.Ordinal) || c.Item.StartsWith("检验", StringComparison.Ordinal)) return ("lab", "检验费");
        if (code.StartsWith("YP-", StringComparison.Ordinal) || c.Item.StartsWith("药品", StringComparison.Ordinal)) return ("drug", "药品费");
        return ("other", "其他");
    }
}
