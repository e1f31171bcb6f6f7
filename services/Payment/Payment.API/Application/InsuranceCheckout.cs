using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.Contracts.Payment;
using Platform.ServiceDefaults.Problems;

namespace Payment.API.Application;

/// <summary>A patient's side of paying a bill through medical insurance (X02): sending them to the 医保电子凭证 page,
/// taking its answer back (only for the account and order that asked), the 预结算 that splits the bill by item, and
/// confirming a bill insurance pays in full. No transaction is held across a call to the insurance platform or the HIS.</summary>
public sealed class InsuranceCheckout(PaymentDbContext db, InsurancePlatform insurance, HisRecords his, PaymentNews news,
    InsuranceSignal signal, IOptions<PaymentOptions> options, TimeProvider clock, ILogger<InsuranceCheckout> logger)
{
    private static readonly TimeSpan AuthorizeWithin = TimeSpan.FromMinutes(10);
    /// <summary>Paying the 自付 part must leave time to settle before the 预结算 lapses.</summary>
    private static readonly TimeSpan SettleMargin = TimeSpan.FromMinutes(1);

    public async Task<string> AuthorizeAsync(Guid account, Guid orderId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var state = Base64Url(RandomNumberGenerator.GetBytes(24));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await LockOwnAsync(account, orderId, ct);
        if (order.Kind != OrderKinds.Outpatient) throw ProblemException.Conflict("insurance_not_applicable", "该费用不支持医保支付");
        EnsureChangeable(order);
        foreach (var earlier in await db.InsuranceClaims.Where(c => c.OrderId == order.Id).ToListAsync(ct)) earlier.Abandon(now);
        order.DropInsurance(now);
        db.InsuranceClaims.Add(new InsuranceClaim
        {
            OrderId = order.Id, AccountId = account, StateHash = Hash(state), AuthorizeBefore = now + AuthorizeWithin,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var back = $"{options.Value.Insurance.PatientAppBaseUrl.TrimEnd('/')}/payment/insurance/{order.Id}";
        return insurance.AuthorizeUrl(back, state);
    }

    /// <summary>The 医保电子凭证 page sent the patient back with a one-time token: who is insured, and the 预结算.</summary>
    public async Task<PaymentOrder> PreSettleAsync(Guid account, Guid orderId, string ecToken, string state, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stateHash = Hash(state);
        var claim = await db.InsuranceClaims.AsNoTracking()
            .FirstOrDefaultAsync(c => c.OrderId == orderId && c.AccountId == account && c.StateHash == stateHash, ct);
        if (claim is null || claim.Status != InsuranceStatus.Authorizing || claim.AuthorizeBefore < now)
            throw new ProblemException(400, "insurance_state_invalid", "医保授权已失效或不属于当前账号，请重新发起医保支付");
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == orderId, ct);
        EnsureChangeable(order);

        var items = await BillItemsAsync(order, ct);
        InsuredPerson person;
        PreSettlement split;
        try
        {
            person = await insurance.VerifyAsync(ecToken, ct);
            split = await insurance.PreSettleAsync(order.Id.ToString("N"), person.InsuredId,
                items.Select(i => new InsuranceItem(i.Code, i.Name, i.Category, i.AmountFen)).ToList(), ct);
        }
        catch (InsuranceRefusedException e)
        {
            await FailAsync(claim.Id, e.Message, ct);
            throw e.Code is "TOKEN_USED" or "TOKEN_INVALID"
                ? new ProblemException(400, "insurance_token_invalid", "医保电子凭证授权已失效，请重新授权")
                : new ProblemException(422, "insurance_refused", $"医保暂不能结算：{e.Message}，可改用自费支付");
        }
        catch (Exception e) when (PartyFailures.IsUnreachable(e))
        {
            logger.LogWarning(e, "Insurance pre-settlement for order {OrderId} failed", order.Id);
            await FailAsync(claim.Id, "医保平台暂时无法访问", ct);
            throw Unavailable();
        }

        var lines = items.Zip(split.Items, (mine, theirs) => new InsuranceLine(mine.ChargeId, mine.Code, mine.Name, mine.Category,
            mine.AmountFen, theirs.FundPayFen, theirs.AccountPayFen, theirs.SelfPayFen)).ToList();
        if (split.Items.Count != items.Count || lines.Any(l => l.FundPayFen + l.AccountPayFen + l.SelfPayFen != l.AmountFen || l.SelfPayFen < 0))
        {
            await FailAsync(claim.Id, "医保预结算结果与账单明细不符", ct);
            throw new ProblemException(502, "insurance_split_invalid", "医保预结算结果与账单明细不符，请改用自费支付或到窗口缴费");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await LockOwnAsync(account, orderId, ct);
        var current = await db.InsuranceClaims.FirstAsync(c => c.Id == claim.Id, ct);
        if (current.Status != InsuranceStatus.Authorizing || !locked.CanChangeInsurance)
            throw ProblemException.Conflict("insurance_superseded", "该订单的支付方式已变更，请返回账单重新缴费");
        current.PreSettled(person.InsuredId, person.Name, person.InsuranceType, split.PreSettlementId, split.ExpiresAt.ToUniversalTime(), lines, now);
        locked.UseInsurance(current.InsuredFen, now);
        news.StatusChanged(locked, []);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return locked;
    }

    /// <summary>A bill insurance pays in full has no 自付 part to wait for: the patient's confirmation settles it.</summary>
    public async Task<PaymentOrder> ConfirmAsync(Guid account, Guid orderId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await LockOwnAsync(account, orderId, ct);
        var claim = await db.InsuranceClaims.Where(c => c.OrderId == order.Id && c.Status == InsuranceStatus.PreSettled).FirstOrDefaultAsync(ct)
            ?? throw ProblemException.Conflict("insurance_not_presettled", "请先完成医保授权与预结算");
        if (order.PayableFen > 0) throw ProblemException.Conflict("self_pay_due", "请先支付自付部分");
        EnsureFresh(claim, now);
        claim.Settle(now);
        news.StatusChanged(order, [], claim);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Nudge();
        return order;
    }

    /// <summary>Before WeChat Pay is asked for the 自付 part: the 预结算 must still be good when the money comes in.</summary>
    public static void EnsureFresh(InsuranceClaim claim, DateTimeOffset now)
    {
        if (claim.PreSettlementExpiresAt is { } expires && expires - SettleMargin < now)
            throw ProblemException.Conflict("insurance_presettlement_expired", "医保预结算已过期，请重新进行医保支付");
    }

    private async Task<List<InsuranceLine>> BillItemsAsync(PaymentOrder order, CancellationToken ct)
    {
        HisCharges charges;
        try { charges = await his.ChargesAsync(order.PatientId, ct); }
        catch (Exception e) when (PartyFailures.IsUnreachable(e))
        {
            logger.LogWarning(e, "HIS fees could not be read for insurance");
            throw new ProblemException(503, "his_unavailable", "暂时无法从医院获取费用信息，请稍后再试");
        }
        var invoice = charges.Invoices.FirstOrDefault(i => i.Id == order.HisReference) ?? throw ProblemException.NotFound("账单");
        var byId = charges.Items.ToDictionary(c => c.Id);
        var lines = invoice.ChargeIds.Select(id => byId.GetValueOrDefault(id)).OfType<HisCharge>().Select(c =>
        {
            var line = Bills.LineOf(c);
            return new InsuranceLine(c.Id, c.Code ?? c.Id, c.Item, line.Category, line.AmountFen, 0, 0, line.AmountFen);
        }).ToList();
        if (!invoice.Unpaid || lines.Sum(l => l.AmountFen) != order.AmountFen || lines.Any(l => l.AmountFen <= 0))
            throw ProblemException.Conflict("bill_changed", "账单金额或明细已变化，请返回刷新后重新缴费");
        return lines;
    }

    private async Task FailAsync(Guid claimId, string reason, CancellationToken ct)
    {
        var claim = await db.InsuranceClaims.FirstAsync(c => c.Id == claimId, ct);
        if (claim.Status != InsuranceStatus.Authorizing) return;
        claim.Fail(reason, clock.GetUtcNow());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { }
    }

    private async Task<PaymentOrder> LockOwnAsync(Guid account, Guid orderId, CancellationToken ct) =>
        await db.LockOrderAsync(orderId, ct) is { } order && order.AccountId == account ? order : throw ProblemException.NotFound("订单");

    private static void EnsureChangeable(PaymentOrder order)
    {
        if (order.Status == OrderStatus.Paid) throw ProblemException.Conflict("order_paid", "该订单已支付，无需重复支付");
        if (!order.IsOpen) throw ProblemException.Conflict("order_closed", "该订单已关闭，请返回账单重新缴费");
        if (order.PrepaidAt is not null)
            throw ProblemException.Conflict("order_prepaid", "该订单已发起微信支付，请返回账单重新选择支付方式");
    }

    private static ProblemException Unavailable() => new(503, "insurance_unavailable", "医保平台暂时无法访问，请稍后再试，或改用自费支付");

    private static string Hash(string state) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(state)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
