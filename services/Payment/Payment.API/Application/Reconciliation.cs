using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.WeChat.Pay;

namespace Payment.API.Application;

/// <summary>Compares one Shanghai day of our credited payments and finished refunds with WeChat Pay's trade bill, and
/// raises every difference for staff (a payment we never credited, one WeChat Pay does not know, a differing amount).</summary>
public sealed class Reconciliation(PaymentDbContext db, WeChatPayClient weChatPay, TimeProvider clock, ILogger<Reconciliation> logger)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public async Task<ReconciliationRun> RunAsync(DateOnly billDate, CancellationToken ct)
    {
        var run = await db.Reconciliations.FirstOrDefaultAsync(r => r.BillDate == billDate, ct);
        if (run is null) db.Reconciliations.Add(run = new ReconciliationRun { BillDate = billDate });
        run.RanAt = clock.GetUtcNow();
        string? bill;
        try
        {
            bill = await weChatPay.DownloadTradeBillAsync(billDate, ct);
        }
        catch (Exception e) when (PartyFailures.IsUnreachable(e) || e is WeChatPayApiException)
        {
            logger.LogWarning(e, "Trade bill of {Date} could not be fetched", billDate);
            run.Status = ReconciliationRun.Failed;
            run.Failure = "无法获取微信支付交易账单，请稍后重试";
            await db.SaveChangesAsync(ct);
            return run;
        }
        var theirs = bill is null ? [] : TradeBillRows.Parse(bill);
        var ours = await OursAsync(billDate, ct);

        var differences = new List<(string Key, string Detail)>();
        foreach (var (key, fen) in theirs)
        {
            if (!ours.TryGetValue(key, out var ourFen))
                differences.Add((key, $"微信支付账单有 {Label(key)}（{fen / 100m:0.00} 元），本平台没有记录"));
            else if (ourFen != fen)
                differences.Add((key, $"{Label(key)} 金额不符：本平台 {ourFen / 100m:0.00} 元，微信支付 {fen / 100m:0.00} 元"));
        }
        foreach (var (key, fen) in ours.Where(o => !theirs.ContainsKey(o.Key)))
            differences.Add((key, $"本平台有 {Label(key)}（{fen / 100m:0.00} 元），微信支付账单没有"));
        foreach (var (key, detail) in differences)
            await db.RaiseAsync(PaymentIssue.Reconciliation, $"recon:{billDate:yyyy-MM-dd}:{key}", null, key[0] == 'P' ? key[2..] : null,
                $"{billDate:yyyy年M月d日}对账：{detail}", run.RanAt, ct);

        run.OurCount = ours.Count;
        run.TheirCount = theirs.Count;
        run.OurTotalFen = ours.Sum(o => Signed(o.Key, o.Value));
        run.TheirTotalFen = theirs.Sum(t => Signed(t.Key, t.Value));
        run.DifferenceCount = differences.Count;
        run.Status = differences.Count == 0 ? ReconciliationRun.Matched : ReconciliationRun.Differences;
        run.Failure = null;
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>Our side keyed as the bill is: P:out_trade_no for a payment, R:out_refund_no for a refund.</summary>
    private async Task<Dictionary<string, long>> OursAsync(DateOnly day, CancellationToken ct)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Shanghai).ToUniversalTime();
        var to = from.AddDays(1);
        var paid = await db.Orders.AsNoTracking().Where(o => o.PaidAt >= from && o.PaidAt < to && o.TransactionId != null)
            .Select(o => new { o.OutTradeNo, AmountFen = o.AmountFen - o.InsuredFen }).ToListAsync(ct);
        var refunded = await db.Refunds.AsNoTracking()
            .Where(r => r.Status == RefundStatus.Succeeded && r.SucceededAt >= from && r.SucceededAt < to)
            .Select(r => new { r.Id, r.AmountFen }).ToListAsync(ct);
        var ours = paid.ToDictionary(p => "P:" + p.OutTradeNo, p => p.AmountFen);
        foreach (var r in refunded) ours["R:" + r.Id.ToString("N")] = r.AmountFen;
        return ours;
    }

    private static long Signed(string key, long fen) => key[0] == 'R' ? -fen : fen;

    private static string Label(string key) => key[0] == 'P' ? $"支付（商户订单号 {key[2..]}）" : $"退款（商户退款单号 {key[2..]}）";
}

/// <summary>WeChat Pay's trade bill CSV: a header row, one row per trade with every value prefixed by a backtick, then a
/// summary header and row. Amounts are yuan with two decimals.</summary>
public static class TradeBillRows
{
    public static Dictionary<string, long> Parse(string csv)
    {
        var rows = new Dictionary<string, long>();
        var lines = csv.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines.Skip(1))
        {
            if (!line.StartsWith('`')) break; // the summary header: trades end here
            var f = line.Split(',').Select(v => v.TrimStart('`')).ToArray();
            if (f.Length < 17) continue;
            var state = f[9];
            if (state == "SUCCESS") rows["P:" + f[6]] = Fen(f[12]);
            else if (state == "REFUND") rows["R:" + f[15]] = Fen(f[16]);
        }
        return rows;
    }

    private static long Fen(string yuan) => (long)Math.Round(decimal.Parse(yuan, CultureInfo.InvariantCulture) * 100m);
}
